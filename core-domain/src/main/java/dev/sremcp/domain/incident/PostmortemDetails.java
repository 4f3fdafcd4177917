package dev.sremcp.domain.incident;

import dev.sremcp.domain.report.ToolDetails;
import java.util.List;

/**
 * What {@code draft_postmortem} adds beside the common result fields.
 *
 * @param markdown the draft, ready to paste into a postmortem document
 * @param rootCause the cause the analysis supports best, or {@code null} when it abstained
 * @param actionItems follow-ups drawn from the cause and the detection, owners left blank
 */
public record PostmortemDetails(
    String title,
    Impact impact,
    IncidentDetails.Hypothesis rootCause,
    boolean abstained,
    List<ActionItem> actionItems,
    String markdown)
    implements ToolDetails {

  public PostmortemDetails {
    actionItems = List.copyOf(actionItems);
  }

  /**
   * How long and how much.
   *
   * @param durationSeconds from the onset to the resolution, or {@code null} while unresolved
   * @param timeToDetectSeconds from the onset to the first alert, or {@code null} without alerts
   * @param errorBudgetConsumed the share of the SLO window's error budget the incident spent, or
   *     {@code null} without an SLO or a duration
   * @param budgetAssumption how the share was computed
   */
  public record Impact(
      String start,
      String end,
      Long durationSeconds,
      Long timeToDetectSeconds,
      List<String> services,
      Double errorBudgetConsumed,
      String budgetAssumption) {
    public Impact {
      services = List.copyOf(services);
    }
  }

  /** One follow-up. {@code owner} is blank on purpose: the review assigns it. */
  public record ActionItem(String action, String kind, String priority, String owner) {}

  @Override
  public String toMarkdown() {
    return "\n" + markdown;
  }

  @Override
  public String evidence() {
    return markdown.length() <= 8_000 ? markdown : markdown.substring(0, 8_000);
  }
}
