package dev.sremcp.domain.slo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sremcp.domain.alerts.AlertRulesAnalyzer;
import dev.sremcp.domain.promql.Call;
import dev.sremcp.domain.promql.Expr;
import dev.sremcp.domain.promql.LabelMatcher;
import dev.sremcp.domain.promql.MatrixSelector;
import dev.sremcp.domain.promql.PromQl;
import dev.sremcp.domain.promql.ValueType;
import dev.sremcp.domain.promql.VectorSelector;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.report.Severity;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tree.MapNode;
import dev.sremcp.domain.tree.Node;
import dev.sremcp.domain.tree.ScalarNode;
import dev.sremcp.domain.tree.Yaml;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** With an SLI, prometheusRules is one complete rule file: the recording rules, then the alerts. */
class PrometheusRulesTest {

  static final Map<String, String> SLI =
      Map.of(
          "errorQuery",
          "sum(rate(http_requests_total{job=\"checkout\",code=~\"5..\"}[{{.window}}]))",
          "totalQuery",
          "sum(rate(http_requests_total{job=\"checkout\"}[{{.window}}]))");

  /** 99.9 over 30d; 99.5 over 7d with a selector; 99 over 28d, named. */
  static final List<Map<String, Object>> SLOS =
      List.of(
          slo(99.9, "30d"),
          slo(99.5, "7d", "metric", "slo:sli_error:ratio_rate{service=\"checkout\"}"),
          slo(99.0, "28d", "name", "checkout-availability"));

  private static Map<String, Object> slo(double target, String window, Object... more) {
    Map<String, Object> arguments = SloFixtures.counts("target", target, "window", window);
    for (int i = 0; i < more.length; i += 2) {
      arguments.put((String) more[i], more[i + 1]);
    }
    arguments.put("sli", SLI);
    return arguments;
  }

  /** One rule of the file. */
  private record Rule(boolean alert, String name, Expr expr, Map<String, String> labels) {}

  private static String rules(Map<String, Object> arguments) {
    return details(Arguments.of(arguments)).prometheusRules();
  }

  private static SloDetails details(Arguments arguments) {
    return (SloDetails) new SloAnalyzer().analyze(arguments, AnalysisContext.detached()).details();
  }

  private static List<Rule> parse(String file) {
    List<Rule> rules = new ArrayList<>();
    for (Node group : Yaml.parse(file).items("groups")) {
      for (Node node : group.items("rules")) {
        Map<String, String> labels = new LinkedHashMap<>();
        node.map("labels")
            .map(MapNode::entries)
            .orElse(List.of())
            .forEach(e -> labels.put(e.key().value(), ((ScalarNode) e.value()).value()));
        boolean alert = node.text("alert").isPresent();
        rules.add(
            new Rule(
                alert,
                node.text(alert ? "alert" : "record").orElseThrow(),
                PromQl.parse(node.text("expr").orElseThrow()),
                labels));
      }
    }
    return rules;
  }

  private static List<Finding> review(String file, String scrapeInterval, double target) {
    Map<String, Object> arguments = new HashMap<>();
    arguments.put("content", file);
    arguments.put("slo", Map.of("target", target));
    arguments.put("scrapeInterval", scrapeInterval);
    Analysis analysis =
        new AlertRulesAnalyzer().analyze(Arguments.of(arguments), AnalysisContext.detached());
    return analysis.findings();
  }

  private static final Predicate<Finding> MEDIUM_OR_ABOVE =
      finding -> finding.severity().atLeast(Severity.MEDIUM);

  @ParameterizedTest
  @FieldSource("SLOS")
  void everySeriesAnAlertReadsIsRecordedInTheFileWithTheLabelsItSelects(
      Map<String, Object> arguments) {
    assertCompleteRuleFile(parse(rules(arguments)));
  }

