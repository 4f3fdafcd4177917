package dev.sremcp.mcp.engine;

import dev.sremcp.mcp.jsonrpc.McpException;

/**
 * Who may see and call which tool: {@code tools/list} shows a caller only the tools it may call
 * (and its results are then marked {@code cacheScope: private}); {@code tools/call} of any other
 * tool is answered with the exception {@link #check} throws, before its arguments are checked.
 */
public interface ToolAccess {

  /** Everyone sees and calls every tool. */
  ToolAccess OPEN = (tool, caller) -> {};

  /**
   * Returns when the caller may call the tool.
   *
   * @throws McpException saying why not (and with which HTTP status and headers)
   */
  void check(String tool, Attributes caller);

  default boolean visible(String tool, Attributes caller) {
    try {
      check(tool, caller);
      return true;
    } catch (McpException refused) {
      return false;
    }
  }
}
