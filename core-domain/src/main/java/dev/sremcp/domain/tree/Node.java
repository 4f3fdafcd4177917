package dev.sremcp.domain.tree;

import java.util.Optional;

/**
 * One node of a parsed configuration: a map, a list or a scalar, with the 1-based line and column
 * where it starts.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {

  int line();

  int column();

  /**
   * How many nodes this one stands for once aliases are expanded, itself included: what a walk over
   * it visits, and what the parser bounds.
   */
  long size();

  /** This node as a map, when it is one. */
  default Optional<MapNode> asMap() {
    return this instanceof MapNode map ? Optional.of(map) : Optional.empty();
  }

  /** This node as a list, when it is one. */
  default Optional<ListNode> asList() {
    return this instanceof ListNode list ? Optional.of(list) : Optional.empty();
  }

  /** This node as a scalar, when it is one. */
  default Optional<ScalarNode> asScalar() {
    return this instanceof ScalarNode scalar ? Optional.of(scalar) : Optional.empty();
  }

  /** The node reached by following map keys from this one, when every step exists. */
  default Optional<Node> at(String... path) {
    Node node = this;
    for (String key : path) {
      if (!(node instanceof MapNode map)) {
        return Optional.empty();
      }
      Optional<Node> next = map.get(key);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      node = next.get();
    }
    return Optional.of(node);
  }

  /** The text of the scalar at {@code path}, when there is a scalar there and it is not null. */
  default Optional<String> text(String... path) {
    return at(path)
        .flatMap(Node::asScalar)
        .filter(scalar -> !scalar.isNull())
        .map(ScalarNode::value);
  }

  /** The map at {@code path}, when there is one. */
  default Optional<MapNode> map(String... path) {
    return at(path).flatMap(Node::asMap);
  }

  /** The items of the list at {@code path}; empty when there is none. */
  default java.util.List<Node> items(String... path) {
    return at(path).flatMap(Node::asList).map(ListNode::items).orElse(java.util.List.of());
  }
}