  /**
   * Every series an alert reads is recorded with labels its selector matches; no record is defined
   * twice; the metadata records are there; every expression is an instant vector.
   */
  private static void assertCompleteRuleFile(List<Rule> rules) {
    List<Rule> alerts = rules.stream().filter(Rule::alert).toList();
    List<Rule> records = rules.stream().filter(r -> !r.alert()).toList();
    assertThat(alerts).hasSize(3);
    for (Rule alert : alerts) {
      List<VectorSelector> read =
          PromQl.walk(alert.expr())
              .filter(VectorSelector.class::isInstance)
              .map(VectorSelector.class::cast)
              .toList();
      assertThat(read).hasSize(2);
      for (VectorSelector selector : read) {
        assertThat(records)
            .as("%s is recorded with labels matching %s", selector.metricName(), selector)
            .anySatisfy(
                record -> {
                  assertThat(record.name()).isEqualTo(selector.metricName());
                  assertThat(selector.matchers()).allMatch(m -> matches(m, record.labels()));
                });
      }
    }
    Map<String, String> labels = records.getFirst().labels();
    assertThat(records).allSatisfy(r -> assertThat(r.labels()).isEqualTo(labels));
    assertThat(records)
        .extracting(Rule::name)
        .doesNotHaveDuplicates()
        .contains(
            "slo:objective:ratio",
            "slo:error_budget:ratio",
            "slo:time_period:days",
            "slo:current_burn_rate:ratio",
            "slo:period_burn_rate:ratio",
            "slo:period_error_budget_remaining:ratio");
    assertThat(rules)
        .allSatisfy(rule -> assertThat(rule.expr().type()).isEqualTo(ValueType.VECTOR));
  }

  private static boolean matches(LabelMatcher matcher, Map<String, String> labels) {
    return matcher.op().equals("=")
        && matcher.value().equals(labels.getOrDefault(matcher.name(), ""));
  }

  @Test
  void recordsTheAlertWindowsTheUsualOnesAndTheSloWindowOnceEach() {
    List<String> records =
        parse(rules(SLOS.get(2))).stream().filter(r -> !r.alert()).map(Rule::name).toList();

    assertThat(records)
        .filteredOn(name -> name.startsWith("slo:sli_error:ratio_rate"))
        .extracting(name -> name.substring("slo:sli_error:ratio_rate".length()))
        .containsExactly(
            "5m", "28m", "30m", "56m", "1h", "2h", "5h36m", "6h", "1d", "2d19h12m", "3d", "28d");
  }

  @Test
  void windowsAboveThreeDaysAverageTheFiveMinuteRatioAndNothingTakesALongerRate() {
    List<Rule> rules = parse(rules(SLOS.get(1)));

    Rule week =
        rules.stream()
            .filter(r -> r.name().equals("slo:sli_error:ratio_rate7d"))
            .findFirst()
            .orElseThrow();
    List<String> calls =
        PromQl.walk(week.expr())
            .filter(Call.class::isInstance)
            .map(e -> ((Call) e).function())
            .toList();
    assertThat(calls).containsExactly("sum_over_time", "count_over_time");
    assertThat(PromQl.walk(week.expr()))
        .filteredOn(VectorSelector.class::isInstance)
        .extracting(e -> ((VectorSelector) e).metricName())
        .containsOnly("slo:sli_error:ratio_rate5m");
    assertThat(rules)
        .flatExtracting(r -> PromQl.walk(r.expr()).toList())
        .filteredOn(MatrixSelector.class::isInstance)
        .filteredOn(e -> ((MatrixSelector) e).selector().metricName().equals("http_requests_total"))
        .extracting(e -> ((MatrixSelector) e).range())
        .allMatch(range -> range.compareTo(Duration.ofDays(3)) <= 0)
        .contains(Duration.ofMinutes(1), Duration.ofDays(3));
  }

  @Test
  void theMetadataRecordsDescribeTheSloAsSlothDoes() {
    String file = rules(SLOS.get(1));

    assertThat(file)
        .contains("      - record: slo:objective:ratio\n        expr: |\n          vector(0.995)\n")
        .contains(
            "      - record: slo:error_budget:ratio\n        expr: |\n          vector(0.005)\n")
        .contains("      - record: slo:time_period:days\n        expr: |\n          vector(7)\n")
        .contains(
            "          slo:sli_error:ratio_rate5m{service=\"checkout\"}\n"
                + "          / on(service) group_left\n"
                + "          slo:error_budget:ratio{service=\"checkout\"}\n")
        .contains("          1 - slo:period_burn_rate:ratio{service=\"checkout\"}\n")
        .contains("        labels:\n          service: \"checkout\"\n");
  }

