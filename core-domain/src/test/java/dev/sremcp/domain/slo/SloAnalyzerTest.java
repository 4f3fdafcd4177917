package dev.sremcp.domain.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.Evidence;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.report.Severity;
import dev.sremcp.domain.slo.SloDetails.AlertState;
import dev.sremcp.domain.slo.SloDetails.BurnRateAlert;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Arguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

class SloAnalyzerTest {

  private final SloAnalyzer analyzer = new SloAnalyzer();

  private Analysis analyze(Map<String, ?> arguments) {
    return analyzer.analyze(Arguments.of(arguments), AnalysisContext.detached());
  }

  private static SloDetails details(Analysis analysis) {
    return (SloDetails) analysis.details();
  }

  @Test
  void countsGiveTheErrorBudgetAsEventsAndAsTime() {
    Analysis analysis =
        analyze(Map.of("target", 99.9, "window", "30d", "good", 999_500, "total", 1_000_000));

    SloDetails slo = details(analysis);
    assertThat(slo.observed().availability()).isEqualTo(0.9995);
    assertThat(slo.errorBudget().ratio()).isEqualTo(0.001);
    assertThat(slo.errorBudget().totalEvents()).isEqualTo(1000);
    assertThat(slo.errorBudget().spentEvents()).isEqualTo(500);
    assertThat(slo.errorBudget().remainingEvents()).isEqualTo(500);
    assertThat(slo.errorBudget().totalSeconds()).isEqualTo(2592, within(1e-9)); // 43m12s
    assertThat(slo.errorBudget().spentSeconds()).isEqualTo(1296, within(1e-9));
    assertThat(slo.burnRate().current()).isEqualTo(0.5);
    assertThat(slo.burnRate().average()).isEqualTo(0.5);
    assertThat(slo.observed().coverage()).isEqualTo(1.0);
    assertThat(slo.timeToExhaustionSeconds())
        .as("a steady 0.5x never exhausts a rolling window's budget")
        .isNull();
    assertThat(slo.alerts())
        .extracting(BurnRateAlert::state)
        .containsOnly(AlertState.NOT_EVALUATED);
    assertThat(analysis.findings()).isEmpty();
    assertThat(analysis.summary()).contains("99.95%").contains("50% of the error budget spent");
  }

  @Test
  void anOverspentBudgetIsACriticalFindingAndAlreadyExhausted() {
    Analysis analysis =
        analyze(Map.of("target", 99.9, "window", "30d", "good", 998_700, "total", 1_000_000));

    SloDetails slo = details(analysis);
    assertThat(slo.errorBudget().exhausted()).isTrue();
    assertThat(slo.errorBudget().spentFraction()).isEqualTo(1.3);
    assertThat(slo.errorBudget().remainingEvents()).isEqualTo(-300);
    assertThat(slo.timeToExhaustionSeconds()).isZero();
    Finding finding = analysis.findings().getFirst();
    assertThat(finding.ruleId()).isEqualTo("slo.budget-exhausted");
    assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(finding.evidence())
        .containsExactly(Evidence.of("arguments", "good=998700 total=1000000"));
    assertThat(finding.fix()).isNotBlank();
  }

