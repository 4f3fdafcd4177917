/**
 * JSON-RPC 2.0 as MCP uses it: reading messages from bytes ({@link
 * dev.sremcp.mcp.jsonrpc.JsonRpcCodec}, refusing what is not JSON-RPC with -32700 or -32600),
 * writing them back on one line, the error codes, and the one Jackson configuration of the engine
 * ({@link dev.sremcp.mcp.jsonrpc.Json}).
 */
package dev.sremcp.mcp.jsonrpc;
