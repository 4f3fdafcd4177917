package dev.sremcp.ports.in;

import dev.sremcp.domain.account.Refusal;
import dev.sremcp.domain.report.AnalysisReport;

/** How a tool call ended. */
public sealed interface ToolOutcome {

  /** The analysis ran and here is its report. */
  record Completed(AnalysisReport report) implements ToolOutcome {}

  /** No tool has this name. */
  record UnknownTool(String tool) implements ToolOutcome {}

  /**
   * The arguments cannot be analyzed; {@code reason} names the problem and the limit so the caller
   * can correct the call. Nothing is charged.
   */
  record Rejected(String tool, String reason) implements ToolOutcome {}

  /**
   * The analysis failed on our side; {@code reason} says so without internals and carries a
   * reference to the logged error. Nothing is charged.
   */
  record Failed(String tool, String reason) implements ToolOutcome {}

  /** The call was not admitted: a limit, the caller's tier, or the server's state. Not charged. */
  record Refused(String tool, Refusal refusal) implements ToolOutcome {}
}
