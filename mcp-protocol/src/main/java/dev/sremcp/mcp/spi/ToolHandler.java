package dev.sremcp.mcp.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Answers calls of one tool. The arguments have already passed the tool's input schema. */
@FunctionalInterface
public interface ToolHandler {

  ToolResult call(ObjectNode arguments, RequestContext context);
}
