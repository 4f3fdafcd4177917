package dev.sremcp.domain.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.promql.Binary;
import dev.sremcp.domain.promql.Expr;
import dev.sremcp.domain.promql.Paren;
import dev.sremcp.domain.promql.PromQl;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.report.Severity;
import dev.sremcp.domain.runbook.RunbookDetails.Query;
import dev.sremcp.domain.runbook.RunbookDetails.Runbook;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import dev.sremcp.domain.tool.ToolDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class RunbookAnalyzerTest {

  private static final String BASE_URL = "https://runbooks.example.com/checkout";

  /** Several groups, as teams write them and as slo_report generates burn-rate alerts. */
  private static final String RULES =
      """
      groups:
        - name: api-availability
          rules:
            - record: job:http_requests:rate5m
              expr: sum by (job) (rate(http_requests_total[5m]))
            - alert: HighHTTPErrorRate
              expr: |
                sum by (service) (rate(http_requests_total{job="api", code=~"5.."}[5m]))
                  / sum by (service) (rate(http_requests_total{job="api"}[5m])) > 0.05
              for: 10m
              labels:
                severity: critical
                team: payments
              annotations:
                summary: "High 5xx ratio on {{ $labels.service }}"
                description: "{{ $value | humanizePercentage }} of requests to {{ $labels.service }} fail."
            - alert: HighLatencyP99
              expr: histogram_quantile(0.99, sum by (le, service) (rate(http_request_duration_seconds_bucket{job="api"}[5m]))) > 0.5
              for: 15m
              labels:
                severity: warning
                service: checkout
              annotations:
                summary: p99 latency above 500ms
                runbook_url: https://wiki.example.com/latency
            - alert: TargetDown
              expr: up{job="api"} == 0
              for: 5m
              labels:
                severity: critical
        - name: node
          rules:
            - alert: HostHighCpuUsage
              expr: 100 - (avg by (instance) (rate(node_cpu_seconds_total{mode="idle"}[5m])) * 100) > 90
              for: 15m
              labels:
                severity: warning
            - alert: DiskWillFillIn4Hours
              expr: predict_linear(node_filesystem_avail_bytes{fstype!~"tmpfs|overlay"}[6h], 4 * 3600) < 0
              for: 30m
              labels:
                severity: critical
                owner: infra
            - alert: HostRebooted
              expr: changes(node_boot_time_seconds[10m]) > 0
              labels:
                severity: info
        - name: certificates
          rules:
            - alert: SSLCertExpiringSoon
              expr: probe_ssl_earliest_cert_expiry{job="blackbox"} - time() < 86400 * 14
              for: 1h
              labels:
                severity: warning
        - name: kubernetes
          rules:
            - alert: KubePodCrashLooping
              expr: max_over_time(kube_pod_container_status_waiting_reason{reason="CrashLoopBackOff", job="kube-state-metrics"}[5m]) >= 1
              for: 15m
              labels:
                severity: warning
              annotations:
                description: 'Pod {{ $labels.namespace }}/{{ $labels.pod }} ({{ $labels.container }}) is waiting: CrashLoopBackOff.'
        - name: slo-burn-rate-checkout
          rules:
            - alert: ErrorBudgetBurn
              expr: |
                (
                  slo:sli_error:ratio_rate1h{service="checkout"} > (14.4 * 0.001)
                and
                  slo:sli_error:ratio_rate5m{service="checkout"} > (14.4 * 0.001)
                )
              for: 2m
              labels:
                severity: critical
                long_window: "1h"
                short_window: "5m"
            - alert: ErrorBudgetBurn
              expr: |
                (
                  slo:sli_error:ratio_rate3d{service="checkout"} > (1 * 0.001)
                and
                  slo:sli_error:ratio_rate6h{service="checkout"} > (1 * 0.001)
                )
              for: 3h
              labels:
                severity: warning
                long_window: "3d"
                short_window: "6h"
      """;

  /** A PrometheusRule that repeats an alert name of the file above. */
  private static final String OPERATOR_RULES =
      """
      apiVersion: monitoring.coreos.com/v1
      kind: PrometheusRule
      metadata:
        name: batch
      spec:
        groups:
          - name: batch-jobs
            rules:
              - alert: TargetDown
                expr: up{job="batch"} == 0
                for: 10m
                labels:
                  severity: warning
              - alert: KubeJobFailed
                expr: kube_job_failed{job="kube-state-metrics", condition="true"} > 0
                for: 15m
                labels:
                  severity: warning
                  team: data
      """;

  private static final Map<String, String> CATEGORIES =
      Map.ofEntries(
          Map.entry("HighHTTPErrorRate", "error-ratio"),
          Map.entry("HighLatencyP99", "latency"),
          Map.entry("TargetDown", "availability"),
          Map.entry("HostHighCpuUsage", "saturation"),
          Map.entry("DiskWillFillIn4Hours", "disk-fill-prediction"),
          Map.entry("HostRebooted", "generic"),
          Map.entry("SSLCertExpiringSoon", "certificate"),
          Map.entry("KubePodCrashLooping", "kubernetes"),
          Map.entry("ErrorBudgetBurn", "error-budget-burn"),
          Map.entry("KubeJobFailed", "kubernetes"));

  private static final Pattern ALERT_LINE = Pattern.compile("(?m)^\\s*- alert: (\\S+)$");

  private final RunbookAnalyzer analyzer = new RunbookAnalyzer();

  private Analysis generate(Map<String, Object> arguments) {
    return analyzer.analyze(Arguments.of(arguments), AnalysisContext.detached());
  }

  private Analysis generateAll(Map<String, Object> extra) {
    Map<String, Object> arguments = new HashMap<>(extra);
    arguments.put(
        "files",
        List.of(
            Map.of("name", "rules.yml", "content", RULES),
            Map.of("name", "batch.yaml", "content", OPERATOR_RULES)));
    return generate(arguments);
  }

  private static RunbookDetails details(Analysis analysis) {
    return (RunbookDetails) analysis.details();
  }

  private static List<String> alertNames(String text) {
    List<String> names = new ArrayList<>();
    Matcher matcher = ALERT_LINE.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static Runbook only(RunbookDetails details, String alert) {
    List<Runbook> found = details.runbooks().stream().filter(r -> r.alert().equals(alert)).toList();
    assertThat(found).as(alert).hasSize(1);
    return found.getFirst();
  }

  private static String section(Runbook runbook, String heading) {
    String markdown = runbook.markdown();
    int start = markdown.indexOf("### " + heading);
    assertThat(start).as("%s has a %s section", runbook.alert(), heading).isNotNegative();
    int end = markdown.indexOf("\n### ", start + 4);
    return markdown.substring(start, end < 0 ? markdown.length() : end);
  }

  @Test
  void writesOneRunbookPerAlertingRuleInFileOrderAndNoneForRecordingRules() {
    RunbookDetails details = details(generateAll(Map.of()));

    List<String> expected = new ArrayList<>(alertNames(RULES));
    expected.addAll(alertNames(OPERATOR_RULES));
    assertThat(details.runbooks()).extracting(Runbook::alert).containsExactlyElementsOf(expected);
    assertThat(details.runbooks())
        .extracting(Runbook::alert)
        .doesNotContain("job:http_requests:rate5m");
    assertThat(details.markdown()).doesNotContain("job:http_requests:rate5m");
    for (Runbook runbook : details.runbooks()) {
      String[] lines = (runbook.file().equals("rules.yml") ? RULES : OPERATOR_RULES).split("\n");
      assertThat(lines[runbook.line() - 1]).contains("- alert: " + runbook.alert());
      assertThat(runbook.markdown())
          .contains("## " + runbook.alert())
          .contains("### What it means", "### Queries to run", "### Likely causes")
          .contains("### Mitigation", "### Escalation");
    }
  }

  @Test
  void anchorsAreUniqueSlugsThatStayTheSameAcrossCallsAndFilters() {
    RunbookDetails first = details(generateAll(Map.of()));
    RunbookDetails again = details(generateAll(Map.of("baseUrl", BASE_URL)));
    RunbookDetails filtered =
        details(generateAll(Map.of("alerts", List.of("ErrorBudgetBurn", "TargetDown"))));

    List<String> anchors = first.runbooks().stream().map(Runbook::anchor).toList();
    assertThat(anchors).doesNotHaveDuplicates().allMatch(a -> a.matches("[a-z0-9]+(-[a-z0-9]+)*"));
    assertThat(again.runbooks()).extracting(Runbook::anchor).containsExactlyElementsOf(anchors);
    Map<String, String> byPlace =
        first.runbooks().stream()
            .collect(Collectors.toMap(RunbookAnalyzerTest::place, Runbook::anchor));
    for (Runbook runbook : filtered.runbooks()) {
      assertThat(runbook.anchor()).isEqualTo(byPlace.get(place(runbook)));
    }
    Map<String, Long> counts =
        first.runbooks().stream()
            .collect(Collectors.groupingBy(Runbook::alert, Collectors.counting()));
    for (Runbook runbook : first.runbooks()) {
      String slug = runbook.alert().toLowerCase(java.util.Locale.ROOT);
      if (counts.get(runbook.alert()) == 1) {
        assertThat(runbook.anchor()).isEqualTo(slug);
      } else {
        assertThat(runbook.anchor())
            .startsWith(slug + "-")
            .contains(Anchors.slug(runbook.group(), ""));
      }
      assertThat(runbook.markdown()).contains("<a id=\"" + runbook.anchor() + "\"></a>");
      assertThat(first.markdown()).contains("](#" + runbook.anchor() + ")");
    }
  }

  private static String place(Runbook runbook) {
    return runbook.file() + ":" + runbook.line();
  }

  @Test
  void recognisesWhatEachAlertMeasures() {
    RunbookDetails details = details(generateAll(Map.of()));

    for (Runbook runbook : details.runbooks()) {
      assertThat(runbook.category()).as(runbook.alert()).isEqualTo(CATEGORIES.get(runbook.alert()));
    }
    assertThat(section(only(details, "HostRebooted"), "Likely causes")).contains("generic");
    assertThat(section(only(details, "HighHTTPErrorRate"), "Likely causes"))
        .doesNotContain("generic");
  }

  @Test
  void everyQueryParsesAndTheQueriesFitWhatTheAlertMeasures() {
    RunbookDetails details = details(generateAll(Map.of()));

    for (Runbook runbook : details.runbooks()) {
      assertThat(runbook.queries()).isNotEmpty();
      for (Query query : runbook.queries()) {
        assertThatCode(() -> PromQl.parse(query.query()))
            .as("%s: %s", runbook.alert(), query.query())
            .doesNotThrowAnyException();
        assertThat(runbook.markdown()).contains(query.query());
      }
      assertThat(runbook.queries().getFirst().query()).isEqualTo(runbook.expression());
      assertThat(queries(runbook))
          .anyMatch(q -> q.startsWith("ALERTS{alertname=\"" + runbook.alert() + "\""))
          .anyMatch(q -> q.contains("ALERTS_FOR_STATE{alertname=\"" + runbook.alert() + "\""));
      for (Query query : runbook.queries()) {
        if (query.purpose().startsWith("Current value")) {
          assertThat(isComparison(PromQl.parse(query.query()))).as(query.query()).isFalse();
        }
      }
    }
    Runbook errors = only(details, "HighHTTPErrorRate");
    assertThat(errors.queries()).anyMatch(q -> q.purpose().startsWith("Current value"));
    assertThat(queries(errors))
        .anyMatch(q -> q.contains("increase(http_requests_total") && q.contains("[1h]"))
        .anyMatch(q -> q.contains("by (code)"))
        .anyMatch(q -> q.startsWith("topk(10,") && q.contains("service, instance"));
    Runbook latency = only(details, "HighLatencyP99");
    assertThat(queries(latency)).anyMatch(q -> q.contains("http_request_duration_seconds_count"));
    Runbook down =
        details.runbooks().stream()
            .filter(r -> r.alert().equals("TargetDown"))
            .findFirst()
            .orElseThrow();
    assertThat(queries(down)).contains("up{job=\"api\"}").anyMatch(q -> q.startsWith("bottomk("));
    Runbook disk = only(details, "DiskWillFillIn4Hours");
    assertThat(queries(disk))
        .anyMatch(q -> q.startsWith("deriv("))
        .anyMatch(q -> q.startsWith("bottomk("));
    Runbook cert = only(details, "SSLCertExpiringSoon");
    assertThat(queries(cert))
        .anyMatch(q -> q.contains("86400") && q.contains("time()") && !q.contains("<"));
    Runbook burn =
        details.runbooks().stream()
            .filter(r -> r.alert().equals("ErrorBudgetBurn"))
            .findFirst()
            .orElseThrow();
    assertThat(queries(burn))
        .contains(
            "slo:sli_error:ratio_rate1h{service=\"checkout\"}",
            "slo:sli_error:ratio_rate5m{service=\"checkout\"}")
        .anyMatch(q -> q.contains("long_window=\"1h\""));
  }

  private static List<String> queries(Runbook runbook) {
    return runbook.queries().stream().map(Query::query).toList();
  }

  private static boolean isComparison(Expr expr) {
    Expr node = expr instanceof Paren paren ? paren.expr() : expr;
    return node instanceof Binary binary
        && !binary.returnBool()
        && Set.of(">", ">=", "<", "<=", "==", "!=").contains(binary.op());
  }

  @Test
  void explainsTheExpressionForSeverityAndTemplates() {
    RunbookDetails details = details(generateAll(Map.of()));

    String errors = section(only(details, "HighHTTPErrorRate"), "What it means");
    assertThat(errors)
        .contains("http_requests_total", "`rate()`", "over the last 5m", "by (service)")
        .contains("above 0.05", "5 %", "`for: 10m`", "`critical`")
        .contains("{{ $labels.service }}", "`service` label", "the expression's value");
    assertThat(section(only(details, "HostRebooted"), "What it means")).contains("No `for`");
    assertThat(section(only(details, "HighLatencyP99"), "What it means"))
        .contains("99th percentile");
    assertThat(section(only(details, "DiskWillFillIn4Hours"), "What it means"))
        .contains("4h ahead");
    assertThat(only(details, "HighLatencyP99").markdown())
        .contains("https://wiki.example.com/latency");
  }

  @Test
  void escalationFollowsTheSeverityLabelAndNamesTheOwner() {
    RunbookDetails details = details(generateAll(Map.of()));

    for (Runbook runbook : details.runbooks()) {
      String escalation = section(runbook, "Escalation");
      switch (runbook.severity()) {
        case "critical" ->
            assertThat(escalation).contains("**Page**", "15 minutes", "incident channel");
        case "warning" ->
            assertThat(escalation)
                .contains("**Ticket**", "business hours")
                .doesNotContain("**Page**");
        case "info" ->
            assertThat(escalation)
                .contains("**No action**")
                .doesNotContain("**Page**", "**Ticket**");
        default -> throw new AssertionError(runbook.severity());
      }
    }
    assertThat(section(only(details, "HighHTTPErrorRate"), "Escalation"))
        .contains("team `payments`")
        .doesNotContain("____");
    assertThat(section(only(details, "DiskWillFillIn4Hours"), "Escalation"))
        .contains("owner `infra`");
    assertThat(section(only(details, "HostHighCpuUsage"), "Escalation"))
        .contains("Who owns it: ____");
  }

  @Test
  void aRuleWithoutSeverityIsToldToDecide() {
    String rules =
        "groups:\n  - name: g\n    rules:\n      - alert: Odd\n        expr: foo_queue_length > 100\n";
    Runbook runbook = details(generate(Map.of("content", rules))).runbooks().getFirst();

    assertThat(runbook.severity()).isNull();
    assertThat(runbook.category()).isEqualTo("saturation");
    assertThat(section(runbook, "Escalation"))
        .contains("No severity label")
        .doesNotContain("**Page**");
  }

  @Test
  void alertsWithoutRunbookUrlGetALowFindingWhoseFixHasTheUrl() {
    Analysis analysis = generateAll(Map.of("baseUrl", BASE_URL));
    RunbookDetails details = details(analysis);

    Map<String, Runbook> byPlace = new LinkedHashMap<>();
    details.runbooks().forEach(r -> byPlace.put(place(r), r));
    List<Finding> missing =
        analysis.findings().stream().filter(f -> f.ruleId().equals("runbook.missing-url")).toList();
    assertThat(missing).hasSize(details.runbooks().size() - 1);
    for (Finding finding : missing) {
      assertThat(finding.severity()).isEqualTo(Severity.LOW);
      var evidence = finding.evidence().getFirst();
      Runbook runbook = byPlace.get(evidence.file() + ":" + evidence.line());
      assertThat(runbook).as(finding.message()).isNotNull();
      assertThat(evidence.excerpt()).contains("alert: " + runbook.alert());
      assertThat(runbook.runbookUrl()).isEqualTo(BASE_URL + "#" + runbook.anchor());
      assertThat(finding.fix()).contains("runbook_url: " + runbook.runbookUrl());
    }
    assertThat(missing).noneMatch(f -> f.message().contains("HighLatencyP99"));

    Analysis without = generateAll(Map.of());
    assertThat(details(without).runbooks()).allMatch(r -> r.runbookUrl() == null);
    assertThat(without.findings())
        .filteredOn(f -> f.ruleId().equals("runbook.missing-url"))
        .hasSameSizeAs(missing)
        .allMatch(f -> !f.fix().contains(BASE_URL) && f.fix().contains("runbook_url:"));
  }

  @Test
  void aBrokenFileYieldsTheAlertsFindingsNotAnException() {
    String yaml = "groups:\n  - name: broken\n    rules:\n      - alert: X\n        expr: [\n";
    String promql =
        "groups:\n  - name: g\n    rules:\n      - alert: Bad\n        expr: sum(rate(x[5m])\n"
            + "      - alert: Good\n        expr: up == 0\n";
    Analysis analysis =
        generate(
            Map.of(
                "files",
                List.of(
                    Map.of("name", "rules.yml", "content", RULES),
                    Map.of("name", "broken.yml", "content", yaml),
                    Map.of("name", "promql.yml", "content", promql))));

    assertThat(analysis.findings())
        .filteredOn(f -> f.ruleId().equals("alerts.invalid-rule-file"))
        .extracting(f -> f.evidence().getFirst().file() + ":" + f.evidence().getFirst().line())
        .contains("broken.yml:5", "promql.yml:5");
    assertThat(details(analysis).runbooks())
        .extracting(Runbook::alert)
        .contains("HighHTTPErrorRate", "Good")
        .doesNotContain("Bad");
    assertThat(analysis.summary()).contains("broken.yml", "promql.yml");

    Analysis alone = generate(Map.of("name", "broken.yml", "content", yaml));
    assertThat(details(alone).runbooks()).isEmpty();
    assertThat(alone.findings()).isNotEmpty().allMatch(f -> f.severity().atLeast(Severity.HIGH));
    assertThat(alone.summary()).contains("broken.yml", "not load");
  }

  @Test
  void alertsLimitsTheRunbooksAndTheirFindings() {
    Analysis analysis = generateAll(Map.of("alerts", List.of("ErrorBudgetBurn", "KubeJobFailed")));
    RunbookDetails details = details(analysis);

    assertThat(details.runbooks())
        .extracting(Runbook::alert)
        .containsExactly("ErrorBudgetBurn", "ErrorBudgetBurn", "KubeJobFailed");
    assertThat(analysis.findings())
        .allMatch(
            f -> f.message().contains("ErrorBudgetBurn") || f.message().contains("KubeJobFailed"));
    assertThat(details.markdown()).doesNotContain("HighHTTPErrorRate");
    assertThat(analysis.summary()).contains("3 runbooks", "ErrorBudgetBurn", "KubeJobFailed");
  }

  @Test
  void anUnknownAlertNameIsRefusedByName() {
    assertThatThrownBy(
            () -> generateAll(Map.of("alerts", List.of("HighHTTPErrorRate", "NoSuchAlert"))))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("'NoSuchAlert'")
        .hasMessageContaining("HighHTTPErrorRate");
  }

  @Test
  void filesWithoutAlertingRulesAndBadBaseUrlsAreRefused() {
    String recording =
        "groups:\n  - name: r\n    rules:\n      - record: job:x:rate5m\n        expr: rate(x[5m])\n";
    assertThatThrownBy(() -> generate(Map.of("content", recording)))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("no alerting rules");
    assertThatThrownBy(() -> generate(Map.of("content", RULES, "baseUrl", "runbooks#x")))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("baseUrl");
  }

  @Test
  void theDocumentHasAContentsTableAndEverySectionInOrder() {
    Analysis analysis = generateAll(Map.of());
    RunbookDetails details = details(analysis);

    assertThat(details.toMarkdown()).isEqualTo(details.markdown()).contains("## Contents");
    int position = details.markdown().indexOf("## Contents");
    for (Runbook runbook : details.runbooks()) {
      int at = details.markdown().indexOf(runbook.markdown(), position);
      assertThat(at).as(runbook.anchor()).isGreaterThan(position);
      position = at;
    }
    assertThat(analysis.summary())
        .contains(details.runbooks().size() + " runbooks", "HighHTTPErrorRate");
    assertThat(details.evidence())
        .contains("HighHTTPErrorRate", "error-ratio", "histogram_quantile(0.99")
        .hasSizeLessThanOrEqualTo(RunbookDetails.MAX_EVIDENCE_CHARS);
  }

  @Test
  void manyAlertsAreCutAtTheLimitWithABoundedDigest() {
    StringBuilder rules = new StringBuilder("groups:\n  - name: many\n    rules:\n");
    int count = RunbookAnalyzer.MAX_RUNBOOKS + 5;
    for (int i = 0; i < count; i++) {
      rules
          .append("      - alert: QueueBacklog")
          .append(i)
          .append("\n        expr: sum by (queue) (rabbitmq_queue_messages_ready{queue=\"q")
          .append(i)
          .append("\"}) > 1000\n        for: 5m\n        labels:\n          severity: warning\n");
    }
    Analysis analysis = generate(Map.of("content", rules.toString()));
    RunbookDetails details = details(analysis);

    assertThat(details.runbooks()).hasSize(RunbookAnalyzer.MAX_RUNBOOKS);
    assertThat(analysis.truncation().truncated()).isTrue();
    assertThat(analysis.summary()).contains("of " + count + " alerts");
    assertThat(details.evidence())
        .hasSizeLessThanOrEqualTo(RunbookDetails.MAX_EVIDENCE_CHARS)
        .contains("more alerts");
    assertThat(details.runbooks()).allMatch(r -> r.category().equals("saturation"));
  }

  @Test
  void aVeryLongExpressionIsShownWholeButNotTakenApart() {
    List<String> queues = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      queues.add("queue-" + i);
    }
    String rules =
        "groups:\n  - name: g\n    rules:\n      - alert: Huge\n        expr: sum by (queue)"
            + " (rate(jobs_failed_total{queue=~\""
            + String.join("|", queues)
            + "\"}[5m])) > 1\n"
            + "        labels:\n          severity: warning\n";
    Runbook runbook = details(generate(Map.of("content", rules))).runbooks().getFirst();

    assertThat(runbook.expression()).hasSizeGreaterThan(Queries.MAX_DERIVED_CHARS);
    assertThat(runbook.queries()).extracting(Query::query).first().isEqualTo(runbook.expression());
    assertThat(runbook.queries())
        .extracting(Query::query)
        .filteredOn(q -> q.contains("jobs_failed_total"))
        .hasSize(1);
    assertThat(runbook.markdown().length()).isLessThan(4 * runbook.expression().length());
  }

  @Test
  void theDescriptorIsAnExplainableProfessionalTool() {
    ToolDescriptor descriptor = analyzer.descriptor();

    assertThat(descriptor.name()).isEqualTo(RunbookAnalyzer.NAME).isEqualTo("generate_runbook");
    assertThat(descriptor.minimumTier()).isEqualTo(Tier.PROFESSIONAL);
    assertThat(descriptor.explainable()).isTrue();
    assertThat(descriptor.inputSchema()).contains("\"baseUrl\"", "\"alerts\"", "\"files\"");
    for (String field :
        List.of(
            "alert",
            "group",
            "file",
            "line",
            "severity",
            "category",
            "anchor",
            "runbookUrl",
            "expression",
            "forDuration",
            "queries",
            "markdown",
            "purpose",
            "query")) {
      assertThat(descriptor.detailsSchema()).contains("\"" + field + "\"");
    }
    for (String category : Set.copyOf(CATEGORIES.values())) {
      assertThat(descriptor.detailsSchema()).contains("\"" + category + "\"");
    }
  }
}
