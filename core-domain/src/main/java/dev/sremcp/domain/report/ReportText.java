package dev.sremcp.domain.report;

import java.util.Locale;

/**
 * Renders a report as Markdown for people and for models that read text rather than structured
 * content. It carries the same facts as the structured result.
 */
public final class ReportText {

  private ReportText() {}

  public static String render(AnalysisReport report) {
    Analysis analysis = report.analysis();
    StringBuilder text = new StringBuilder();
    text.append("# ").append(report.tool()).append("\n\n").append(analysis.summary()).append('\n');
    String details = analysis.details().toMarkdown();
    if (!details.isBlank()) {
      text.append('\n').append(details.strip()).append('\n');
    }
    appendFindings(text, analysis);
    appendFooter(text, report);
    return text.toString();
  }

  private static void appendFindings(StringBuilder text, Analysis analysis) {
    text.append("\n## Findings\n\n");
    if (analysis.findings().isEmpty()) {
      text.append("None.\n");
    }
    for (Finding finding : analysis.findings()) {
      text.append("- **")
          .append(finding.severity().id().toUpperCase(Locale.ROOT))
          .append("** ")
          .append(finding.title())
          .append(" (`")
          .append(finding.ruleId())
          .append("`): ")
          .append(finding.message());
      for (Evidence evidence : finding.evidence()) {
        text.append("\n  - ").append(location(evidence));
        if (evidence.excerpt().indexOf('\n') >= 0) {
          text.append(":\n\n");
          evidence
              .excerpt()
              .lines()
              .forEach(line -> text.append("        ").append(line).append('\n'));
        } else {
          text.append(": `").append(evidence.excerpt()).append('`');
        }
      }
      if (finding.fix() != null) {
        text.append("\n  - Fix: ").append(finding.fix());
      }
      text.append('\n');
    }
    Truncation truncation = analysis.truncation();
    if (truncation.truncated()) {
      text.append("\n")
          .append(truncation.returned())
          .append(" findings shown, at the limit of ")
          .append(truncation.limit())
          .append("; more were found.\n");
    }
  }

  private static String location(Evidence evidence) {
    if (evidence.line() != null) {
      return evidence.file() + ":" + evidence.line();
    }
    if (evidence.startLine() != null) {
      return evidence.file() + ":" + evidence.startLine() + "-" + evidence.endLine();
    }
    return evidence.file();
  }

  private static void appendFooter(StringBuilder text, AnalysisReport report) {
    LlmUse llm = report.llm();
    if (llm.used() && llm.explanation() != null) {
      text.append("\n## Explanation (")
          .append(llm.model())
          .append(Boolean.TRUE.equals(llm.cached()) ? ", cached" : "")
          .append(")\n\n")
          .append(llm.explanation())
          .append('\n');
    }
    text.append("\n---\n")
        .append(
            llm.used() ? "Explained by " + llm.model() : "No language model used: " + llm.reason())
        .append(". ");
    UsageCharge usage = report.usage();
    text.append("Units charged: ").append(usage.unitsCharged());
    if (usage.remainingMonth() != null) {
      text.append("; ").append(usage.remainingMonth()).append(" left this month");
    }
    if (usage.remainingHour() != null) {
      text.append("; ").append(usage.remainingHour()).append(" left this hour");
    }
    text.append(".\n");
  }
}
