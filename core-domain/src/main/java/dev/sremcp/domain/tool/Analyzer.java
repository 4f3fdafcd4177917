package dev.sremcp.domain.tool;

import dev.sremcp.domain.report.Analysis;

/**
 * One analysis sre-mcp offers as a tool. An analyzer is a pure function of its arguments: it reads
 * nothing but them, keeps no state between calls, and stays within bounded time and memory whatever
 * their size.
 */
public interface Analyzer {

  /** What the tool is called, who may call it, and the shape of its arguments and result. */
  ToolDescriptor descriptor();

  /**
   * Analyzes the arguments of one call.
   *
   * @throws InvalidArgumentsException when the arguments cannot be analyzed, naming the problem
   * @throws java.util.concurrent.CancellationException when the context reports cancellation
   */
  Analysis analyze(Arguments arguments, AnalysisContext context);
}
