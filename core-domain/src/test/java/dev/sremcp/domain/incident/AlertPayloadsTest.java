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

  /** An Events API v2 trigger with these payload fields (summary, severity and time added). */
  private static Map<String, Object> trigger(Map<String, String> fields) {
    Map<String, Object> payload = new java.util.HashMap<>(fields);
    payload.put("summary", "alert on " + fields.get("source"));
    payload.put("severity", "error");
    payload.put("timestamp", "2025-03-27T11:12:26Z");
    return Map.of("event_action", "trigger", "payload", payload);
  }

  @Test
  void anEventsApiSourceIsTheSystemAndItsComponentAPartOfIt() {
    read(trigger(Map.of("source", "shipment-tracker-prod", "component", "postgres")));
    read(trigger(Map.of("source", "prod-eks-1", "component", "checkout-api")));
    read(
        trigger(
            Map.of(
                "source", "prod05.theseus.acme-widgets.com",
                "component", "mysql",
                "group", "prod-datapipe")));

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
