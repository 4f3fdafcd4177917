/**
 * MCP over standard input and output: newline-delimited JSON-RPC, with requests answered
 * concurrently and nothing but MCP messages on stdout.
 */
package dev.sremcp.mcp.stdio;
