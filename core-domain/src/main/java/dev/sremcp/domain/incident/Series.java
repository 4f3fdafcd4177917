package dev.sremcp.domain.incident;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One metric series of a Prometheus range query.
 *
 * @param name the metric's name, or the query when the series has none
 * @param query the query the user ran, or {@code null} when not given
 * @param seconds the points' times, in epoch seconds, ascending
 */
record Series(
    String name, String query, Map<String, String> labels, long[] seconds, double[] values) {

  Series {
    Objects.requireNonNull(name, "name");
    labels = Map.copyOf(labels);
    if (seconds.length != values.length) {
      throw new IllegalArgumentException("times and values differ in length");
    }
  }

  /** The series as a responder names it: {@code node_cpu{node="n7"}}. */
  String label() {
    StringBuilder text = new StringBuilder(name.length() > 80 ? name.substring(0, 80) + "…" : name);
    if (!labels.isEmpty()) {
      text.append('{');
      labels.entrySet().stream()
          .filter(e -> !e.getKey().equals("__name__"))
          .sorted(Map.Entry.comparingByKey())
          .limit(4)
          .forEach(e -> text.append(e.getKey()).append("=\"").append(e.getValue()).append("\","));
      if (text.charAt(text.length() - 1) == ',') {
        text.setLength(text.length() - 1);
      }
      text.append('}');
    }
    return text.toString();
  }

  /**
   * The text the series is classified by: its name, query, label names and CPU mode ({@code
   * node_cpu_seconds_total{mode="steal"}}).
   */
  String words() {
    return name
        + " "
        + (query == null ? "" : query)
        + " "
        + String.join(" ", labels.keySet())
        + " "
        + labels.getOrDefault("mode", "");
  }

  /** Labels by which a shared resource's use is split among its users. */
  private static final List<String> CONSUMER_LABELS =
      List.of(
          "user", "usename", "client", "client_name", "consumer", "tenant", "namespace", "cgroup");

  /**
   * The workload the series is about: its service, pod, or the user of a shared resource ({@code
   * usename}, {@code client}, {@code tenant}...); {@code null} for a host's series, which is
   * shared.
   */
  String owner() {
    String owner = IncidentInput.service(labels);
    if (owner == null) {
      owner = labels.get("pod");
    }
    for (int i = 0; owner == null && i < CONSUMER_LABELS.size(); i++) {
      owner = labels.get(CONSUMER_LABELS.get(i));
    }
    if (owner == null) {
      for (String label : List.of("node", "instance", "host")) {
        if (labels.containsKey(label)) {
          return null; // a host's series: shared, not a workload's
        }
      }
    }
    return owner;
  }
}