  @Test
  void aSeriesWithAFreshIncidentFiresTheFastPageAlertOnly() {
    Analysis analysis =
        analyzer.analyze(SloFixtures.arguments("fast-burn.json"), AnalysisContext.detached());

    SloDetails slo = details(analysis);
    assertThat(slo.observed().points()).isEqualTo(864);
    assertThat(slo.observed().bad()).isEqualTo(783);
    assertThat(slo.observed().coverage()).isEqualTo(0.1);
    assertThat(slo.errorBudget().totalEvents())
        .as("three days of traffic scaled to the 30-day window")
        .isEqualTo(8640);
    assertThat(slo.errorBudget().spentFraction()).isEqualTo(0.090625);
    assertThat(slo.burnRate().average()).isEqualTo(0.90625);
    assertThat(slo.burnRate().current()).isEqualTo(20, within(1e-9));
    assertThat(slo.timeToExhaustionSeconds())
        .as("the window is still filling: (1 - 0.090625) x 30d / 20")
        .isEqualTo(117_855.0);
    assertThat(slo.burnRate().basis()).isEqualTo("the last hour of the series (12 points)");
    assertThat(slo.alerts())
        .extracting(BurnRateAlert::longWindow, BurnRateAlert::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1h", AlertState.FIRING),
            org.assertj.core.groups.Tuple.tuple("6h", AlertState.OK),
            org.assertj.core.groups.Tuple.tuple("3d", AlertState.OK));
    assertThat(slo.alerts().get(1).longWindowBurnRate()).isEqualTo(5.375);
    assertThat(slo.alerts().get(2).longWindowBurnRate()).isEqualTo(0.90625);

    assertThat(analysis.findings())
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.ruleId()).isEqualTo("slo.fast-burn");
              assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(finding.evidence())
                  .containsExactly(
                      Evidence.atLines(
                          "series", 853, 864, "good=11760 total=12000 over 12 points"));
            });
    assertThat(analysis.summary())
        .contains("over the 3d the series covers of the 30d window")
        .contains("20x now (0.91x on average)")
        .contains("1 burn-rate alert fires");
    assertThat(slo.prometheusRules())
        .contains("slo:sli_error:ratio_rate1h{service=\"checkout\"} > (14.4 * 0.001)")
        .contains("slo: \"checkout-availability\"");
  }

  @Test
  void counterReadingsWithARestartAreReadAsIncreasesAndCoarsePointsLeaveFastAlertsUnevaluated() {
    Analysis analysis =
        analyzer.analyze(SloFixtures.arguments("hourly-counters.json"), AnalysisContext.detached());

    SloDetails slo = details(analysis);
    assertThat(slo.observed().total()).isEqualTo(49 * 36_000);
    assertThat(slo.observed().bad()).isEqualTo(49 * 18);
    assertThat(slo.observed().coverage()).isEqualTo(0.0729167);
    assertThat(slo.burnRate().current()).isEqualTo(0.5, within(1e-9));
    assertThat(slo.timeToExhaustionSeconds()).isNull();
    assertThat(slo.burnRate().basis()).isEqualTo("the last point of the series (a 1h interval)");
    assertThat(slo.alerts())
        .extracting(BurnRateAlert::state)
        .containsOnly(AlertState.NOT_EVALUATED);
    assertThat(slo.alerts().get(0).reason()).contains("every 1h").contains("5m short window");
    assertThat(slo.alerts().get(2).reason())
        .contains("covers 2d 1h")
        .contains("2d19h12m long window");
  }

  @Test
  void aLowTargetLeavesTheFastestAlertOutOfTheRules() {
    Analysis analysis = analyze(Map.of("target", 90, "window", "30d", "good", 95, "total", 100));

    SloDetails slo = details(analysis);
    assertThat(slo.alerts().get(0).state()).isEqualTo(AlertState.UNREACHABLE);
    assertThat(slo.alerts().get(1).state()).isEqualTo(AlertState.NOT_EVALUATED);
    assertThat(slo.prometheusRules())
        .contains("The 14.4x alert over 1h and 5m is left out")
        .doesNotContain("(14.4 * 0.1)")
        .contains("(6 * 0.1)");
    assertThat(analysis.findings())
        .extracting(Finding::ruleId)
        .containsExactly("slo.unreachable-alert", "slo.low-traffic");
  }

  private static List<Map<String, Object>> hourly(
      int hours, int requests, IntUnaryOperator badInHour) {
    List<Map<String, Object>> points = new ArrayList<>();
    for (int hour = 1; hour <= hours; hour++) {
      int bad = badInHour.applyAsInt(hour);
      points.add(
          Map.of("time", 1_800_000_000L + hour * 3600L, "good", requests - bad, "total", requests));
    }
    return points;
  }

  @Test
  void aBurnAboveOneWithBudgetLeftAndNoAlertFiringSaysWhenItRunsOut() {
    List<Map<String, Object>> series = hourly(24, 1000, hour -> hour == 24 ? 30 : 0);

    Analysis analysis = analyze(Map.of("target", 99.0, "window", "7d", "series", series));

    SloDetails slo = details(analysis);
    assertThat(slo.burnRate().current()).isEqualTo(3, within(1e-9));
    assertThat(slo.errorBudget().exhausted()).isFalse();
    assertThat(slo.alerts()).extracting(BurnRateAlert::state).doesNotContain(AlertState.FIRING);
    assertThat(slo.timeToExhaustionSeconds()).as("(1 - 30/1680) x 7d / 3").isEqualTo(198_000.0);
    assertThat(analysis.findings())
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.ruleId()).isEqualTo("slo.unsustainable-burn");
              assertThat(finding.message()).contains("lasts 2d 7h");
              assertThat(finding.evidence())
                  .containsExactly(
                      Evidence.atLines("series", 24, 24, "good=970 total=1000 over 1 points"));
            });
  }

  @Test
  void aSteadySlowBurnFiresTheTicketAlert() {
    List<Map<String, Object>> series = hourly(72, 10_000, hour -> 20);

    Analysis analysis = analyze(Map.of("target", 99.9, "window", "30d", "series", series));

    SloDetails slo = details(analysis);
    assertThat(slo.alerts())
        .extracting(BurnRateAlert::severity, BurnRateAlert::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AlertSeverity.PAGE, AlertState.NOT_EVALUATED),
            org.assertj.core.groups.Tuple.tuple(AlertSeverity.PAGE, AlertState.NOT_EVALUATED),
            org.assertj.core.groups.Tuple.tuple(AlertSeverity.TICKET, AlertState.FIRING));
    assertThat(slo.errorBudget().spentFraction()).isEqualTo(0.2);
    assertThat(analysis.findings())
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.ruleId()).isEqualTo("slo.slow-burn");
              assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
              assertThat(finding.message())
                  .contains("at this rate 20% of the budget goes every 3d");
            });
  }

  @Test
  void aSeriesLongerThanTheWindowCountsOnlyTheWindow() {
    List<Map<String, Object>> series = hourly(240, 1000, hour -> hour <= 72 ? 500 : 0);

    SloDetails slo = details(analyze(Map.of("target", 99.9, "window", "7d", "series", series)));

    assertThat(slo.observed().points()).isEqualTo(240);
    assertThat(slo.observed().pointsInWindow()).isEqualTo(168);
    assertThat(slo.observed().coverage()).isEqualTo(1.0);
    assertThat(slo.observed().availability()).isEqualTo(1.0);
    assertThat(slo.errorBudget().spentFraction()).isZero();
  }

  @Test
  void hostileNamesAndSelectorsAreRefusedBeforeTheyReachTheRules() {
    for (Map<String, Object> arguments :
        List.of(
            SloFixtures.counts("name", "a\n  - alert: Evil"),
            SloFixtures.counts("name", "a | b"),
            SloFixtures.counts("metric", "x{job=\"a\"} or vector(1)"),
            SloFixtures.counts("metric", "x{job=\"a\nb\"}"))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> analyze(arguments))
          .isInstanceOf(dev.sremcp.domain.tool.InvalidArgumentsException.class);
    }
    SloDetails slo =
        details(
            analyze(
                Map.of(
                    "target",
                    99.9,
                    "window",
                    "30d",
                    "good",
                    1,
                    "total",
                    1,
                    "metric",
                    "x{job=~\"api|web\", env!=\"dev\",}")));
    assertThat(slo.prometheusRules())
        .contains("x1h{job=~\"api|web\", env!=\"dev\",} > (14.4 * 0.001)");
  }
}
