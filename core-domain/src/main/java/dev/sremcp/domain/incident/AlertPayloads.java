package dev.sremcp.domain.incident;

import static dev.sremcp.domain.incident.IncidentInput.object;
import static dev.sremcp.domain.incident.IncidentInput.strings;
import static dev.sremcp.domain.incident.IncidentInput.text;
import static dev.sremcp.domain.incident.IncidentInput.time;

import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the alert payloads of the senders SREs wire to their tools: Alertmanager webhooks (version
 * 4), PagerDuty V3 webhooks and Events API v2 events, Opsgenie webhooks and alerts.
 */
final class AlertPayloads {

  private AlertPayloads() {}

  /** Adds the alerts of one payload; a resolving event closes the alert it names. */
  static void read(Object value, String path, Received into) {
    Map<String, Object> payload = object(value, path);
    if (payload.get("alerts") instanceof List<?> alerts) {
      for (int i = 0; i < alerts.size(); i++) {
        into.add(alertmanager(object(alerts.get(i), path + ".alerts[" + i + "]"), path, i));
      }
    } else if (payload.get("event") instanceof Map<?, ?> event) {
      pagerDuty(object(event, path + ".event"), path + ".event", into);
    } else if (payload.containsKey("event_action")
        && (payload.get("payload") instanceof Map<?, ?> || payload.containsKey("dedup_key"))) {
      pagerDutyEvent(payload, path, into);
    } else if (payload.get("alert") instanceof Map<?, ?> alert) {
      opsgenie(object(alert, path + ".alert"), text(payload.get("action")), path + ".alert", into);
    } else if (payload.containsKey("message")
        && (payload.containsKey("createdAt") || payload.containsKey("alias"))) {
      opsgenie(payload, null, path, into);
    } else if (payload.containsKey("labels") && payload.containsKey("startsAt")) {
      into.add(alertmanager(payload, path, -1)); // one alert of a webhook, sent alone
    } else {
      throw new InvalidArgumentsException(
          path
              + " is not an alert payload this tool reads: give an Alertmanager webhook (with"
              + " alerts[]), a PagerDuty V3 webhook (with event) or Events API v2 event (with"
              + " event_action and payload), or an Opsgenie webhook (with alert) or alert (with"
              + " message and createdAt)");
    }
  }

  private static Alert alertmanager(Map<String, Object> alert, String payloadPath, int i) {
    String path = i < 0 ? payloadPath : payloadPath + ".alerts[" + i + "]";
    Map<String, String> labels = strings(alert.get("labels"));
    Map<String, String> annotations = strings(alert.get("annotations"));
    String name = labels.getOrDefault("alertname", "alert");
    Instant at = time(alert.get("startsAt"), path + ".startsAt");
    Instant end = Times.parse(alert.get("endsAt")).orElse(null);
    boolean resolved = "resolved".equalsIgnoreCase(text(alert.get("status")));
    String summary =
        firstOf(annotations, "summary", "message", "description", "title").orElse(null);
    return new Alert(
        "alertmanager",
        name,
        at,
        resolved ? end : null,
        IncidentInput.service(labels),
        labels.get("severity"),
        summary == null ? name : name + ": " + summary,
        labels,
        path);
  }

