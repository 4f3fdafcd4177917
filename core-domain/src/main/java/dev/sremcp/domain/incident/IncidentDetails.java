package dev.sremcp.domain.incident;

import dev.sremcp.domain.format.Numbers;
import dev.sremcp.domain.report.ToolDetails;
import dev.sremcp.domain.text.LineBudget;
import java.util.List;

/**
 * What {@code analyze_incident} adds beside the common result fields.
 *
 * @param onset when the symptoms began (RFC 3339), or {@code null} when no symptom was found
 * @param detectedAt when the first alert fired, or {@code null} without alerts
 * @param resolvedAt when the last alert was resolved, or {@code null} while any still fires
 * @param timeline the merged events around the onset, oldest first; {@code timelineTotal} counts
 *     all of them
 * @param hypotheses the causes the evidence supports, most likely first
 * @param abstained whether no cause is supported well enough to name: "insufficient evidence"
 * @param abstention why, when abstained
 */
public record IncidentDetails(
    String onset,
    String detectedAt,
    String resolvedAt,
    Affected affected,
    Inputs inputs,
    List<TimelineEntry> timeline,
    int timelineTotal,
    List<Hypothesis> hypotheses,
    boolean abstained,
    String abstention)
    implements ToolDetails {

  public IncidentDetails {
    timeline = List.copyOf(timeline);
    hypotheses = List.copyOf(hypotheses);
  }

  /** Services and hosts the symptoms name. */
  public record Affected(List<String> services, List<String> hosts) {
    public Affected {
      services = List.copyOf(services);
      hosts = List.copyOf(hosts);
    }
  }

  /** How much of each input was read. */
  public record Inputs(int alerts, int changes, int series, long logLines, long logEvents) {}

  /**
   * One event of the merged timeline.
   *
   * @param kind {@code change}, {@code alert}, {@code resolved}, {@code log} or {@code metric}
   * @param ref where it comes from, e.g. {@code changes[3]} or {@code logs:1042}
   */
  public record TimelineEntry(String time, String kind, String service, String text, String ref) {}

  /**
   * A cause the evidence supports.
   *
   * @param cause one of {@link Cause}'s ids, e.g. {@code bad-deploy}
   * @param confidence from 0 to 1; below {@link Investigation#ABSTAIN_BELOW} for every hypothesis,
   *     the analysis abstains
   */
  public record Hypothesis(
      int rank, String cause, String title, double confidence, List<Support> evidence) {
    public Hypothesis {
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * One piece of evidence for a hypothesis.
   *
   * @param weight how much it alone supports the hypothesis, from 0 to 1
   */
  public record Support(String kind, String time, String text, String ref, double weight) {}

  @Override
  public String toMarkdown() {
    StringBuilder md = new StringBuilder();
    md.append("\n## Onset\n\n")
        .append(onset == null ? "No symptom found in the inputs." : onset)
        .append(detectedAt == null ? "" : "; first alert " + detectedAt)
        .append(resolvedAt == null ? "" : "; resolved " + resolvedAt)
        .append('\n');
    if (!affected.services().isEmpty() || !affected.hosts().isEmpty()) {
      md.append("\nAffected: ")
          .append(String.join(", ", affected.services()))
          .append(
              affected.hosts().isEmpty()
                  ? ""
                  : " (hosts " + String.join(", ", affected.hosts()) + ")")
          .append('\n');
    }
    md.append("\n## Hypotheses\n\n");
    if (abstained) {
      md.append("**Insufficient evidence**: ").append(abstention).append("\n\n");
    }
    int shown = 0;
    for (Hypothesis h : hypotheses) {
      if (shown++ == 5) {
        break;
      }
      md.append(h.rank())
          .append(". ")
          .append(h.title())
          .append(" (`")
          .append(h.cause())
          .append("`, confidence ")
          .append(Numbers.plain(h.confidence(), 2))
          .append(")\n");
      for (Support s : h.evidence().subList(0, Math.min(4, h.evidence().size()))) {
        md.append("   - ")
            .append(s.time() == null ? "" : s.time() + " ")
            .append(s.kind())
            .append(": ")
            .append(s.text())
            .append('\n');
      }
    }
    if (hypotheses.isEmpty()) {
      md.append("None.\n");
    }
    md.append("\n## Timeline\n\n");
    for (TimelineEntry e : timeline.subList(0, Math.min(40, timeline.size()))) {
      md.append("- ")
          .append(e.time())
          .append(" **")
          .append(e.kind())
          .append("** ")
          .append(e.service() == null ? "" : "[" + e.service() + "] ")
          .append(e.text())
          .append('\n');
    }
    if (timeline.size() > 40 || timelineTotal > timeline.size()) {
      md.append("- … ").append(timelineTotal - Math.min(40, timeline.size())).append(" more\n");
    }
    return md.toString();
  }

  @Override
  public String evidence() {
    LineBudget budget = new LineBudget(6_000);
    budget.line("onset: " + onset + ", first alert: " + detectedAt + ", resolved: " + resolvedAt);
    budget.line("affected: " + affected.services() + " hosts " + affected.hosts());
    budget.line(abstained ? "abstained: " + abstention : "hypotheses (deterministic):");
    for (Hypothesis h : hypotheses) {
      budget.line("- " + h.cause() + " " + Numbers.plain(h.confidence(), 2) + ": " + h.title());
    }
    budget.line("timeline:");
    for (TimelineEntry e : timeline) {
      budget.line(
          e.time()
              + " "
              + e.kind()
              + (e.service() == null ? "" : " [" + e.service() + "]")
              + " "
              + e.text());
    }
    return budget.text();
  }
}
