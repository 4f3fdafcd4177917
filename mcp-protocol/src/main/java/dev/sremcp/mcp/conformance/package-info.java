/**
 * The fixture tools, resources and prompts the official MCP conformance suite calls by name ({@code
 * test_simple_text}, {@code test://static-text}, {@code test_simple_prompt}...). They are
 * registered only by {@code ./sre-mcp serve --conformance-fixtures}; they exercise the protocol and
 * are written against the same SPI as the product's own tools.
 */
package dev.sremcp.mcp.conformance;
