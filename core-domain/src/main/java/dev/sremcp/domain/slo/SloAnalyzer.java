package dev.sremcp.domain.slo;

import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.format.Durations;
import dev.sremcp.domain.format.Numbers;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.Truncation;
import dev.sremcp.domain.slo.ObservedEvents.Slice;
import dev.sremcp.domain.slo.SloDetails.AlertState;
import dev.sremcp.domain.slo.SloDetails.BurnRate;
import dev.sremcp.domain.slo.SloDetails.BurnRateAlert;
import dev.sremcp.domain.slo.SloDetails.ErrorBudget;
import dev.sremcp.domain.slo.SloDetails.Objective;
import dev.sremcp.domain.slo.SloDetails.Observed;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Analyzer;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.ToolDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code slo_report}: availability, error budget, burn rate and time to exhaustion of an SLO, the
 * multi-window multi-burn-rate alerts of the Google SRE workbook scaled to its window, and those
 * alerts as Prometheus rules; given the SLI's queries, with the recording rules they read, as Sloth
 * generates them. Fully deterministic.
 */
public final class SloAnalyzer implements Analyzer {

  public static final String TOOL = "slo_report";
  static final int FINDING_LIMIT = 50;
  private static final Duration CURRENT = Duration.ofHours(1);

  private static final ToolDescriptor DESCRIPTOR =
      ToolDescriptor.withSchemasBeside(
          SloAnalyzer.class,
          TOOL,
          "SLO error budget and burn-rate alerts",
          "Computes an SLO's availability, error budget (total, spent, remaining, as events and as"
              + " time), current burn rate and time to exhaustion from good/total event counts or a"
              + " time series, and generates the Google SRE workbook's multi-window multi-burn-rate"
              + " alerts (14.4x over 1h/5m, 6x over 6h/30m, 1x over 3d/6h, scaled to the window) as"
              + " Prometheus rules. With a series, says which alerts would fire now.",
          Tier.FREE,
          false);

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Analysis analyze(Arguments arguments, AnalysisContext context) {
    return report(SloArguments.decode(arguments));
  }

  /** The report for one request; the entry point for library callers. */
  public Analysis report(SloRequest request) {
    SloWindow window = request.window();
    ObservedEvents events = ObservedEvents.of(request.observations(), window);
    double budgetRatio = request.budgetRatio().doubleValue();
    double windowSeconds = window.length().toSeconds();

    double averageBurn = events.bad() / events.total() / budgetRatio;
    double budgetEvents = budgetRatio * events.total() / events.coverage();
    double spent = events.bad() / budgetEvents;
    ErrorBudget budget =
        new ErrorBudget(
            budgetRatio,
            Numbers.round(budgetEvents),
            Numbers.round(events.bad()),
            Numbers.round(budgetEvents - events.bad()),
            Numbers.round(spent),
            Numbers.round(1 - spent),
            Numbers.round(budgetRatio * windowSeconds),
            Numbers.round(spent * budgetRatio * windowSeconds),
            Numbers.round((1 - spent) * budgetRatio * windowSeconds),
            spent >= 1);
    BurnRate burnRate = currentBurnRate(events, averageBurn, budgetRatio);
    Double exhaustion =
        Exhaustion.seconds(spent, burnRate.current(), events.coverage(), windowSeconds);
    if (exhaustion != null) {
      exhaustion = Numbers.round(exhaustion);
    }

    List<BurnRateWindow> policy = BurnRatePolicy.forWindow(window);
    List<BurnRateAlert> alerts =
        policy.stream().map(rule -> evaluate(rule, events, budgetRatio, window)).toList();
    SloDetails details =
        new SloDetails(
            new Objective(
                request.name(),
                request.targetPercent().doubleValue(),
                Numbers.round(1 - budgetRatio),
                window.text(),
                window.length().toSeconds()),
            observed(events, request.observations()),
            budget,
            burnRate,
            exhaustion,
            alerts,
            PrometheusRules.ruleFile(request, policy));

    var findings = new SloFindings(request, events, details, policy).findings();
    long scanned =
        request.observations() instanceof Observations.EventSeries series
            ? series.points().size()
            : 1;
    return new Analysis(
        summary(request, events, details),
        findings,
        Truncation.complete(findings.size(), FINDING_LIMIT, scanned),
        details);
  }

  private static BurnRate currentBurnRate(
      ObservedEvents events, double average, double budgetRatio) {
    double rounded = Numbers.round(average);
    if (!events.isSeries()) {
      return new BurnRate(rounded, "the whole window (from the event counts)", rounded);
    }
    Optional<Slice> recent = events.trailing(CURRENT);
    if (recent.isEmpty()) {
      return new BurnRate(0, "the last hour of the series, which saw no events", rounded);
    }
    Slice slice = recent.get();
    String basis =
        events.resolution().compareTo(CURRENT) >= 0
            ? "the last point of the series (a "
                + Durations.human(events.resolution())
                + " interval)"
            : "the last hour of the series (" + slice.points() + " points)";
    return new BurnRate(Numbers.round(slice.errorRatio() / budgetRatio), basis, rounded);
  }

