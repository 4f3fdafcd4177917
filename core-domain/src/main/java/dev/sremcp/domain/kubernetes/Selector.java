package dev.sremcp.domain.kubernetes;

import dev.sremcp.domain.tree.MapNode;
import dev.sremcp.domain.tree.Node;
import dev.sremcp.domain.tree.ScalarNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A label selector as Kubernetes evaluates it: {@code matchLabels} and {@code matchExpressions}
 * (In, NotIn, Exists, DoesNotExist), or the plain map of a Service's selector. An empty selector
 * matches everything.
 */
final class Selector {

  private record Requirement(String key, String operator, Set<String> values) {
    boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return switch (operator) {
        case "In" -> value != null && values.contains(value);
        case "NotIn" -> value == null || !values.contains(value);
        case "Exists" -> value != null;
        case "DoesNotExist" -> value == null;
        default -> false;
      };
    }
  }

  private final Map<String, String> labels;
  private final List<Requirement> requirements;

  private Selector(Map<String, String> labels, List<Requirement> requirements) {
    this.labels = Map.copyOf(labels);
    this.requirements = List.copyOf(requirements);
  }

  /** The plain map of a Service's (or ReplicationController's) selector. */
  static Selector ofMap(Node map) {
    return new Selector(Nodes.strings(map), List.of());
  }

  /** A LabelSelector: {@code matchLabels} and {@code matchExpressions}. */
  static Selector of(Node selector) {
    List<Requirement> requirements = new ArrayList<>();
    for (MapNode expression : Nodes.maps(selector, "matchExpressions")) {
      Set<String> values = new HashSet<>();
      for (ScalarNode value : Nodes.scalars(expression, "values")) {
        values.add(value.value());
      }
      requirements.add(
          new Requirement(
              expression.text("key").orElse(""), expression.text("operator").orElse(""), values));
    }
    return new Selector(Nodes.strings(selector, "matchLabels"), requirements);
  }

  /** The LabelSelector at {@code path}, when the field is there and is a map. */
  static Optional<Selector> at(Node node, String... path) {
    return node.map(path).map(Selector::of);
  }

  /** The pairs every match must carry (matchLabels, or a Service's selector). */
  Map<String, String> matchLabels() {
    return labels;
  }

  boolean isEmpty() {
    return labels.isEmpty() && requirements.isEmpty();
  }

  boolean matches(Map<String, String> podLabels) {
    for (Map.Entry<String, String> label : labels.entrySet()) {
      if (!label.getValue().equals(podLabels.get(label.getKey()))) {
        return false;
      }
    }
    for (Requirement requirement : requirements) {
      if (!requirement.matches(podLabels)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    labels.forEach((key, value) -> parts.add(key + "=" + value));
    for (Requirement requirement : requirements) {
      parts.add(
          requirement.key()
              + " "
              + requirement.operator()
              + (requirement.values().isEmpty() ? "" : " " + requirement.values()));
    }
    parts.sort(null);
    return String.join(",", parts);
  }
}
