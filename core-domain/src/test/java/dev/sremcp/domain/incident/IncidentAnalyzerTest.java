package dev.sremcp.domain.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentAnalyzerTest {

  private static final Instant START = Instant.parse("2026-03-14T09:00:00Z");

  private static IncidentDetails analyze(Map<String, Object> arguments) {
    return (IncidentDetails) run(arguments).details();
  }

  private static Analysis run(Map<String, Object> arguments) {
    return new IncidentAnalyzer().analyze(Arguments.of(arguments), AnalysisContext.detached());
  }

  /** Two hours of a service's log: healthy traffic, then {@code errors} from minute 62 on. */
  private static String log(String... errors) {
    StringBuilder log = new StringBuilder();
    for (int minute = 0; minute < 120; minute++) {
      for (int i = 0; i < 5; i++) {
        log.append(
            "%s INFO  [checkout] c.s.OrderController - GET /api/orders/%d 200 %dms\n"
                .formatted(START.plusSeconds(minute * 60L + i * 11), minute * 10 + i, 10 + i));
      }
      if (minute % 17 == 0) {
        log.append(
            "%s WARN  [checkout] c.s.Cache - cache miss ratio 0.%d above 0.2\n"
                .formatted(START.plusSeconds(minute * 60L + 30), 2 + minute % 5));
      }
      if (minute >= 62) {
        for (String error : errors) {
          log.append(
              "%s ERROR [checkout] c.s.PaymentClient - %s\n"
                  .formatted(START.plusSeconds(minute * 60L + 40), error.formatted(minute)));
        }
      }
    }
    return log.toString();
  }

  private static Map<String, Object> alertmanager(String name, String service, Instant at) {
    return Map.of(
        "version",
        "4",
        "status",
        "firing",
        "alerts",
        List.of(
            Map.of(
                "status",
                "firing",
                "labels",
                Map.of("alertname", name, "service", service, "severity", "critical"),
                "annotations",
                Map.of("summary", "5xx ratio above 5% for " + service),
                "startsAt",
                at.toString(),
                "endsAt",
                "0001-01-01T00:00:00Z")));
  }

  /** The hypothesis for that cause; the test fails when there is none. */
  private static IncidentDetails.Hypothesis hypothesis(IncidentDetails details, String cause) {
    return details.hypotheses().stream()
        .filter(h -> h.cause().equals(cause))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no hypothesis for " + cause));
  }

  private static Map<String, Object> change(Instant at, String service, String description) {
    return Map.of("time", at.toString(), "service", service, "description", description);
  }

  @Test
  void aDeployShortlyBeforeNewApplicationErrorsIsTheFirstHypothesis() {
    IncidentDetails details =
        analyze(
            Map.of(
                "alerts",
                List.of(alertmanager("HighErrorRate", "checkout", START.plusSeconds(65 * 60))),
                "changes",
                List.of(
                    change(START.plusSeconds(10 * 60), "search", "Deploy search 1.2.0 -> 1.3.0"),
                    change(
                        START.plusSeconds(58 * 60),
                        "checkout",
                        "ArgoCD sync: checkout 2.40.3 -> 2.41.0")),
                "logs",
                log(
                    "java.lang.NullPointerException: Cannot invoke \"Order.total()\" because \"order\" is null (order %d)")));

    assertThat(details.abstained()).isFalse();
    assertThat(details.onset()).isEqualTo("2026-03-14T10:02:40Z");
    assertThat(details.hypotheses().getFirst().cause()).isEqualTo("bad-deploy");
    assertThat(details.hypotheses().getFirst().title()).contains("checkout").contains("2.41.0");
    assertThat(details.hypotheses().getFirst().evidence())
        .extracting(IncidentDetails.Support::kind)
        .contains("change", "log");
    assertThat(details.affected().services()).containsExactly("checkout");
    assertThat(details.timeline())
        .extracting(IncidentDetails.TimelineEntry::kind)
        .contains("change", "alert", "log", "onset");
    assertThat(details.timeline())
        .isSortedAccordingTo(java.util.Comparator.comparing(e -> Instant.parse(e.time())));
  }

  @Test
  void errorsThatNameAFailedLookupPointAtDnsEvenWithoutAChange() {
    IncidentDetails details =
        analyze(
            Map.of(
                "logs",
                log(
                    "dial tcp: lookup payments.internal on 10.0.0.10:53: no such host (order %d)")));

    assertThat(details.hypotheses().getFirst().cause()).isEqualTo("dns-failure");
    assertThat(details.hypotheses().getFirst().title()).contains("payments.internal");
    assertThat(details.abstained()).isFalse();
  }

  @Test
  void genericErrorsWithNothingElseAbstain() {
    Analysis analysis =
        run(
            Map.of(
                "alerts",
                List.of(alertmanager("HighErrorRate", "checkout", START.plusSeconds(65 * 60))),
                "logs",
                log("request failed with HTTP 500 Internal Server Error (order %d)")));
    IncidentDetails details = (IncidentDetails) analysis.details();

    assertThat(details.abstained()).isTrue();
    assertThat(details.abstention()).isNotBlank();
    assertThat(analysis.summary()).contains("Insufficient evidence");
    assertThat(analysis.findings())
        .extracting(Finding::ruleId)
        .contains("incident.insufficient-evidence", "incident.onset");
  }

  @Test
  void aChangeHoursBeforeTheOnsetOnAnotherServiceIsNotBlamed() {
    IncidentDetails details =
        analyze(
            Map.of(
                "alerts",
                List.of(alertmanager("HighErrorRate", "checkout", START.plusSeconds(65 * 60))),
                "changes",
                List.of(
                    change(START.minusSeconds(5 * 3600), "search", "Deploy search 1.2.0 -> 1.3.0")),
                "logs",
                log("request failed with HTTP 500 Internal Server Error (order %d)")));

    assertThat(details.abstained()).isTrue();
    assertThat(details.hypotheses())
        .noneMatch(h -> h.cause().equals("bad-deploy") && h.confidence() >= 0.3);
  }

  @Test
  void aSaturatedPoolInTheMetricsIsResourceSaturation() {
    List<List<Object>> inUse = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      double value = i < 60 ? 40 + (i % 7) : Math.min(150, 40 + (i - 60) * 12);
      inUse.add(List.of(START.getEpochSecond() + i * 60L, String.valueOf(value)));
    }
    Map<String, Object> response =
        response(
            List.of(
                Map.of(
                    "metric",
                    Map.of("__name__", "hikaricp_connections_active", "service", "checkout"),
                    "values",
                    inUse)));
    IncidentDetails details =
        analyze(
            Map.of(
                "metrics",
                List.of(response),
                "logs",
                log(
                    "HikariPool-1 - Connection is not available, request timed out after 30000ms. (%d)")));

    assertThat(details.hypotheses().getFirst().cause()).isEqualTo("resource-saturation");
    assertThat(details.hypotheses().getFirst().evidence())
        .extracting(IncidentDetails.Support::kind)
        .contains("metric", "log");
  }

  @Test
  void readsPagerDutyAndOpsgeniePayloadsAndTheirResolutions() {
    Map<String, Object> triggered =
        Map.of(
            "event",
            Map.of(
                "event_type",
                "incident.triggered",
                "occurred_at",
                "2026-03-14T10:04:12Z",
                "data",
                Map.of(
                    "id",
                    "PGR0VU2",
                    "title",
                    "checkout: p99 latency above 2s",
                    "created_at",
                    "2026-03-14T10:04:12Z",
                    "service",
                    Map.of("summary", "checkout-api"))));
    Map<String, Object> resolved =
        Map.of(
            "event",
            Map.of(
                "event_type",
                "incident.resolved",
                "occurred_at",
                "2026-03-14T10:40:00Z",
                "data",
                Map.of("id", "PGR0VU2", "title", "checkout: p99 latency above 2s")));
    Map<String, Object> opsgenie =
        Map.of(
            "action",
            "Create",
            "alert",
            Map.of(
                "message",
                "Disk usage above 95% on db-03",
                "createdAt",
                1773482640000L,
                "entity",
                "db-03",
                "tags",
                List.of("database", "service:orders-db")));

    IncidentDetails details = analyze(Map.of("alerts", List.of(triggered, resolved, opsgenie)));

    assertThat(details.inputs().alerts()).isEqualTo(2);
    assertThat(details.affected().services()).contains("checkout-api", "orders-db");
    assertThat(details.timeline())
        .extracting(IncidentDetails.TimelineEntry::kind)
        .contains("alert", "resolved");
    assertThat(details.hypotheses())
        .extracting(IncidentDetails.Hypothesis::cause)
        .contains("resource-saturation");
  }

  /**
   * A query_range response: one series per entry of {@code series}, labels to a function of the
   * minute (0 to 119) from {@link #START}.
   */
  private static Map<String, Object> matrix(
      String query, Map<Map<String, String>, java.util.function.IntToDoubleFunction> series) {
    List<Object> result = new ArrayList<>();
    series.forEach(
        (labels, level) -> {
          List<List<Object>> values = new ArrayList<>();
          for (int minute = 0; minute < 120; minute++) {
            values.add(
                List.of(
                    START.getEpochSecond() + minute * 60L,
                    String.valueOf(level.applyAsDouble(minute))));
          }
          result.add(Map.of("metric", labels, "values", values));
        });
    return Map.of("query", query, "response", response(result));
  }

  /** A query_range response as Prometheus returns it, with these series. */
  private static Map<String, Object> response(List<?> result) {
    return Map.of("status", "success", "data", Map.of("resultType", "matrix", "result", result));
  }

  @Test
  void aSeriesWithoutPointsBesideOursChangesNothingAndATimeOutOfRangeIsRefused() {
    Map<String, Object> memory =
        Map.of(
            "query",
            "container_memory_working_set_bytes",
            "response",
            response(
                List.of(
                    Map.of(
                        "metric",
                        Map.of("pod", "checkout-1"),
                        "values",
                        List.of(
                            List.of(START.getEpochSecond(), "1"),
                            List.of(START.getEpochSecond() + 60, "1"))),
                    Map.of("metric", Map.of("pod", "batch-1"), "values", List.of()))));
    Map<String, Object> alert = alertmanager("HighErrorRate", "checkout", START.plusSeconds(60));

    assertThat(
            analyze(Map.of("alerts", List.of(alert), "metrics", List.of(memory))).inputs().series())
        .isEqualTo(2);
    Map<String, Object> farFuture =
        Map.of(
            "query",
            "up",
            "response",
            response(List.of(Map.of("metric", Map.of(), "values", List.of(List.of(1e300, "1"))))));
    assertThatThrownBy(
            () -> analyze(Map.of("alerts", List.of(alert), "metrics", List.of(farFuture))))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("metrics[0]")
        .hasMessageContaining("is not a time");
  }

  @Test
  void aChangeInPlaceWithoutSymptomsBeforeAnotherJustBeforeTheOnsetCountsLess() {
    IncidentDetails details =
        analyze(
            Map.of(
                "alerts",
                List.of(alertmanager("HighErrorRate", "checkout", START.plusSeconds(64 * 60))),
                "changes",
                List.of(
                    change(
                        START.plusSeconds(48 * 60), "checkout", "Deploy checkout 2.40.3 -> 2.41.0"),
                    change(
                        START.plusSeconds(61 * 60),
                        "checkout",
                        "kubectl apply configmap checkout-config: PAYMENT_TIMEOUT_MS 3000 -> 300")),
                "logs",
                log("payment call timed out after 300ms (order %d)")));

    assertThat(details.hypotheses().getFirst().cause()).isEqualTo("config-change");
    IncidentDetails.Hypothesis deploy = hypothesis(details, "bad-deploy");
    assertThat(deploy.evidence().getFirst().text())
        .contains("in place for 13 min without symptoms before another change");
  }

  @Test
  void aLimitThatFellJustBeforeTheOnsetIsAConfigurationChange() {
    Map<String, Object> maxConnections =
        matrix(
            "pgbouncer_config_max_client_connections",
            Map.of(Map.of("instance", "pgbouncer-01:9127"), minute -> minute >= 58 ? 200 : 2000));
    IncidentDetails details =
        analyze(
            Map.of(
                "alerts",
                List.of(alertmanager("HighErrorRate", "checkout", START.plusSeconds(64 * 60))),
                "metrics",
                List.of(maxConnections),
                "logs",
                log("ERROR:  no more connections allowed (max_client_conn) (order %d)")));

    IncidentDetails.Hypothesis config = hypothesis(details, "config-change");
    assertThat(config.title()).startsWith("A limit lowered").contains("from 2000 to 200");
  }

  @Test
  void anotherWorkloadTakingMostOfANodesDiskIsANoisyNeighbour() {
    Map<String, Object> writes =
        matrix(
            "sum by (pod) (rate(container_fs_writes_bytes_total{node=\"ip-10-0-3-44\"}[2m]))",
            Map.of(
                Map.of("pod", "es-reindex-7f9c"),
                minute -> minute >= 55 && minute < 100 ? 450e6 + minute * 1e5 : 0,
                Map.of("pod", "invoice-api-7d8c9-4kq2n"),
                minute -> 1.8e6 + (minute % 5) * 1e4,
                Map.of("pod", "invoice-api-7d8c9-x8m1z"),
                minute -> 1.9e6 + (minute % 3) * 1e4));
    Map<String, Object> ioTime =
        matrix(
            "rate(node_disk_io_time_seconds_total{device=\"nvme1n1\"}[2m])",
            Map.of(
                Map.of("instance", "ip-10-0-3-44:9100"),
                minute -> minute >= 56 && minute < 100 ? 0.97 + (minute % 3) / 100.0 : 0.08));
    IncidentDetails details =
        analyze(
            Map.of(
                "alerts",
                List.of(alertmanager("InvoiceBackendSlow", "invoice", START.plusSeconds(60 * 60))),
                "metrics",
                List.of(writes, ioTime)));

    assertThat(details.hypotheses().getFirst().cause()).isEqualTo("noisy-neighbour");
    assertThat(details.hypotheses().getFirst().title()).contains("es-reindex-7f9c");
  }

  @Test
  void aDependencyWhoseTargetsStopAnsweringIsOutForItsCallers() {
    Map<String, Object> up =
        matrix(
            "up{job=\"authz\"}",
            Map.of(
                Map.of("job", "authz", "instance", "10.4.2.17:9090"),
                minute -> minute >= 61 && minute < 90 ? 0 : 1,
                Map.of("job", "authz", "instance", "10.4.5.33:9090"),
                minute -> minute >= 61 && minute < 90 ? 0 : 1));
    IncidentDetails details =
        analyze(
            Map.of(
                "alerts",
                List.of(alertmanager("DocsApiErrors", "docs-api", START.plusSeconds(63 * 60))),
                "logs",
                log("rpc error: code = Unavailable desc = no healthy upstream (%d)"),
                "metrics",
                List.of(up)));

    assertThat(details.abstained()).isFalse();
    assertThat(details.hypotheses().getFirst().cause()).isEqualTo("dependency-outage");
    assertThat(details.hypotheses().getFirst().evidence())
        .extracting(IncidentDetails.Support::kind)
        .contains("metric", "log");
  }

  @Test
  void aUsageSeriesThatReachesItsLimitIsSaturationAndAnEmptyLimitIsNoError() {
    Map<String, Object> open =
        matrix(
            "process_files_open_files{container=\"ingest\"}",
            Map.of(
                Map.of("__name__", "process_files_open_files", "pod", "ingest-1"),
                minute -> Math.min(65536, 61000 + minute * 60)));
    Map<String, Object> max =
        matrix(
            "process_files_max_files{container=\"ingest\"}",
            Map.of(Map.of("__name__", "process_files_max_files", "pod", "ingest-1"), m -> 65536));
    Map<String, Object> emptyLimit =
        response(
            List.of(
                Map.of(
                    "metric",
                    Map.of("__name__", "process_files_limit", "pod", "ingest-1"),
                    "values",
                    List.of())));
    IncidentDetails details =
        analyze(
            Map.of(
                "alerts",
                List.of(alertmanager("IngestErrors", "ingest", START.plusSeconds(76 * 60))),
                "metrics",
                List.of(open, max, emptyLimit)));

    assertThat(details.hypotheses().getFirst().cause()).isEqualTo("resource-saturation");
    assertThat(details.hypotheses().getFirst().title()).contains("reached its limit");
  }

  @Test
  void aHundredThousandLogLinesAndTenThousandEventsGiveABoundedResult() {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      Instant at = START.plusMillis(i * 72L); // two hours
      log.append(at)
          .append(i > 60_000 && i % 7 == 0 ? " ERROR pool exhausted" : " INFO ok ")
          .append(i % 100)
          .append('\n');
    }
    List<Map<String, Object>> alerts = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      alerts.add(alertmanager("Alert" + (i % 50), "svc-" + (i % 20), START.plusSeconds(i)));
    }
    List<Map<String, Object>> changes = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      changes.add(
          change(START.plusSeconds(i), "svc-" + (i % 20), "kubectl apply configmap svc-" + i));
    }
    assertThat(log.length()).isLessThan(8 * 1024 * 1024); // the enterprise tier's cap

    Analysis analysis = run(Map.of("logs", log.toString(), "alerts", alerts, "changes", changes));
    IncidentDetails details = (IncidentDetails) analysis.details();

    assertThat(details.inputs().logLines()).isEqualTo(100_000);
    assertThat(details.inputs().alerts() + details.inputs().changes()).isEqualTo(10_000);
    assertThat(details.timeline()).hasSizeLessThanOrEqualTo(Investigation.TIMELINE_LIMIT);
    assertThat(details.timelineTotal()).isGreaterThan(Investigation.TIMELINE_LIMIT);
    assertThat(details.hypotheses()).allMatch(h -> h.evidence().size() <= 10);
    assertThat(analysis.findings()).hasSizeLessThanOrEqualTo(50);
    assertThat(details.evidence().length()).isLessThanOrEqualTo(6_000);
  }

  @Test
  void refusesWhatItCannotReadNamingWhere() {
    assertThatThrownBy(() -> run(Map.of()))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("at least one of alerts, logs, changes or metrics");
    assertThatThrownBy(() -> run(Map.of("alerts", List.of(Map.of("foo", 1)))))
        .hasMessageContaining("alerts[0] is not an alert payload");
    assertThatThrownBy(
            () ->
                run(
                    Map.of(
                        "alerts",
                        List.of(
                            Map.of(
                                "alerts",
                                List.of(Map.of("labels", Map.of(), "startsAt", "yesterday")))))))
        .hasMessageContaining("alerts[0].alerts[0].startsAt is not a time");
    assertThatThrownBy(
            () -> run(Map.of("changes", List.of(Map.of("time", "2026-03-14T10:00:00Z")))))
        .hasMessageContaining("changes[0].description is missing");
    assertThatThrownBy(() -> run(Map.of("metrics", List.of(Map.of("status", "success")))))
        .hasMessageContaining("metrics[0] is not a Prometheus query_range response");
    assertThatThrownBy(() -> run(Map.of("logs", "   \n  \n"))).hasMessageContaining("logs:");
  }
}
