package dev.sremcp.domain.kubernetes;

import dev.sremcp.domain.tree.ListNode;
import dev.sremcp.domain.tree.MapNode;
import dev.sremcp.domain.tree.Node;
import dev.sremcp.domain.tree.ScalarNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small readers over the parsed tree that the checks share: values, entries and their lines. */
final class Nodes {

  private Nodes() {}

  /** The entry at the end of {@code path}: the last key looked up in the map the rest leads to. */
  static Optional<MapNode.Entry> entry(Node node, String... path) {
    if (path.length == 0) {
      return Optional.empty();
    }
    String[] parent = Arrays.copyOf(path, path.length - 1);
    return node.map(parent).flatMap(map -> map.entry(path[path.length - 1]));
  }

  /** The line of the key at {@code path}, or {@code fallback} when there is none. */
  static int keyLine(Node node, int fallback, String... path) {
    return entry(node, path).map(entry -> entry.key().line()).orElse(fallback);
  }

  /**
   * The plain boolean at {@code path}, read as Kubernetes reads it: its YAML decoder follows YAML
   * 1.1, where {@code yes}, {@code on}, {@code y} and their opposites are booleans too.
   */
  static Optional<Boolean> bool(Node node, String... path) {
    return node.at(path).flatMap(Node::asScalar).flatMap(Nodes::bool);
  }

  /** A plain scalar as a YAML 1.1 boolean, the way Kubernetes' decoder reads it. */
  static Optional<Boolean> bool(ScalarNode scalar) {
    if (scalar.style() != ScalarNode.Style.PLAIN || scalar.tag() != null) {
      return Optional.empty();
    }
    return switch (scalar.value()) {
      case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE" ->
          Optional.of(true);
      case "n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE" ->
          Optional.of(false);
      default -> Optional.empty();
    };
  }

  /** True when the value at {@code path} is a plain {@code true}. */
  static boolean isTrue(Node node, String... path) {
    return bool(node, path).orElse(false);
  }

  /** The plain number at {@code path}. */
  static Optional<BigDecimal> number(Node node, String... path) {
    return node.at(path).flatMap(Node::asScalar).flatMap(ScalarNode::asNumber);
  }

  /** The maps among the items of the list at {@code path}. */
  static List<MapNode> maps(Node node, String... path) {
    List<MapNode> maps = new ArrayList<>();
    for (Node item : node.items(path)) {
      item.asMap().ifPresent(maps::add);
    }
    return maps;
  }

  /** The scalar texts among the items of the list at {@code path}. */
  static List<ScalarNode> scalars(Node node, String... path) {
    List<ScalarNode> scalars = new ArrayList<>();
    for (Node item : node.items(path)) {
      item.asScalar().filter(scalar -> !scalar.isNull()).ifPresent(scalars::add);
    }
    return scalars;
  }

  /** A map of scalar values (labels, a Service's selector), by key; empty when none is there. */
  static Map<String, String> strings(Node node, String... path) {
    Map<String, String> values = new LinkedHashMap<>();
    node.map(path)
        .ifPresent(
            map -> {
              for (MapNode.Entry entry : map.entries()) {
                if (entry.value() instanceof ScalarNode scalar) {
                  values.put(entry.key().value(), scalar.isNull() ? "" : scalar.value());
                }
              }
            });
    return values;
  }

  /** True when the two nodes hold the same content, wherever they are written. */
  static boolean same(Node a, Node b) {
    return switch (a) {
      case ScalarNode x ->
          b instanceof ScalarNode y && x.value().equals(y.value()) && x.isNull() == y.isNull();
      case ListNode x -> {
        if (!(b instanceof ListNode y) || x.items().size() != y.items().size()) {
          yield false;
        }
        for (int i = 0; i < x.items().size(); i++) {
          if (!same(x.items().get(i), y.items().get(i))) {
            yield false;
          }
        }
        yield true;
      }
      case MapNode x -> {
        if (!(b instanceof MapNode y) || x.entries().size() != y.entries().size()) {
          yield false;
        }
        for (MapNode.Entry entry : x.entries()) {
          Optional<Node> other = y.get(entry.key().value());
          if (other.isEmpty() || !same(entry.value(), other.get())) {
            yield false;
          }
        }
        yield true;
      }
    };
  }

  /** A number as an int, clamped to the int range rather than wrapped. */
  static int toInt(BigDecimal number) {
    return number
        .max(BigDecimal.valueOf(Integer.MIN_VALUE))
        .min(BigDecimal.valueOf(Integer.MAX_VALUE))
        .intValue();
  }
}
