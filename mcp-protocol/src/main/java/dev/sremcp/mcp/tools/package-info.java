/**
 * The analyses of {@code ports} offered as MCP tools: arguments in, the common result shape out, as
 * structured content that matches each tool's output schema and as readable Markdown.
 */
package dev.sremcp.mcp.tools;
