package dev.sremcp.domain.report;

import java.util.Objects;

/**
 * A tool's result as its caller receives it: the analysis, what the language model added, and what
 * the call cost.
 */
public record AnalysisReport(String tool, Analysis analysis, LlmUse llm, UsageCharge usage) {

  public AnalysisReport {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(llm, "llm");
    Objects.requireNonNull(usage, "usage");
  }

  /** The highest severity among the findings, or {@code null} when there are none. */
  public Severity worstSeverity() {
    return analysis.findings().isEmpty() ? null : analysis.findings().getFirst().severity();
  }
}
