package dev.sremcp.domain.slo;

import dev.sremcp.domain.format.Durations;
import dev.sremcp.domain.format.Numbers;
import dev.sremcp.domain.report.Evidence;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.report.Severity;
import dev.sremcp.domain.slo.SloDetails.AlertState;
import dev.sremcp.domain.slo.SloDetails.BurnRateAlert;
import dev.sremcp.domain.slo.SloDetails.ErrorBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The findings of an SLO report: what in the numbers needs someone's attention. */
final class SloFindings {

  /** A single failure costing this share of the budget or more makes the SLO noisy. */
  private static final double NOISY_FAILURE_COST = 0.05;

  private final SloRequest request;
  private final ObservedEvents events;
  private final SloDetails details;
  private final List<BurnRateWindow> policy;

  /**
   * @param policy the windows of {@code details.alerts()}, in the same order
   */
  SloFindings(
      SloRequest request, ObservedEvents events, SloDetails details, List<BurnRateWindow> policy) {
    this.request = request;
    this.events = events;
    this.details = details;
    this.policy = policy;
  }

  List<Finding> findings() {
    List<Finding> findings = new ArrayList<>();
    ErrorBudget budget = details.errorBudget();
    if (budget.exhausted()) {
      findings.add(exhausted(budget));
    }
    boolean firing = false;
    for (int i = 0; i < policy.size(); i++) {
      BurnRateAlert alert = details.alerts().get(i);
      if (alert.state() == AlertState.FIRING) {
        findings.add(firing(alert, policy.get(i)));
        firing = true;
      }
    }
    Double exhaustion = details.timeToExhaustionSeconds();
    if (!budget.exhausted() && !firing && details.burnRate().current() > 1 && exhaustion != null) {
      findings.add(unsustainable(budget, exhaustion));
    }
    double failureCost = 1 / budget.totalEvents();
    if (failureCost >= NOISY_FAILURE_COST) {
      findings.add(
          Finding.rule(
              "slo.low-traffic",
              Severity.INFO,
              "Too few events for a stable SLO",
              "With about "
                  + Numbers.plain(budget.totalEvents() / budget.ratio(), 0)
                  + " events in the window, one failure spends "
                  + Numbers.percent(failureCost, 1)
                  + " of the error budget, so the SLO and its alerts will be noisy.",
              List.of(totals()),
              "Measure over a longer window, group low-traffic endpoints, or add synthetic"
                  + " probes so each failure weighs less."));
    }
    List<BurnRateAlert> unreachable =
        details.alerts().stream().filter(a -> a.state() == AlertState.UNREACHABLE).toList();
    if (!unreachable.isEmpty()) {
      findings.add(unreachable(budget, unreachable));
    }
    return findings;
  }

  private Finding exhausted(ErrorBudget budget) {
    return Finding.rule(
        "slo.budget-exhausted",
        Severity.CRITICAL,
        "Error budget exhausted",
        "Availability is "
            + Numbers.percent(details.observed().availability(), 4)
            + " against a target of "
            + target()
            + ": "
            + Numbers.plain(budget.spentEvents(), 3)
            + " failed events spent "
            + Numbers.percent(budget.spentFraction(), 1)
            + " of the window's budget of "
            + Numbers.plain(budget.totalEvents(), 3)
            + ".",
        List.of(totals()),
        "Hold risky releases and put reliability work first until the budget recovers, as the"
            + " error budget policy says; the burn-rate alerts show whether the burn goes on.");
  }

  private Finding firing(BurnRateAlert alert, BurnRateWindow rule) {
    boolean page = alert.severity() == AlertSeverity.PAGE;
    double spentPerLongWindow =
        alert.longWindowBurnRate()
            * rule.longWindow().toSeconds()
            / request.window().length().toSeconds();
    return Finding.rule(
        page ? "slo.fast-burn" : "slo.slow-burn",
        page ? Severity.CRITICAL : Severity.MEDIUM,
        page ? "Fast burn: this alert would page now" : "Slow burn: this alert would open a ticket",
        "The budget burns at "
            + Numbers.plain(alert.longWindowBurnRate(), 2)
            + "x over the last "
            + alert.longWindow()
            + " and "
            + Numbers.plain(alert.shortWindowBurnRate(), 2)
            + "x over the last "
            + alert.shortWindow()
            + ", both above "
            + Numbers.plain(alert.burnRate(), 2)
            + "x: at this rate "
            + Numbers.percent(spentPerLongWindow, 1)
            + " of the budget goes every "
            + alert.longWindow()
            + ".",
        List.of(recentEvidence(rule.longWindow())),
        page
            ? "Treat it as an incident: find what changed in the last "
                + alert.longWindow()
                + " and mitigate (roll back, fail over, shed load)."
            : "Plan work on the cause within days: the burn is slow but would exhaust the budget.");
  }

  private Finding unsustainable(ErrorBudget budget, double exhaustionSeconds) {
    return Finding.rule(
        "slo.unsustainable-burn",
        Severity.MEDIUM,
        "Burning faster than the budget allows",
        "The budget burns at "
            + Numbers.plain(details.burnRate().current(), 2)
            + "x over "
            + details.burnRate().basis()
            + "; at that rate the remaining "
            + Numbers.percent(budget.remainingFraction(), 1)
            + " lasts "
            + Durations.human(Duration.ofSeconds(Math.round(exhaustionSeconds)))
            + ".",
        List.of(recentEvidence(Duration.ofHours(1))),
        "Find what raised the error rate recently (a deploy, a dependency, load) before a"
            + " burn-rate alert has to page.");
  }

  private Finding unreachable(ErrorBudget budget, List<BurnRateAlert> alerts) {
    return Finding.rule(
        "slo.unreachable-alert",
        Severity.LOW,
        "Some burn-rate alerts can never fire",
        "With a "
            + target()
            + " target the error budget is "
            + Numbers.percent(budget.ratio(), 3)
            + " of events, so "
            + alerts.stream()
                .map(a -> Numbers.plain(a.burnRate(), 2) + "x over " + a.longWindow())
                .toList()
            + " would need more than 100% of events to fail. They are left out of the rules.",
        List.of(Evidence.of("arguments", "target=" + target())),
        "Rely on the remaining alerts, or set a stricter target if the service can meet it.");
  }

  private Evidence totals() {
    return Evidence.of(
        events.isSeries() ? "series" : "arguments",
        "good=" + Numbers.plain(events.good(), 3) + " total=" + Numbers.plain(events.total(), 3));
  }

  private Evidence recentEvidence(Duration range) {
    return events
        .trailing(range)
        .map(
            slice ->
                Evidence.atLines(
                    "series",
                    Math.min(slice.firstIndex(), slice.lastIndex()) + 1,
                    Math.max(slice.firstIndex(), slice.lastIndex()) + 1,
                    "good="
                        + Numbers.plain(slice.good(), 3)
                        + " total="
                        + Numbers.plain(slice.total(), 3)
                        + " over "
                        + slice.points()
                        + " points"))
        .orElseGet(this::totals);
  }

  private String target() {
    return request.targetPercent().stripTrailingZeros().toPlainString() + "%";
  }
}
