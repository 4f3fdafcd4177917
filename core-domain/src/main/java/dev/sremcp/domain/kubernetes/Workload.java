package dev.sremcp.domain.kubernetes;

import dev.sremcp.domain.tree.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An object that runs pods, and the pod template it runs them from: a Pod itself, the template of a
 * Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, OpenShift
 * DeploymentConfig or Argo Rollout, or a CronJob's job template.
 *
 * @param spec the pod spec
 * @param labels the pods' labels
 */
record Workload(Manifest manifest, MapNode spec, Map<String, String> labels) {

  /** Kinds whose replica count is {@code spec.replicas}. */
  private static final List<String> REPLICATED =
      List.of(
          "Deployment",
          "StatefulSet",
          "ReplicaSet",
          "ReplicationController",
          "DeploymentConfig",
          "Rollout");

  Workload {
    labels = Map.copyOf(labels);
  }

  /**
   * One container of the pod.
   *
   * @param init true for an init container
   */
  record Container(MapNode node, String name, boolean init) {

    /** The line of its {@code name:} key, where findings about missing fields point. */
    int line() {
      return Nodes.keyLine(node, node.line(), "name");
    }

    /** The container as messages name it. */
    String label() {
      return (init ? "init container " : "container ") + name;
    }
  }

  /** The workload an object is, when it runs pods. */
  static Optional<Workload> of(Manifest manifest) {
    MapNode root = manifest.root();
    Optional<MapNode> template =
        switch (manifest.kind()) {
          case "Pod" -> Optional.of(root);
          case "Deployment",
              "StatefulSet",
              "DaemonSet",
              "ReplicaSet",
              "ReplicationController",
              "Job",
              "DeploymentConfig",
              "Rollout" ->
              root.map("spec", "template");
          case "CronJob" -> root.map("spec", "jobTemplate", "spec", "template");
          case "PodTemplate" -> root.map("template");
          default -> Optional.empty();
        };
    return template.flatMap(
        t ->
            t.map("spec")
                .map(spec -> new Workload(manifest, spec, Nodes.strings(t, "metadata", "labels"))));
  }

  /** Its init containers, then its containers. */
  List<Container> containers() {
    List<Container> containers = new ArrayList<>();
    for (MapNode node : Nodes.maps(spec, "initContainers")) {
      containers.add(new Container(node, node.text("name").orElse("(unnamed)"), true));
    }
    for (MapNode node : Nodes.maps(spec, "containers")) {
      containers.add(new Container(node, node.text("name").orElse("(unnamed)"), false));
    }
    return containers;
  }

  /** True for workloads whose pods are meant to keep running (not Jobs, not run-once Pods). */
  boolean longRunning() {
    if (manifest.is("Job", "CronJob", "PodTemplate")) {
      return false;
    }
    if (manifest.is("Pod")) {
      return spec.text("restartPolicy").map(policy -> policy.equals("Always")).orElse(true);
    }
    return true;
  }

  /** True for the kinds whose size is {@code spec.replicas}. */
  boolean replicated() {
    return REPLICATED.contains(manifest.kind());
  }

  /** The replica count the manifest sets: empty when it sets none or not as a number. */
  Optional<Integer> declaredReplicas() {
    return Nodes.number(manifest.root(), "spec", "replicas").map(Nodes::toInt);
  }

  /** The {@code spec.replicas} entry's line, or the kind's line. */
  int replicasLine() {
    return Nodes.keyLine(manifest.root(), manifest.kindLine(), "spec", "replicas");
  }

  String namespace() {
    return manifest.namespace();
  }

  /** True when the pod runs in the host's network namespace. */
  boolean hostNetwork() {
    return Nodes.isTrue(spec, "hostNetwork");
  }
}
