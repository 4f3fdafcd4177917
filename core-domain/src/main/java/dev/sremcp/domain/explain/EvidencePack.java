package dev.sremcp.domain.explain;

import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.Evidence;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.text.LineBudget;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The evidence a prompt is built from: the summary, the most severe findings labelled {@code F1},
 * {@code F2}... with their evidence, and the tool's own digest ({@link
 * dev.sremcp.domain.report.ToolDetails#evidence()}). Its size is bounded by {@link #BUDGET_CHARS}
 * whatever the size of the input, because it is built from the analysis and never from the input.
 *
 * @param text the pack as the model reads it, before redaction
 * @param cited the findings shown, in label order: {@code F1} is {@code cited.get(0)}
 */
public record EvidencePack(String text, List<Finding> cited) {

  /** The most characters a pack holds. */
  public static final int BUDGET_CHARS = 12_000;

  /** The most findings a pack shows. */
  public static final int MAX_FINDINGS = 30;

  private static final int FINDINGS_BUDGET_CHARS = 6_000;

  public EvidencePack {
    Objects.requireNonNull(text, "text");
    cited = List.copyOf(cited);
  }

  /** The pack of one analysis of {@code tool}. */
  public static EvidencePack of(String tool, Analysis analysis) {
    LineBudget pack = new LineBudget(BUDGET_CHARS);
    pack.line("tool: " + tool);
    pack.line("summary: " + clip(analysis.summary(), 500));
    List<Finding> findings = analysis.findings();
    LineBudget listed = new LineBudget(FINDINGS_BUDGET_CHARS);
    int shown = 0;
    while (shown < Math.min(MAX_FINDINGS, findings.size())
        && listed.line(entry(shown + 1, findings.get(shown)))) {
      shown++;
    }
    pack.line(
        "findings ("
            + analysis.truncation().returned()
            + (analysis.truncation().truncated() ? "+" : "")
            + " in all, "
            + shown
            + " shown, most severe first):");
    if (shown > 0) {
      pack.line(listed.text().stripTrailing());
    }
    String details = analysis.details().evidence();
    if (!details.isBlank()) {
      pack.line("details:");
      for (String line : details.split("\n", -1)) {
        if (!pack.line(line)) {
          break;
        }
      }
    }
    return new EvidencePack(pack.text(), findings.subList(0, shown));
  }

  /** The finding labelled {@code id} ({@code F1} is the first), if the pack shows it. */
  public Optional<Finding> finding(String id) {
    if (id == null || !id.matches("F[1-9][0-9]{0,3}")) {
      return Optional.empty();
    }
    int index = Integer.parseInt(id.substring(1)) - 1;
    return index < cited.size() ? Optional.of(cited.get(index)) : Optional.empty();
  }

  private static String entry(int number, Finding finding) {
    StringBuilder entry =
        new StringBuilder()
            .append('F')
            .append(number)
            .append(' ')
            .append(finding.severity().id())
            .append(' ')
            .append(finding.ruleId())
            .append(": ")
            .append(clip(finding.title(), 160))
            .append(" - ")
            .append(clip(finding.message(), 300));
    for (Evidence evidence :
        finding.evidence().subList(0, Math.min(2, finding.evidence().size()))) {
      entry.append("\n   at ").append(clip(evidence.file(), 80));
      if (evidence.line() != null) {
        entry.append(':').append(evidence.line());
      } else if (evidence.startLine() != null) {
        entry.append(':').append(evidence.startLine()).append('-').append(evidence.endLine());
      }
      if (!evidence.excerpt().isBlank()) {
        entry.append(": ").append(clip(evidence.excerpt().replace('\n', ' '), 200));
      }
    }
    return entry.toString();
  }

  static String clip(String text, int max) {
    String flat = text.strip();
    if (flat.length() <= max) {
      return flat;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(flat.charAt(end - 1))) {
      end--;
    }
    return flat.substring(0, end) + "…";
  }
}
