package dev.sremcp.domain.slo;

import dev.sremcp.domain.format.Durations;
import dev.sremcp.domain.format.Numbers;
import dev.sremcp.domain.report.ToolDetails;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What {@code slo_report} adds beside the common result fields.
 *
 * @param timeToExhaustionSeconds when the remaining budget runs out at the current burn rate, by
 *     linear projection; 0 when it already has, {@code null} when nothing is burning
 * @param prometheusRules a Prometheus rule file with the burn-rate alerts, ready to load; with an
 *     SLI, the recording rules they read come first
 */
public record SloDetails(
    Objective slo,
    Observed observed,
    ErrorBudget errorBudget,
    BurnRate burnRate,
    Double timeToExhaustionSeconds,
    List<BurnRateAlert> alerts,
    String prometheusRules)
    implements ToolDetails {

  public SloDetails {
    alerts = List.copyOf(alerts);
  }

  /** The objective: a target over a window. */
  public record Objective(
      String name, double targetPercent, double objective, String window, long windowSeconds) {}

  /**
   * What was observed inside the window.
   *
   * @param source {@code counts} or {@code series}
   * @param coverage the share of the window the observations cover: 1 for counts, which are taken
   *     as the whole window
   * @param points the points of a series, and {@code pointsInWindow} those inside the window;
   *     {@code null} for counts
   * @param from the first point of a series (ISO-8601), {@code null} for counts
   */
  public record Observed(
      String source,
      double good,
      double total,
      double bad,
      double availability,
      double coverage,
      Integer points,
      Integer pointsInWindow,
      String from,
      String to) {}

  /**
   * The window's error budget, as events and as time, and how much of it the observed errors spent.
   * When observations cover part of the window, the budget is scaled from their traffic to the
   * whole window, and only the errors observed are counted as spent. Spent fractions above 1 mean
   * it is overspent.
   */
  public record ErrorBudget(
      double ratio,
      double totalEvents,
      double spentEvents,
      double remainingEvents,
      double spentFraction,
      double remainingFraction,
      double totalSeconds,
      double spentSeconds,
      double remainingSeconds,
      boolean exhausted) {}

  /**
   * How fast the budget burns: 1 spends exactly the budget over the window.
   *
   * @param current the rate now, over {@code basis}
   * @param average the rate over everything observed in the window
   */
  public record BurnRate(double current, String basis, double average) {}

  /** A burn-rate alert of the policy, with its state when a series allowed evaluating it. */
  public record BurnRateAlert(
      AlertSeverity severity,
      String longWindow,
      String shortWindow,
      String forDuration,
      double burnRate,
      double errorRatioThreshold,
      double budgetConsumed,
      AlertState state,
      Double longWindowBurnRate,
      Double shortWindowBurnRate,
      String reason) {}

  /** Whether an alert would fire on the observations. */
  public enum AlertState {
    FIRING,
    OK,
    NOT_EVALUATED,
    UNREACHABLE;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Override
  public String toMarkdown() {
    StringBuilder text = new StringBuilder();
    text.append("| | |\n|---|---|\n");
    row(
        text,
        "SLO",
        (slo.name() == null ? "" : slo.name() + ": ")
            + Numbers.plain(slo.targetPercent(), 6)
            + "% over "
            + slo.window());
    row(
        text,
        "Availability",
        Numbers.percent(observed.availability(), 4)
            + " ("
            + Numbers.plain(observed.good(), 3)
            + " good of "
            + Numbers.plain(observed.total(), 3)
            + (observed.points() == null
                ? ""
                : ", "
                    + observed.pointsInWindow()
                    + " of "
                    + observed.points()
                    + " points in the window")
            + ")");
    if (observed.coverage() < 1) {
      row(text, "Observed", Numbers.percent(observed.coverage(), 1) + " of the window");
    }
    row(
        text,
        "Error budget",
        Numbers.plain(errorBudget.totalEvents(), 3)
            + " events, or "
            + human(errorBudget.totalSeconds())
            + " of full outage");
    row(
        text,
        "Spent",
        Numbers.percent(errorBudget.spentFraction(), 2)
            + " ("
            + Numbers.plain(errorBudget.spentEvents(), 3)
            + " events, "
            + human(errorBudget.spentSeconds())
            + ")");
    row(
        text,
        "Remaining",
        Numbers.percent(errorBudget.remainingFraction(), 2)
            + (errorBudget.exhausted()
                ? " (exhausted)"
                : ", " + human(errorBudget.remainingSeconds())));
    row(
        text,
        "Burn rate",
        Numbers.plain(burnRate.current(), 3)
            + "x over "
            + burnRate.basis()
            + "; "
            + Numbers.plain(burnRate.average(), 3)
            + "x on average");
    row(
        text,
        "Budget runs out",
        timeToExhaustionSeconds == null
            ? "never at the current rate"
            : timeToExhaustionSeconds == 0
                ? "already"
                : "in " + human(timeToExhaustionSeconds) + " at the current rate");
    text.append("\n## Burn-rate alerts\n\n")
        .append(
            "| severity | long | short | for | burn rate | fires above error ratio | budget spent | state |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    for (BurnRateAlert alert : alerts) {
      text.append("| ")
          .append(alert.severity())
          .append(" | ")
          .append(alert.longWindow())
          .append(" | ")
          .append(alert.shortWindow())
          .append(" | ")
          .append(alert.forDuration())
          .append(" | ")
          .append(Numbers.plain(alert.burnRate(), 2))
          .append("x | ")
          .append(Numbers.plain(alert.errorRatioThreshold(), 6))
          .append(" | ")
          .append(Numbers.percent(alert.budgetConsumed(), 1))
          .append(" | ")
          .append(alert.state())
          .append(alert.reason() == null ? "" : ": " + alert.reason())
          .append(" |\n");
    }
    text.append("\n## Prometheus rules\n\n```yaml\n").append(prometheusRules).append("```\n");
    return text.toString();
  }

  private static void row(StringBuilder text, String name, String value) {
    text.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }

  private static String human(double seconds) {
    return Durations.human(Duration.ofSeconds(Math.round(Math.abs(seconds))));
  }
}
