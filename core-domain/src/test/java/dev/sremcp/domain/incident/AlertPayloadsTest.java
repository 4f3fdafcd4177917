package dev.sremcp.domain.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resolving events close the alert they name: the latest open one, once. */
class AlertPayloadsTest {

  private final AlertPayloads.Received received = new AlertPayloads.Received();

  private void read(Map<String, Object> payload) {
    AlertPayloads.read(payload, "alerts[" + received.size() + "]", received);
  }

  private static Map<String, Object> pagerDuty(String type, String id, String title, String at) {
    return Map.of(
        "event",
        Map.of(
            "event_type",
            type,
            "occurred_at",
            at,
            "data",
            Map.of("id", id, "title", title, "service", Map.of("summary", "checkout-api"))));
  }

  private static Map<String, Object> opsgenie(String action, String message, long at) {
    return Map.of("action", action, "alert", Map.of("message", message, "createdAt", at));
  }

  private List<String> resolvedAt() {
    return received.alerts().stream()
        .map(alert -> alert.resolvedAt() == null ? "open" : alert.resolvedAt().toString())
        .toList();
  }

  @Test
  void aResolutionClosesTheAlertWithItsIdWhateverTheOrder() {
    read(pagerDuty("incident.triggered", "P1", "checkout slow", "2026-03-14T10:00:00Z"));
    read(pagerDuty("incident.triggered", "P2", "checkout slow", "2026-03-14T10:01:00Z"));
    read(pagerDuty("incident.triggered", "P3", "orders failing", "2026-03-14T10:02:00Z"));
    read(pagerDuty("incident.resolved", "P1", "checkout slow", "2026-03-14T10:30:00Z"));
    read(pagerDuty("incident.resolved", "P3", "orders failing", "2026-03-14T10:31:00Z"));

    assertThat(resolvedAt())
        .containsExactly("2026-03-14T10:30:00Z", "open", "2026-03-14T10:31:00Z");
  }

  @Test
  void aResolutionWithoutAnIdClosesTheLatestOpenAlertOfThatTitleOnce() {
    long at = Instant.parse("2026-03-14T10:00:00Z").toEpochMilli();
    read(opsgenie("Create", "Disk above 95% on db-03", at));
    read(opsgenie("Create", "Disk above 95% on db-03", at + 60_000));
    read(opsgenie("Close", "Disk above 95% on db-03", at + 600_000));
    read(opsgenie("Close", "Disk above 95% on db-03", at + 660_000));
    read(opsgenie("Close", "Disk above 95% on db-03", at + 720_000));

    assertThat(resolvedAt())
        .as("the latest first; a third close finds no open alert and adds none")
        .containsExactly("2026-03-14T10:11:00Z", "2026-03-14T10:10:00Z");
  }

  @Test
  void anAlertClosedByItsIdIsNotClosedAgainByItsTitle() {
    read(pagerDuty("incident.triggered", "P1", "checkout slow", "2026-03-14T10:00:00Z"));
    read(pagerDuty("incident.resolved", "P1", "checkout slow", "2026-03-14T10:30:00Z"));
    read(pagerDuty("incident.triggered", "P9", "checkout slow", "2026-03-14T11:00:00Z"));
    read(pagerDuty("incident.resolved", "P1", "checkout slow", "2026-03-14T11:30:00Z"));

    assertThat(resolvedAt())
        .as("P1 is closed already; its second resolution leaves P9 open")
        .containsExactly("2026-03-14T10:30:00Z", "open");
  }

  @Test
  void anEventsApiSourceIsTheSystemAndItsComponentAPartOfIt() {
    AlertPayloads.read(
        Map.of(
            "event_action",
            "trigger",
            "payload",
            Map.of(
                "summary", "Postgres connection errors > 20/min",
                "source", "shipment-tracker-prod",
                "component", "postgres",
                "severity", "error",
                "timestamp", "2025-03-27T11:12:26Z")),
        "alerts[0]",
        received);
    AlertPayloads.read(
        Map.of(
            "event_action",
            "trigger",
            "payload",
            Map.of(
                "summary", "checkout 5xx above 5%",
                "source", "prod-eks-1",
                "component", "checkout-api",
                "severity", "critical",
                "timestamp", "2025-03-27T11:13:00Z")),
        "alerts[1]",
        received);

    AlertPayloads.read(
        Map.of(
            "event_action",
            "trigger",
            "payload",
            Map.of(
                "summary", "Example alert on host1.example.com",
                "source", "prod05.theseus.acme-widgets.com",
                "component", "mysql",
                "group", "prod-datapipe",
                "severity", "info",
                "timestamp", "2025-03-27T11:14:00Z")),
        "alerts[2]",
        received);

    assertThat(received.alerts())
        .extracting(Alert::service)
        .containsExactly("shipment-tracker-prod", "checkout-api", "prod-datapipe");
    assertThat(received.alerts().get(2).labels())
        .containsEntry("host", "prod05.theseus.acme-widgets.com");
  }

  @Test
  void aResolutionOfAnAlertNeverReceivedChangesNothing() {
    read(pagerDuty("incident.triggered", "P1", "checkout slow", "2026-03-14T10:00:00Z"));
    read(pagerDuty("incident.resolved", "P7", "checkout slow", "2026-03-14T10:30:00Z"));

    assertThat(resolvedAt()).containsExactly("open");
    assertThat(received.size()).isEqualTo(1);
  }
}
