package dev.sremcp.domain.kubernetes;

import dev.sremcp.domain.tree.MapNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every object of one call, over all its files, with the look-ups the cross-object checks need. */
final class Bundle {

  private final List<Manifest> manifests;
  private final List<Workload> workloads = new ArrayList<>();
  private final Map<String, List<Manifest>> byKind = new HashMap<>();
  private final Map<String, List<Manifest>> byKindAndNamespace = new HashMap<>();
  private final Map<String, List<Workload>> byNamespace = new HashMap<>();
  private final Map<String, List<Workload>> byLabel = new HashMap<>();
  private final Map<String, Manifest> autoscalers = new HashMap<>();

  Bundle(List<Manifest> manifests) {
    this.manifests = List.copyOf(manifests);
    for (Manifest manifest : this.manifests) {
      byKind.computeIfAbsent(manifest.kind(), k -> new ArrayList<>()).add(manifest);
      byKindAndNamespace
          .computeIfAbsent(manifest.kind() + '\0' + manifest.namespace(), k -> new ArrayList<>())
          .add(manifest);
      if (manifest.is("HorizontalPodAutoscaler")) {
        MapNode target = manifest.root().map("spec", "scaleTargetRef").orElse(manifest.root());
        autoscalers.putIfAbsent(
            manifest.namespace()
                + '\0'
                + target.text("kind").orElse("")
                + '\0'
                + target.text("name").orElse(""),
            manifest);
      }
      Optional<Workload> workload = Workload.of(manifest).filter(w -> !manifest.is("PodTemplate"));
      if (workload.isPresent()) {
        Workload w = workload.get();
        workloads.add(w);
        byNamespace.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(w);
        w.labels()
            .forEach(
                (key, value) ->
                    byLabel
                        .computeIfAbsent(label(w.namespace(), key, value), k -> new ArrayList<>())
                        .add(w));
      }
    }
  }

  private static String label(String namespace, String key, String value) {
    return namespace + '\0' + key + '\0' + value;
  }

  List<Manifest> manifests() {
    return manifests;
  }

  /** The objects that run pods, PodTemplates left out. */
  List<Workload> workloads() {
    return workloads;
  }

  /** The workloads of one namespace. */
  List<Workload> workloads(String namespace) {
    return byNamespace.getOrDefault(namespace, List.of());
  }

  /** The workloads of a namespace whose pods the selector matches. */
  List<Workload> selected(String namespace, Selector selector) {
    return candidates(namespace, selector).stream()
        .filter(w -> selector.matches(w.labels()))
        .toList();
  }

  /** True when the selector matches the pods of some workload of the namespace. */
  boolean selectsAny(String namespace, Selector selector) {
    return candidates(namespace, selector).stream().anyMatch(w -> selector.matches(w.labels()));
  }

  /**
   * The workloads that may match: those carrying the selector's rarest matchLabels pair, or all of
   * the namespace when it has none.
   */
  private List<Workload> candidates(String namespace, Selector selector) {
    List<Workload> fewest = null;
    for (Map.Entry<String, String> pair : selector.matchLabels().entrySet()) {
      List<Workload> carrying =
          byLabel.getOrDefault(label(namespace, pair.getKey(), pair.getValue()), List.of());
      if (fewest == null || carrying.size() < fewest.size()) {
        fewest = carrying;
      }
    }
    return fewest == null ? workloads(namespace) : fewest;
  }

  /** The objects of a kind. */
  List<Manifest> ofKind(String kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  /** The objects of a kind in one namespace. */
  List<Manifest> ofKind(String kind, String namespace) {
    return byKindAndNamespace.getOrDefault(kind + '\0' + namespace, List.of());
  }

  boolean has(String kind) {
    return byKind.containsKey(kind);
  }

  /** The object of a kind with a name in a namespace. */
  Optional<Manifest> find(String kind, String namespace, String name) {
    return ofKind(kind, namespace).stream().filter(m -> m.name().equals(name)).findFirst();
  }

  /** The HorizontalPodAutoscaler that scales a workload, if the bundle has one. */
  Optional<Manifest> autoscaler(Workload workload) {
    Manifest target = workload.manifest();
    return Optional.ofNullable(
        autoscalers.get(target.namespace() + '\0' + target.kind() + '\0' + target.name()));
  }

  /**
   * How many replicas a replicated workload runs at least: its autoscaler's minReplicas (1 when
   * unset), else its spec.replicas (1 when unset); empty when the manifest does not say as a
   * number.
   */
  Optional<Integer> minimumReplicas(Workload workload) {
    Optional<Manifest> hpa = autoscaler(workload);
    if (hpa.isPresent()) {
      if (hpa.get().root().at("spec", "minReplicas").isPresent()) {
        return Nodes.number(hpa.get().root(), "spec", "minReplicas").map(Nodes::toInt);
      }
      return Optional.of(1);
    }
    if (workload.manifest().root().at("spec", "replicas").isPresent()) {
      return workload.declaredReplicas();
    }
    return Optional.of(1);
  }
}
