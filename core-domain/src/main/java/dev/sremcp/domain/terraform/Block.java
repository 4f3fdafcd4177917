package dev.sremcp.domain.terraform;

import dev.sremcp.domain.tree.MapNode;
import dev.sremcp.domain.tree.Node;
import dev.sremcp.domain.tree.ScalarNode;
import java.util.List;
import java.util.Optional;

/**
 * One top-level Terraform block (a resource, a data source, a module, a provider, the {@code
 * terraform} block, a variable) with its body as a tree: attributes are scalars, lists and maps;
 * nested blocks are lists of maps under their type, as in a plan's JSON.
 *
 * @param kind {@code resource}, {@code data}, {@code module}, {@code provider}, {@code terraform}
 *     or {@code variable}
 * @param type the resource or data type ({@code aws_s3_bucket}), or the provider, module or
 *     variable name; empty for {@code terraform}
 * @param name the resource or data name; empty for the others
 */
public record Block(
    String kind, String type, String name, MapNode body, String file, int line, int endLine) {

  /** How a plan or an error message names the block, e.g. {@code aws_s3_bucket.logs}. */
  public String address() {
    return switch (kind) {
      case "resource" -> type + "." + name;
      case "data" -> "data." + type + "." + name;
      case "module", "provider", "variable" -> kind + "." + type;
      default -> kind;
    };
  }

  /**
   * The node at a dotted path, nested blocks read at their first instance: {@code
   * versioning.enabled} reads {@code versioning { enabled = ... }}.
   */
  public Optional<Node> get(String path) {
    Node node = body;
    for (String key : path.split("\\.")) {
      if (node instanceof dev.sremcp.domain.tree.ListNode list) {
        if (list.items().isEmpty()) {
          return Optional.empty();
        }
        node = list.items().getFirst();
      }
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

  /** The scalar at a path, when one is there and known (not an expression, not null). */
  public Optional<ScalarNode> known(String path) {
    return get(path)
        .flatMap(Node::asScalar)
        .filter(scalar -> !scalar.isExpression() && !scalar.isNull());
  }

  /** The text of a known scalar at a path. */
  public Optional<String> text(String path) {
    return known(path).map(ScalarNode::value);
  }

  /**
   * True when the path holds something, known or not: not null, and not an empty list (a plan
   * writes a nested block that is not there as {@code []}).
   */
  public boolean has(String path) {
    return get(path)
        .filter(node -> !(node instanceof ScalarNode scalar && scalar.isNull()))
        .filter(
            node ->
                !(node instanceof dev.sremcp.domain.tree.ListNode list && list.items().isEmpty()))
        .isPresent();
  }

  /** True when the path holds a known {@code true}. */
  public boolean isTrue(String path) {
    return known(path).flatMap(ScalarNode::asBoolean).orElse(false);
  }

  /** True when the path holds a known {@code false}. */
  public boolean isFalse(String path) {
    return known(path).flatMap(ScalarNode::asBoolean).map(value -> !value).orElse(false);
  }

  /** True when the path holds an expression Terraform only knows at apply time. */
  public boolean isUnknown(String path) {
    return get(path).flatMap(Node::asScalar).map(ScalarNode::isExpression).orElse(false);
  }

  /**
   * The line of the node at a path; when the path holds nothing, the line of its deepest part that
   * is there (the nested block an attribute is missing from), else the block's own line.
   */
  public int lineOf(String path) {
    String prefix = path;
    while (!prefix.isEmpty()) {
      Optional<Node> node = get(prefix);
      if (node.isPresent()) {
        return node.get().line();
      }
      int dot = prefix.lastIndexOf('.');
      prefix = dot < 0 ? "" : prefix.substring(0, dot);
    }
    return line;
  }

  /** The instances of a nested block (or items of a list attribute), empty when none. */
  public List<Node> all(String path) {
    return get(path)
        .map(
            node ->
                node instanceof dev.sremcp.domain.tree.ListNode list ? list.items() : List.of(node))
        .orElse(List.of());
  }

  /**
   * The scalar at a path as a reference: {@code each.value...} and {@code each.key} read as the
   * block's {@code for_each}, so {@code bucket = each.value.id} under {@code for_each =
   * aws_s3_bucket.this} refers to that bucket.
   */
  Optional<ScalarNode> reference(String path) {
    Optional<ScalarNode> value = get(path).flatMap(Node::asScalar);
    if (value.isPresent()
        && value.get().isExpression()
        && value.get().value().startsWith("each.")) {
      Optional<ScalarNode> forEach =
          get("for_each").flatMap(Node::asScalar).filter(ScalarNode::isExpression);
      if (forEach.isPresent()) {
        return forEach;
      }
    }
    return value;
  }

  /**
   * True when an attribute of this block refers to {@code target}: a reference such as {@code
   * aws_s3_bucket.logs.id}, or the literal value of the target's {@code nameAttribute}.
   */
  public boolean refersTo(String path, Block target, String nameAttribute) {
    Optional<ScalarNode> value = reference(path);
    if (value.isEmpty()) {
      return false;
    }
    String text = value.get().value();
    if (value.get().isExpression()) {
      String address = target.type() + "." + target.name();
      return text.contains(address + ".") || text.contains(address + "[") || text.equals(address);
    }
    return target.text(nameAttribute).map(text::equals).orElse(false) || text.equals(target.name());
  }
}
