/**
 * The transport-free engine. {@link dev.sremcp.mcp.engine.McpServer} answers one request at a time
 * under the rules of its era, given a {@link dev.sremcp.mcp.engine.CallScope} that the transport
 * filled in; {@code InputFlow} turns a handler's need for input into a 2026-07-28 {@code
 * input_required} result or legacy requests on the stream. Nothing here knows HTTP, stdio or the
 * product.
 */
package dev.sremcp.mcp.engine;
