/**
 * What a server registers with the engine: tools, resources, resource templates, prompts and
 * completions, with the handlers that answer them. Handlers are stateless and written once for both
 * eras; when one needs input from the client (sampling, elicitation, roots) it returns {@link
 * dev.sremcp.mcp.spi.InputRequired}, which the engine sends as a 2026-07-28 MRTR result or, for
 * legacy clients, as requests on the response stream.
 */
package dev.sremcp.mcp.spi;
