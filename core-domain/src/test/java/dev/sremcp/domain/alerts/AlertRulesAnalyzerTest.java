package dev.sremcp.domain.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.report.Severity;
import dev.sremcp.domain.review.Expectations;
import dev.sremcp.domain.review.Rule;
import dev.sremcp.domain.slo.SloAnalyzer;
import dev.sremcp.domain.slo.SloDetails;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class AlertRulesAnalyzerTest {

  private static final Map<String, Object> SLO = Map.of("target", 99.9);
  private static final Set<String> REFUSALS =
      Set.of("alerts.invalid-rule-file", "alerts.template-error");

  private final AlertRulesAnalyzer analyzer = new AlertRulesAnalyzer();

  private Analysis review(String name, String content, Map<String, Object> settings) {
    Map<String, Object> arguments = new HashMap<>(settings);
    arguments.put("name", name);
    arguments.put("content", content);
    arguments.put("limit", 1000);
    return analyzer.analyze(Arguments.of(arguments), AnalysisContext.detached());
  }

  private Analysis review(String name, Map<String, Object> settings) {
    return review(name, Expectations.resource(getClass(), name), settings);
  }

  @Test
  void findsEveryPlantedDefectAtItsLine() {
    Analysis analysis = review("insecure.rules.yml", Map.of("slo", SLO));
    Expectations.assertPlanted(
        analysis,
        "insecure.rules.yml",
        Expectations.resource(getClass(), "insecure.rules.yml"),
        Severity.INFO);
  }

  @Test
  void multiWindowBurnRateAlertsForTheSloHaveNoFindings() {
    Analysis analysis = review("hardened.rules.yml", Map.of("slo", SLO, "scrapeInterval", "30s"));
    assertThat(analysis.findings()).extracting(Finding::message).isEmpty();
  }

  @Test
  void refusesExactlyTheFilesPromtoolRefuses() {
    String expected = Expectations.resource(getClass(), "promtool/expected.txt");
    int files = 0;
    for (String line : expected.strip().split("\n")) {
      String[] parts = line.split(" ");
      String name = parts[0];
      boolean valid = parts[1].equals("valid");
      Analysis analysis =
          review(name, Expectations.resource(getClass(), "promtool/" + name), Map.of());
      List<String> refusals =
          analysis.findings().stream()
              .filter(finding -> REFUSALS.contains(finding.ruleId()))
              .map(Finding::message)
              .toList();
      assertThat(refusals)
          .as("%s is %s for promtool", name, parts[1])
          .matches(found -> found.isEmpty() == valid);
      files++;
    }
    assertThat(files).isGreaterThanOrEqualTo(25);
  }

  @Test
  void reportsPromQlErrorsAtTheirLineInsideABlockScalar() {
    Analysis analysis =
        review(
            "invalid-promql-multiline.yml",
            Expectations.resource(getClass(), "promtool/invalid-promql-multiline.yml"),
            Map.of());
    assertThat(Expectations.found(analysis, "invalid-promql-multiline.yml"))
        .contains("alerts.invalid-rule-file@8");
    assertThat(analysis.findings().getFirst().message())
        .startsWith("could not parse expression: unexpected");
  }

  @Test
  void readsPrometheusRuleObjectsAndAsksForAFastBurnAlert() {
    String rule =
        """
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata:
          name: checkout
        spec:
          groups:
            - name: checkout
              rules:
                - alert: CheckoutSlowBurn
                  expr: job:errors:ratio_rate6h{job="checkout"} > 2 * (1 - 0.999)
                  for: 30m
                  labels: {severity: ticket}
                  annotations:
                    summary: Checkout burns its budget
                    runbook_url: https://runbooks.example.com/checkout
        """;
    Analysis analysis = review("checkout.yaml", rule, Map.of("slo", SLO));
    assertThat(analysis.findings())
        .extracting(Finding::ruleId)
        .containsExactly("alerts.slo-missing-fast-burn");
  }

  @Test
  void everyRuleIsExercised() {
    Set<String> fired = new HashSet<>();
    review("insecure.rules.yml", Map.of("slo", SLO)).findings().forEach(f -> fired.add(f.ruleId()));
    review(
            "invalid-for-duration.yml",
            Expectations.resource(getClass(), "promtool/invalid-for-duration.yml"),
            Map.of())
        .findings()
        .forEach(f -> fired.add(f.ruleId()));
    review(
            "fast.yml",
            "groups:\n- name: a\n  rules:\n  - record: a:b:c\n    expr: up\n",
            Map.of("slo", SLO))
        .findings()
        .forEach(f -> fired.add(f.ruleId()));
    assertThat(fired).containsAll(AlertRules.ALL.stream().map(Rule::id).toList());
  }

  @Test
  void refusesBombsAndBadSettings() {
    StringBuilder bomb = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
    String previous = "a";
    for (String name : List.of("b", "c", "d", "e", "f", "g", "h")) {
      bomb.append(name).append(": &").append(name).append(" [");
      bomb.append(String.join(",", java.util.Collections.nCopies(10, "*" + previous)))
          .append("]\n");
      previous = name;
    }
    assertThatThrownBy(() -> review("bomb.yml", bomb.toString(), Map.of()))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("1000000 nodes");
    assertThatThrownBy(() -> review("deep.yml", "[".repeat(5_000), Map.of()))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("deeper than 100 levels");
    assertThatThrownBy(() -> review("a.yml", "groups: []", Map.of("scrapeInterval", "soon")))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("scrapeInterval");
    assertThatThrownBy(() -> review("a.yml", "groups: []", Map.of("slo", Map.of("target", 100))))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("slo.target");
    assertThatThrownBy(() -> review("a.yml", "groups: []", Map.of("slo", Map.of("target", 0.999))))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("slo.target is a percentage above 1 and below 100")
        .hasMessageContaining("as a percentage it is 99.9");
  }

  @Test
  void theRulesSloReportGeneratesPassTheReviewForTheSameSlo() {
    for (double target : new double[] {99.0, 99.9, 99.95}) {
      Analysis slo =
          new SloAnalyzer()
              .analyze(
                  Arguments.of(
                      Map.of(
                          "target", target, "window", "30d", "good", 999_000, "total", 1_000_000)),
                  AnalysisContext.detached());
      String rules = ((SloDetails) slo.details()).prometheusRules();
      Analysis review = review("slo.rules.yml", rules, Map.of("slo", Map.of("target", target)));
      assertThat(review.findings())
          .as("%s%% SLO", target)
          .allSatisfy(finding -> assertThat(finding.severity()).isEqualTo(Severity.LOW));
      Analysis other = review("slo.rules.yml", rules, Map.of("slo", Map.of("target", 90.0)));
      assertThat(other.findings())
          .as("rules for %s%% read against a 90%% SLO", target)
          .extracting(Finding::ruleId)
          .contains("alerts.slo-burn-below-one", "alerts.slo-missing-fast-burn");
    }
  }
}
