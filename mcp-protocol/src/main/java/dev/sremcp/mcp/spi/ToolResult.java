package dev.sremcp.mcp.spi;

/** What a tool handler returns: its result, or a request for input first. */
public sealed interface ToolResult permits CallToolResult, InputRequired {}