  @ParameterizedTest
  @FieldSource("SLOS")
  void reviewAlertRulesFindsNothingOfMediumSeverityOrAbove(Map<String, Object> arguments) {
    double target = ((Number) arguments.get("target")).doubleValue();

    // The 7d policy's fast page has a 1m short window; rate() over 1m needs a 30s scrape or less.
    List<Finding> findings = review(rules(arguments), "30s", target);

    assertThat(findings).filteredOn(MEDIUM_OR_ABOVE).extracting(Finding::message).isEmpty();
    assertThat(findings)
        .extracting(Finding::ruleId)
        .containsOnly("alerts.missing-runbook")
        .hasSize(3);
  }

  @Test
  void atAOneMinuteScrapeTheReviewFlagsOnlyTheOneMinuteRateOfTheSevenDayPolicy() {
    assertThat(review(rules(SLOS.get(0)), "1m", 99.9)).noneMatch(MEDIUM_OR_ABOVE);
    assertThat(review(rules(SLOS.get(2)), "1m", 99.0)).noneMatch(MEDIUM_OR_ABOVE);

    assertThat(review(rules(SLOS.get(1)), "1m", 99.5))
        .filteredOn(MEDIUM_OR_ABOVE)
        .extracting(Finding::ruleId, Finding::message)
        .containsOnly(
            org.assertj.core.groups.Tuple.tuple(
                "alerts.short-rate-range",
                "rate(http_requests_total{...}[1m]) covers less than two scrape intervals of 1m"));
    assertThat(rules(SLOS.get(1)))
        .contains("# rate() over 1m needs two samples in it: scrape these series every 30s");
  }

  @Test
  void withoutAnSliTheFileHoldsTheAlertsAloneAsBefore() {
    Map<String, Object> arguments = SloFixtures.counts("metric", "x{service=\"checkout\"}");
    SloRequest request = SloArguments.decode(Arguments.of(arguments));
    List<BurnRateWindow> policy = BurnRatePolicy.forWindow(request.window());

    String file = rules(arguments);

    assertThat(file).isEqualTo(PrometheusRules.alertRules(request, policy));
    assertThat(file)
        .startsWith(
            "# Multi-window, multi-burn-rate alerts for 99.9% over 30d (error budget ratio"
                + " 0.001).\n# They read the error-ratio recording rules x<window>; record one per"
                + " window below.\ngroups:\n  - name: \"slo-burn-rate\"\n")
        .doesNotContain("record:");
    assertThat(parse(file)).allMatch(Rule::alert);
  }

  @Test
  void anUnreachableAlertsWindowsAreNotRecordedForIt() {
    Map<String, Object> arguments = slo(90, "4w");

    List<String> records =
        parse(rules(arguments)).stream().filter(r -> !r.alert()).map(Rule::name).toList();

    assertThat(records)
        .as("56m is read only by the 14.4x alert, which a 10% budget never reaches")
        .doesNotContain("slo:sli_error:ratio_rate56m")
        .contains("slo:sli_error:ratio_rate5m", "slo:sli_error:ratio_rate5h36m");
  }

  @Test
  void theNameLabelsEveryRecordedSeriesUnlessTheSelectorSetsSlo() {
    List<Rule> named = parse(rules(SLOS.get(2)));
    List<Rule> selected =
        parse(
            rules(
                slo(
                    99.9,
                    "30d",
                    "name",
                    "checkout",
                    "metric",
                    "slo:sli_error:ratio_rate{slo=\"shop\", team=\"a\"}")));

    assertThat(named)
        .filteredOn(r -> !r.alert())
        .allSatisfy(
            r -> assertThat(r.labels()).containsExactly(Map.entry("slo", "checkout-availability")));
    assertThat(selected)
        .filteredOn(r -> !r.alert())
        .allSatisfy(r -> assertThat(r.labels()).isEqualTo(Map.of("slo", "shop", "team", "a")));
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"sli-checkout.json", "sli-latency-7d.json"})
  void theExamplesWithAnSliGiveAFileTheReviewAccepts(String example) {
    Arguments arguments = SloFixtures.arguments(example);
    SloDetails details = details(arguments);

    assertCompleteRuleFile(parse(details.prometheusRules()));
    assertThat(review(details.prometheusRules(), "30s", details.slo().targetPercent()))
        .extracting(Finding::ruleId)
        .containsOnly("alerts.missing-runbook");
  }
}
