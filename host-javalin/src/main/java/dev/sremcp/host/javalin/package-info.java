/**
 * The {@code sre-mcp} command: {@code serve} runs MCP over Streamable HTTP on Javalin (virtual
 * threads) with health, readiness and Prometheus metrics; {@code stdio} runs MCP over standard
 * input and output; {@code analyze} runs one analysis without a server. This module composes the
 * application from configuration and translates transports; it holds no protocol or domain logic.
 */
package dev.sremcp.host.javalin;
