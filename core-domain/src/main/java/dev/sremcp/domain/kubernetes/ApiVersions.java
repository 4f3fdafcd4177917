package dev.sremcp.domain.kubernetes;

import java.util.Map;
import java.util.Optional;

/** The API versions Kubernetes has stopped serving, each with its replacement. */
final class ApiVersions {

  /**
   * A removed API version.
   *
   * @param replacement the apiVersion to use instead, or {@code null} when the kind itself is gone
   * @param release the Kubernetes release that stopped serving it
   */
  record Removal(String replacement, String release, String note) {}

  /** Keyed by {@code apiVersion/kind}, or {@code apiVersion/*} for every kind of the version. */
  private static final Map<String, Removal> REMOVED =
      Map.ofEntries(
          removed("extensions/v1beta1/Deployment", "apps/v1", "1.16"),
          removed("extensions/v1beta1/DaemonSet", "apps/v1", "1.16"),
          removed("extensions/v1beta1/ReplicaSet", "apps/v1", "1.16"),
          removed("extensions/v1beta1/NetworkPolicy", "networking.k8s.io/v1", "1.16"),
          removed("extensions/v1beta1/Ingress", "networking.k8s.io/v1", "1.22"),
          gone("extensions/v1beta1/PodSecurityPolicy", "1.16"),
          removed("extensions/v1beta1/*", "apps/v1 or networking.k8s.io/v1", "1.22"),
          removed("apps/v1beta1/*", "apps/v1", "1.16"),
          removed("apps/v1beta2/*", "apps/v1", "1.16"),
          removed("networking.k8s.io/v1beta1/*", "networking.k8s.io/v1", "1.22"),
          removed("batch/v1beta1/*", "batch/v1", "1.25"),
          removed("batch/v2alpha1/*", "batch/v1", "1.21"),
          removed("policy/v1beta1/PodDisruptionBudget", "policy/v1", "1.25"),
          gone("policy/v1beta1/PodSecurityPolicy", "1.25"),
          removed("policy/v1beta1/*", "policy/v1", "1.25"),
          removed("autoscaling/v2beta1/*", "autoscaling/v2", "1.25"),
          removed("autoscaling/v2beta2/*", "autoscaling/v2", "1.26"),
          removed("rbac.authorization.k8s.io/v1beta1/*", "rbac.authorization.k8s.io/v1", "1.22"),
          removed("rbac.authorization.k8s.io/v1alpha1/*", "rbac.authorization.k8s.io/v1", "1.22"),
          removed(
              "admissionregistration.k8s.io/v1beta1/*", "admissionregistration.k8s.io/v1", "1.22"),
          removed("apiextensions.k8s.io/v1beta1/*", "apiextensions.k8s.io/v1", "1.22"),
          removed("apiregistration.k8s.io/v1beta1/*", "apiregistration.k8s.io/v1", "1.22"),
          removed("authentication.k8s.io/v1beta1/*", "authentication.k8s.io/v1", "1.22"),
          removed("authorization.k8s.io/v1beta1/*", "authorization.k8s.io/v1", "1.22"),
          removed("certificates.k8s.io/v1beta1/*", "certificates.k8s.io/v1", "1.22"),
          removed("coordination.k8s.io/v1beta1/*", "coordination.k8s.io/v1", "1.22"),
          removed("scheduling.k8s.io/v1beta1/*", "scheduling.k8s.io/v1", "1.22"),
          removed("scheduling.k8s.io/v1alpha1/*", "scheduling.k8s.io/v1", "1.17"),
          removed("storage.k8s.io/v1beta1/CSIStorageCapacity", "storage.k8s.io/v1", "1.27"),
          removed("storage.k8s.io/v1beta1/*", "storage.k8s.io/v1", "1.22"),
          removed("discovery.k8s.io/v1beta1/*", "discovery.k8s.io/v1", "1.25"),
          removed("events.k8s.io/v1beta1/*", "events.k8s.io/v1", "1.25"),
          removed("node.k8s.io/v1beta1/*", "node.k8s.io/v1", "1.25"),
          removed(
              "flowcontrol.apiserver.k8s.io/v1beta1/*", "flowcontrol.apiserver.k8s.io/v1", "1.26"),
          removed(
              "flowcontrol.apiserver.k8s.io/v1beta2/*", "flowcontrol.apiserver.k8s.io/v1", "1.29"),
          removed(
              "flowcontrol.apiserver.k8s.io/v1beta3/*", "flowcontrol.apiserver.k8s.io/v1", "1.32"));

  private ApiVersions() {}

  private static Map.Entry<String, Removal> removed(
      String key, String replacement, String release) {
    return Map.entry(key, new Removal(replacement, release, null));
  }

  private static Map.Entry<String, Removal> gone(String key, String release) {
    return Map.entry(
        key,
        new Removal(
            null,
            release,
            "PodSecurityPolicy itself was removed in 1.25: use Pod Security Admission (namespace"
                + " labels pod-security.kubernetes.io/enforce)"));
  }

  /** How an object's apiVersion was removed, when it was. */
  static Optional<Removal> removal(String apiVersion, String kind) {
    Removal exact = REMOVED.get(apiVersion + "/" + kind);
    return Optional.ofNullable(exact != null ? exact : REMOVED.get(apiVersion + "/*"));
  }
}
