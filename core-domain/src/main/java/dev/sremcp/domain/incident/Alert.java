package dev.sremcp.domain.incident;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One alert, whatever sent it.
 *
 * @param source {@code alertmanager}, {@code pagerduty} or {@code opsgenie}
 * @param at when it started firing (or was created)
 * @param resolvedAt when it was resolved, or {@code null} while it fires
 * @param service the service it is about, or {@code null} when the payload names none
 * @param text its name and summary, as a responder reads it
 * @param labels its labels (Alertmanager) or the tags and details turned into labels
 * @param index its position in {@code alerts}, for evidence
 */
record Alert(
    String source,
    String name,
    Instant at,
    Instant resolvedAt,
    String service,
    String severity,
    String text,
    Map<String, String> labels,
    String index) {

  Alert {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(text, "text");
    labels = Map.copyOf(labels);
  }
}
