package dev.sremcp.domain.kubernetes;

import dev.sremcp.domain.review.Rule;
import dev.sremcp.domain.review.SourceFile;
import dev.sremcp.domain.tree.MapNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One Kubernetes object of the bundle: where it is written, what it is, and which checks its
 * annotations switch off.
 *
 * @param namespace the object's namespace, {@code default} when it names none
 * @param explicitNamespace true when the object names its namespace
 * @param ignored what its annotations ignore: our rule ids, {@code kube-linter:<check>}, {@code
 *     kube-score:<check>}, or {@code *} for everything
 */
record Manifest(
    SourceFile file,
    MapNode root,
    String apiVersion,
    String kind,
    String name,
    String namespace,
    boolean explicitNamespace,
    Set<String> ignored) {

  static final String DEFAULT_NAMESPACE = "default";
  private static final String KUBE_LINTER_CHECK = "ignore-check.kube-linter.io/";

  Manifest {
    ignored = Set.copyOf(ignored);
  }

  /** The object a map stands for, when it has an apiVersion and a kind. */
  static Optional<Manifest> of(SourceFile file, MapNode root) {
    Optional<String> apiVersion = root.text("apiVersion");
    Optional<String> kind = root.text("kind");
    if (apiVersion.isEmpty() || kind.isEmpty()) {
      return Optional.empty();
    }
    String name =
        root.text("metadata", "name")
            .or(() -> root.text("metadata", "generateName").map(prefix -> prefix + "*"))
            .orElse("(unnamed)");
    Optional<String> namespace = root.text("metadata", "namespace").filter(s -> !s.isBlank());
    return Optional.of(
        new Manifest(
            file,
            root,
            apiVersion.get(),
            kind.get(),
            name,
            namespace.orElse(DEFAULT_NAMESPACE),
            namespace.isPresent(),
            ignored(Nodes.strings(root, "metadata", "annotations"))));
  }

  private static Set<String> ignored(Map<String, String> annotations) {
    Set<String> ignored = new HashSet<>();
    annotations.forEach(
        (key, value) -> {
          if (key.startsWith(KUBE_LINTER_CHECK)) {
            ignored.add("kube-linter:" + key.substring(KUBE_LINTER_CHECK.length()));
          } else if (key.equals("kube-linter.io/ignore-all")) {
            ignored.add("*");
          } else if (key.equals("kube-score/ignore")) {
            for (String check : value.split(",")) {
              ignored.add("kube-score:" + check.strip());
            }
          } else if (key.equals("sre-mcp.dev/ignore")) {
            for (String id : value.split(",")) {
              ignored.add(id.strip());
            }
          }
        });
    return ignored;
  }

  /** True when the object's annotations switch the rule off. */
  boolean suppresses(Rule rule) {
    if (ignored.isEmpty()) {
      return false;
    }
    if (ignored.contains("*") || ignored.contains(rule.id())) {
      return true;
    }
    for (String peer : rule.peers()) {
      if (ignored.contains(peer)) {
        return true;
      }
    }
    return false;
  }

  /** The API group: empty for the core group. */
  String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** The object as messages name it, e.g. {@code Deployment web} or {@code Service shop/api}. */
  String label() {
    return kind + " " + (explicitNamespace ? namespace + "/" : "") + name;
  }

  /** The line of its {@code kind:} key, where findings about missing fields point. */
  int kindLine() {
    return Nodes.keyLine(root, root.line(), "kind");
  }

  /** The line of its {@code metadata.name:} key, or its kind's line. */
  int nameLine() {
    return Nodes.keyLine(root, kindLine(), "metadata", "name");
  }

  boolean is(String... kinds) {
    for (String candidate : kinds) {
      if (kind.equals(candidate)) {
        return true;
      }
    }
    return false;
  }
}