  private static BurnRateAlert evaluate(
      BurnRateWindow rule, ObservedEvents events, double budgetRatio, SloWindow window) {
    if (rule.errorRatioThreshold(budgetRatio) >= 1) {
      return alert(
          rule,
          budgetRatio,
          window,
          AlertState.UNREACHABLE,
          null,
          null,
          "it would need an error ratio of "
              + Numbers.percent(rule.errorRatioThreshold(budgetRatio), 1)
              + ", above 100%");
    }
    if (!events.isSeries()) {
      return alert(
          rule,
          budgetRatio,
          window,
          AlertState.NOT_EVALUATED,
          null,
          null,
          "event counts carry no timing; pass a series to evaluate it");
    }
    if (!events.covers(rule.longWindow())) {
      return alert(
          rule,
          budgetRatio,
          window,
          AlertState.NOT_EVALUATED,
          null,
          null,
          "the series covers "
              + Durations.human(events.covered())
              + ", less than the "
              + Durations.prometheus(rule.longWindow())
              + " long window");
    }
    if (events.resolution().compareTo(rule.shortWindow()) > 0) {
      return alert(
          rule,
          budgetRatio,
          window,
          AlertState.NOT_EVALUATED,
          null,
          null,
          "the series has a point every "
              + Durations.human(events.resolution())
              + ", coarser than the "
              + Durations.prometheus(rule.shortWindow())
              + " short window");
    }
    double longBurn = burn(events.trailing(rule.longWindow()), budgetRatio);
    double shortBurn = burn(events.trailing(rule.shortWindow()), budgetRatio);
    boolean firing = longBurn > rule.burnRate() && shortBurn > rule.burnRate();
    return alert(
        rule,
        budgetRatio,
        window,
        firing ? AlertState.FIRING : AlertState.OK,
        Numbers.round(longBurn),
        Numbers.round(shortBurn),
        null);
  }

  private static double burn(Optional<Slice> slice, double budgetRatio) {
    return slice.map(s -> s.errorRatio() / budgetRatio).orElse(0.0);
  }

  private static BurnRateAlert alert(
      BurnRateWindow rule,
      double budgetRatio,
      SloWindow window,
      AlertState state,
      Double longBurn,
      Double shortBurn,
      String reason) {
    return new BurnRateAlert(
        rule.severity(),
        Durations.prometheus(rule.longWindow()),
        Durations.prometheus(rule.shortWindow()),
        Durations.prometheus(rule.forDuration()),
        rule.burnRate(),
        Numbers.round(rule.errorRatioThreshold(budgetRatio)),
        Numbers.round(rule.budgetConsumed(window)),
        state,
        longBurn,
        shortBurn,
        reason);
  }

  private static Observed observed(ObservedEvents events, Observations observations) {
    double availability = Numbers.round(events.good() / events.total());
    double coverage = Numbers.round(events.coverage());
    if (observations instanceof Observations.EventSeries series) {
      return new Observed(
          "series",
          Numbers.round(events.good()),
          Numbers.round(events.total()),
          Numbers.round(events.bad()),
          availability,
          coverage,
          series.points().size(),
          events.pointsInWindow(),
          series.points().getFirst().time().toString(),
          series.points().getLast().time().toString());
    }
    return new Observed(
        "counts",
        Numbers.round(events.good()),
        Numbers.round(events.total()),
        Numbers.round(events.bad()),
        availability,
        coverage,
        null,
        null,
        null,
        null);
  }

  private static String summary(SloRequest request, ObservedEvents events, SloDetails details) {
    ErrorBudget budget = details.errorBudget();
    String target = request.targetPercent().stripTrailingZeros().toPlainString();
    StringBuilder summary =
        new StringBuilder("Availability ")
            .append(Numbers.percent(details.observed().availability(), 4));
    if (events.coverage() < 1) {
      summary
          .append(" over the ")
          .append(Durations.human(events.covered()))
          .append(" the series covers of the ")
          .append(request.window().text())
          .append(" window (")
          .append(target)
          .append("% target): ");
    } else {
      summary
          .append(" against a ")
          .append(target)
          .append("% target over ")
          .append(request.window().text())
          .append(": ");
    }
    summary
        .append(Numbers.percent(budget.spentFraction(), 1))
        .append(" of the error budget spent")
        .append(
            budget.exhausted()
                ? " (exhausted)"
                : " (" + Numbers.percent(budget.remainingFraction(), 1) + " left)")
        .append(", burning at ")
        .append(Numbers.plain(details.burnRate().current(), 2))
        .append("x");
    if (events.isSeries()) {
      summary
          .append(" now (")
          .append(Numbers.plain(details.burnRate().average(), 2))
          .append("x on average)");
    }
    long firing = details.alerts().stream().filter(a -> a.state() == AlertState.FIRING).count();
    if (firing > 0) {
      summary
          .append("; ")
          .append(firing)
          .append(firing == 1 ? " burn-rate alert fires" : " burn-rate alerts fire");
    }
    return summary.append('.').toString();
  }
}