  private static void pagerDuty(Map<String, Object> event, String path, Received into) {
    Map<String, Object> data =
        event.get("data") instanceof Map<?, ?> map ? object(map, path + ".data") : Map.of();
    String type = text(event.get("event_type"));
    Instant at =
        time(
            data.containsKey("created_at") && !isResolution(type)
                ? data.get("created_at")
                : event.get("occurred_at"),
            path + ".occurred_at");
    String id = text(data.get("id"));
    String title = firstNonNull(text(data.get("title")), text(data.get("summary")), "incident");
    String service =
        data.get("service") instanceof Map<?, ?> s ? text(((Map<?, ?>) s).get("summary")) : null;
    if (isResolution(type)) {
      into.resolve("pagerduty", id, title, at);
      return;
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (id != null) {
      labels.put("incident", id);
    }
    if (service != null) {
      labels.put("service", service);
    }
    String urgency = text(data.get("urgency"));
    String priority =
        data.get("priority") instanceof Map<?, ?> p ? text(((Map<?, ?>) p).get("summary")) : null;
    into.add(
        new Alert(
            "pagerduty",
            title,
            at,
            null,
            service,
            priority != null ? priority : urgency,
            title,
            labels,
            path));
  }

  private static void pagerDutyEvent(Map<String, Object> event, String path, Received into) {
    String action = text(event.get("event_action"));
    if (!(event.get("payload") instanceof Map<?, ?>) && !"trigger".equalsIgnoreCase(action)) {
      return; // a resolve or acknowledge needs no payload, and without one it carries no time
    }
    Map<String, Object> payload = object(event.get("payload"), path + ".payload");
    String summary = firstNonNull(text(payload.get("summary")), "event");
    Instant at =
        payload.containsKey("timestamp")
            ? time(payload.get("timestamp"), path + ".payload.timestamp")
            : null;
    String key = text(event.get("dedup_key"));
    if ("resolve".equalsIgnoreCase(action)) {
      if (at != null) {
        into.resolve("pagerduty", key, summary, at);
      }
      return;
    }
    if (at == null) {
      throw new InvalidArgumentsException(
          path + ".payload.timestamp is missing: the event's time is needed for the timeline");
    }
    Map<String, String> labels = strings(payload.get("custom_details"));
    if (key != null) {
      labels.put("incident", key);
    }
    // Events API v2: source is where it happened (often a host), component the part of the
    // system that failed ("postgres", "alb", or the service itself), group the service's grouping
    String source = text(payload.get("source"));
    String component = text(payload.get("component"));
    if (source != null && HOST.matcher(source).matches()) {
      labels.putIfAbsent("host", source);
    }
    String service =
        firstNonNull(
            IncidentInput.service(labels),
            component != null && !PART.matcher(component).matches() ? component : null,
            text(payload.get("group")),
            source != null && NAME.matcher(source).matches() ? source : null,
            component,
            source);
    if (service != null) {
      labels.putIfAbsent("service", service);
    }
    into.add(
        new Alert(
            "pagerduty",
            summary,
            at,
            null,
            service,
            text(payload.get("severity")),
            summary,
            labels,
            path));
  }

  private static void opsgenie(
      Map<String, Object> alert, String action, String path, Received into) {
    String message = firstNonNull(text(alert.get("message")), "alert");
    String alias = firstNonNull(text(alert.get("alias")), text(alert.get("alertId")));
    if (action != null && (action.equalsIgnoreCase("Close") || action.equalsIgnoreCase("Delete"))) {
      Instant at =
          time(
              alert.containsKey("updatedAt") ? alert.get("updatedAt") : alert.get("createdAt"),
              path + ".updatedAt");
      into.resolve("opsgenie", alias, message, at);
      return;
    }
    Instant at = time(alert.get("createdAt"), path + ".createdAt");
    Map<String, String> labels = strings(alert.get("details"));
    if (alert.get("tags") instanceof List<?> tags) {
      for (Object tag : tags) {
        String text = text(tag);
        if (text == null) {
          continue;
        }
        int colon = text.indexOf(':');
        if (colon > 0) {
          labels.putIfAbsent(text.substring(0, colon).strip(), text.substring(colon + 1).strip());
        } else {
          labels.putIfAbsent("tag:" + text, "true");
        }
      }
    }
    if (alias != null) {
      labels.put("incident", alias);
    }
    String entity = text(alert.get("entity"));
    String service = firstNonNull(IncidentInput.service(labels), entity);
    if (entity != null) {
      labels.putIfAbsent("host", entity);
    }
    String description = text(alert.get("description"));
    into.add(
        new Alert(
            "opsgenie",
            message,
            at,
            null,
            service,
            text(alert.get("priority")),
            description == null || description.equals(message)
                ? message
                : message + ": " + clip(description),
            labels,
            path));
  }

  /** A component that names a part of a system, not the system: a database, a balancer. */
  private static final java.util.regex.Pattern PART =
      java.util.regex.Pattern.compile(
          "(?i)postgres(ql)?|mysql|redis|memcached|db|database|cache|alb|elb|nlb|lb|"
              + "load ?balancer|nginx|envoy|ingress|queue|kafka|ingest|cpu|memory|disk|network|"
              + "jvm|heap|pool");

  /** A source that is a service's name, not an ARN, a URL, an address or a host name. */
  private static final java.util.regex.Pattern NAME =
      java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_-]{1,100}");

  /** A source that is a host: an FQDN, an address, an instance id. */
  private static final java.util.regex.Pattern HOST =
      java.util.regex.Pattern.compile("(?i)[a-z0-9][a-z0-9-]*(\\.[a-z0-9-]+)+|i-[0-9a-f]{8,17}");

  private static boolean isResolution(String type) {
    return type != null && (type.endsWith(".resolved") || type.endsWith(".resolve"));
  }

  /**
   * The alerts read so far, in the order received, with the open ones indexed by their sender's id
   * and by their title, so that a resolving event finds its alert without a scan.
   */
  static final class Received {
    private final List<Alert> alerts = new ArrayList<>();

    /** Indices of open alerts by sender and id or title, the latest first. */
    private final Map<String, Deque<Integer>> open = new HashMap<>();

    void add(Alert alert) {
      int index = alerts.size();
      alerts.add(alert);
      if (alert.resolvedAt() == null) {
        String id = alert.labels().get("incident");
        if (id != null) {
          open.computeIfAbsent(key(alert.source(), "id", id), k -> new ArrayDeque<>()).push(index);
        }
        open.computeIfAbsent(key(alert.source(), "title", alert.name()), k -> new ArrayDeque<>())
            .push(index);
      }
    }

    /**
     * Closes the latest open alert with that id (or, without an id, that title); a resolution of an
     * alert that was not received changes nothing.
     */
    void resolve(String source, String id, String title, Instant at) {
      Deque<Integer> candidates =
          open.get(id != null ? key(source, "id", id) : key(source, "title", title));
      while (candidates != null && !candidates.isEmpty()) {
        int index = candidates.pop();
        Alert alert = alerts.get(index);
        if (alert.resolvedAt() == null) { // else closed through its other index already
          alerts.set(
              index,
              new Alert(
                  alert.source(),
                  alert.name(),
                  alert.at(),
                  at,
                  alert.service(),
                  alert.severity(),
                  alert.text(),
                  alert.labels(),
                  alert.index()));
          return;
        }
      }
    }

    int size() {
      return alerts.size();
    }

    List<Alert> alerts() {
      return alerts;
    }

    private static String key(String source, String by, String value) {
      return source + '\0' + by + '\0' + value;
    }
  }

  private static java.util.Optional<String> firstOf(Map<String, String> map, String... keys) {
    for (String key : keys) {
      String value = map.get(key);
      if (value != null && !value.isBlank()) {
        return java.util.Optional.of(clip(value.strip()));
      }
    }
    return java.util.Optional.empty();
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static String clip(String text) {
    return text.length() <= 300 ? text : text.substring(0, 299) + "…";
  }
}
