package dev.sremcp.domain.incident;

import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import dev.sremcp.domain.tool.TextSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a call gives about an incident, read and checked: alerts of any of the supported senders,
 * changes, metric series and the log, each within its limit. A payload that cannot be read is
 * refused with its path (e.g. {@code alerts[2].alerts[0].startsAt}), never skipped in silence.
 */
record IncidentInput(
    List<Alert> alerts, List<Change> changes, List<Series> series, TextSource logs) {

  static final int MAX_ALERTS = 20_000;
  static final int MAX_CHANGES = 20_000;
  static final int MAX_SERIES = 2_000;
  static final int MAX_POINTS = 2_000_000;

  private static final List<String> SERVICE_LABELS =
      List.of(
          "service",
          "service_name",
          "app",
          "app_kubernetes_io_name",
          "application",
          "deployment",
          "container",
          "job");

  IncidentInput {
    alerts = alerts.stream().sorted(Comparator.comparing(Alert::at)).toList();
    changes = changes.stream().sorted(Comparator.comparing(Change::at)).toList();
    series = List.copyOf(series);
  }

  boolean isEmpty() {
    return alerts.isEmpty() && changes.isEmpty() && series.isEmpty() && logs == null;
  }

  static IncidentInput of(Arguments arguments) {
    AlertPayloads.Received alerts = new AlertPayloads.Received();
    List<?> payloads = list(arguments.raw("alerts").orElse(null), "alerts");
    for (int i = 0; i < payloads.size(); i++) {
      AlertPayloads.read(payloads.get(i), "alerts[" + i + "]", alerts);
      if (alerts.size() > MAX_ALERTS) {
        throw tooMany("alerts", MAX_ALERTS, "alerts (every alert of every payload counts)");
      }
    }
    List<Change> changes = new ArrayList<>();
    List<?> givenChanges = list(arguments.raw("changes").orElse(null), "changes");
    if (givenChanges.size() > MAX_CHANGES) {
      throw tooMany("changes", MAX_CHANGES, "changes");
    }
    for (int i = 0; i < givenChanges.size(); i++) {
      changes.add(change(givenChanges.get(i), "changes[" + i + "]"));
    }
    List<Series> series = new ArrayList<>();
    List<?> givenMetrics = list(arguments.raw("metrics").orElse(null), "metrics");
    long points = 0;
    for (int i = 0; i < givenMetrics.size(); i++) {
      for (Series one : MetricPayloads.read(givenMetrics.get(i), "metrics[" + i + "]")) {
        series.add(one);
        points += one.values().length;
      }
      if (series.size() > MAX_SERIES) {
        throw tooMany("metrics", MAX_SERIES, "series");
      }
      if (points > MAX_POINTS) {
        throw tooMany("metrics", MAX_POINTS, "points");
      }
    }
    TextSource logs = arguments.text("logs").orElse(null);
    IncidentInput input = new IncidentInput(alerts.alerts(), changes, series, logs);
    if (input.isEmpty()) {
      throw new InvalidArgumentsException(
          "give at least one of alerts, logs, changes or metrics: there is nothing to analyze");
    }
    return input;
  }

  private static InvalidArgumentsException tooMany(String argument, long limit, String what) {
    return new InvalidArgumentsException(
        argument
            + " holds more than "
            + limit
            + " "
            + what
            + ", the most one call analyzes; send the ones around the incident");
  }

  /** An argument that is an array, or one object taken as an array of one. */
  static List<?> list(Object value, String name) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> items) {
      return items;
    }
    if (value instanceof Map<?, ?>) {
      return List.of(value);
    }
    throw new InvalidArgumentsException(name + " must be an array of objects");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object value, String path) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new InvalidArgumentsException(path + " must be an object");
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value instanceof String s ? s : String.valueOf(value);
    return text.isBlank() ? null : text.strip();
  }

  static Instant time(Object value, String path) {
    return Times.parse(value)
        .orElseThrow(
            () ->
                new InvalidArgumentsException(
                    path
                        + (value == null ? " is missing" : " is not a time: '" + value + "'")
                        + "; give an RFC 3339 time such as 2026-03-14T10:03:00Z or epoch"
                        + " seconds or milliseconds"));
  }

  /** The service a set of labels names, or {@code null}. */
  static String service(Map<String, String> labels) {
    for (String name : SERVICE_LABELS) {
      String value = labels.get(name);
      if (value != null
          && !value.isBlank()
          && !(name.equals("job") && EXPORTER.matcher(value).find())) {
        return value;
      }
    }
    return null;
  }

  /**
   * The scrape jobs of exporters, whose {@code job} label names the exporter (YACE for CloudWatch,
   * node_exporter, kube-state-metrics), not the workload the series is about.
   */
  private static final Pattern EXPORTER =
      Pattern.compile(
          "(?i)^(yace|cloudwatch\\S*|stackdriver\\S*|kube-state-metrics|cadvisor|kubelet|node|nodes|"
              + "blackbox\\S*|prometheus|telegraf|windows|wmi)$|(node|postgres|mysql|redis|"
              + "blackbox|process|statsd|snmp|jmx|pgbouncer|kafka|mongodb|elasticsearch|nginx|"
              + "haproxy|memcached|rabbitmq|cloudwatch|stackdriver|windows)[-_]exporter|"
              + "otel-?collector|opentelemetry-collector");

  /** String values of a JSON object, nested values left out. */
  static Map<String, String> strings(Object value) {
    Map<String, String> strings = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach(
          (key, item) -> {
            if (key != null && (item instanceof String || item instanceof Number)) {
              strings.put(String.valueOf(key), String.valueOf(item));
            }
          });
    }
    return strings;
  }

  private static Change change(Object value, String path) {
    Map<String, Object> change = object(value, path);
    Instant at =
        time(
            change.containsKey("time") ? change.get("time") : change.get("timestamp"),
            path + ".time");
    String description = text(change.get("description"));
    if (description == null) {
      throw new InvalidArgumentsException(
          path + ".description is missing: say what changed, e.g. \"Deploy checkout 2.41.0\"");
    }
    return new Change(
        at,
        text(change.get("service")),
        description,
        Change.Kind.of(text(change.get("kind")), description),
        path);
  }
}
