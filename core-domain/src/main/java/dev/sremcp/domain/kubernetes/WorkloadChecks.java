package dev.sremcp.domain.kubernetes;

import static dev.sremcp.domain.kubernetes.KubernetesRules.CRONJOB_DEADLINE;
import static dev.sremcp.domain.kubernetes.KubernetesRules.DEFAULT_SERVICE_ACCOUNT;
import static dev.sremcp.domain.kubernetes.KubernetesRules.DEPRECATED_SERVICE_ACCOUNT;
import static dev.sremcp.domain.kubernetes.KubernetesRules.HOST_IPC;
import static dev.sremcp.domain.kubernetes.KubernetesRules.HOST_NETWORK;
import static dev.sremcp.domain.kubernetes.KubernetesRules.HOST_PID;
import static dev.sremcp.domain.kubernetes.KubernetesRules.JOB_RESTART_POLICY;
import static dev.sremcp.domain.kubernetes.KubernetesRules.JOB_TTL;
import static dev.sremcp.domain.kubernetes.KubernetesRules.NON_ROLLING_UPDATE;
import static dev.sremcp.domain.kubernetes.KubernetesRules.NO_ANTI_AFFINITY;
import static dev.sremcp.domain.kubernetes.KubernetesRules.REPLICAS_WITH_HPA;
import static dev.sremcp.domain.kubernetes.KubernetesRules.RUNTIME_SOCKET;
import static dev.sremcp.domain.kubernetes.KubernetesRules.SELECTOR_MISMATCH;
import static dev.sremcp.domain.kubernetes.KubernetesRules.SENSITIVE_MOUNT;
import static dev.sremcp.domain.kubernetes.KubernetesRules.SERVICE_ACCOUNT_MISSING;
import static dev.sremcp.domain.kubernetes.KubernetesRules.SINGLE_REPLICA;
import static dev.sremcp.domain.kubernetes.KubernetesRules.STATEFULSET_SERVICE;
import static dev.sremcp.domain.kubernetes.KubernetesRules.TOPOLOGY_SPREAD;
import static dev.sremcp.domain.kubernetes.KubernetesRules.TWO_REPLICAS;
import static dev.sremcp.domain.kubernetes.KubernetesRules.UNSAFE_SYSCTL;
import static dev.sremcp.domain.kubernetes.KubernetesRules.WRITABLE_HOST_MOUNT;

import dev.sremcp.domain.review.Rule;
import dev.sremcp.domain.tree.MapNode;
import dev.sremcp.domain.tree.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The checks of one workload's pod spec and of the workload around it: host namespaces, sysctls,
 * service accounts, host paths, selectors, replicas and spreading, update strategy, Jobs. Each
 * container is checked by {@link ContainerChecks}.
 */
final class WorkloadChecks {

  /** Kubernetes' safe sysctls: namespaced, and allowed without kubelet configuration. */
  private static final Set<String> SAFE_SYSCTLS =
      Set.of(
          "kernel.shm_rmid_forced",
          "net.ipv4.ip_local_port_range",
          "net.ipv4.ip_local_reserved_ports",
          "net.ipv4.tcp_syncookies",
          "net.ipv4.ping_group_range",
          "net.ipv4.ip_unprivileged_port_start",
          "net.ipv4.tcp_keepalive_time",
          "net.ipv4.tcp_fin_timeout",
          "net.ipv4.tcp_keepalive_intvl",
          "net.ipv4.tcp_keepalive_probes",
          "net.ipv4.tcp_rmem",
          "net.ipv4.tcp_wmem");

  /** Host paths whose mount is reported, with everything below them. */
  private static final List<String> SENSITIVE_TREES =
      List.of(
          "/proc",
          "/sys",
          "/dev",
          "/boot",
          "/root",
          "/etc/kubernetes",
          "/etc/ssh",
          "/etc/shadow",
          "/etc/sudoers",
          "/var/lib/kubelet",
          "/var/lib/etcd",
          "/var/lib/docker",
          "/var/lib/containerd",
          "/var/run/secrets",
          "/run/secrets");

  /** Host paths whose mount is reported, though not everything below them. */
  private static final Set<String> SENSITIVE_DIRECTORIES =
      Set.of(
          "/",
          "/etc",
          "/lib",
          "/lib64",
          "/usr",
          "/bin",
          "/sbin",
          "/home",
          "/var",
          "/var/lib",
          "/var/run",
          "/run");

  private static final String HOSTNAME = "kubernetes.io/hostname";

  private final Workload workload;
  private final Manifest object;
  private final MapNode spec;
  private final Bundle bundle;
  private final Findings findings;

  private WorkloadChecks(Workload workload, Bundle bundle, Findings findings) {
    this.workload = workload;
    this.object = workload.manifest();
    this.spec = workload.spec();
    this.bundle = bundle;
    this.findings = findings;
  }

  static void check(Workload workload, Bundle bundle, Findings findings) {
    new WorkloadChecks(workload, bundle, findings).run();
  }

  private void run() {
    hostNamespaces();
    sysctls();
    serviceAccount();
    hostPaths();
    selector();
    replicas();
    antiAffinity();
    topologySpread();
    strategy();
    jobs();
    statefulSetService();
    ContainerChecks.check(workload, bundle, findings);
    ReferenceChecks.check(workload, bundle, findings);
  }

  private void flag(Rule rule, int line, String message) {
    findings.add(rule, object, line, object.label() + ": " + message);
  }

  private int line(String... path) {
    return Nodes.keyLine(spec, object.kindLine(), path);
  }

  private void hostNamespaces() {
    Map<String, Rule> fields =
        Map.of("hostNetwork", HOST_NETWORK, "hostPID", HOST_PID, "hostIPC", HOST_IPC);
    for (String field : List.of("hostNetwork", "hostPID", "hostIPC")) {
      if (Nodes.isTrue(spec, field)) {
        flag(fields.get(field), line(field), "the pod sets " + field + ": true");
      }
    }
  }

  private void sysctls() {
    for (MapNode sysctl : Nodes.maps(spec, "securityContext", "sysctls")) {
      String name = sysctl.text("name").orElse("");
      if (!name.isEmpty() && !SAFE_SYSCTLS.contains(name.replace('/', '.'))) {
        flag(
            UNSAFE_SYSCTL,
            Nodes.keyLine(sysctl, sysctl.line(), "name"),
            "the sysctl " + name + " is not in Kubernetes' safe set");
      }
    }
  }

  private void serviceAccount() {
    Optional<String> legacy = spec.text("serviceAccount");
    Optional<String> current = spec.text("serviceAccountName");
    if (legacy.isPresent() && !legacy.equals(current)) {
      flag(
          DEPRECATED_SERVICE_ACCOUNT,
          line("serviceAccount"),
          "spec.serviceAccount is deprecated"
              + current.map(name -> ", and differs from serviceAccountName " + name).orElse(""));
    }
    String account = current.or(() -> legacy).orElse("");
    if (account.isEmpty() || account.equals("default")) {
      boolean automount =
          Nodes.bool(spec, "automountServiceAccountToken")
              .or(
                  () ->
                      bundle
                          .find("ServiceAccount", object.namespace(), "default")
                          .flatMap(sa -> Nodes.bool(sa.root(), "automountServiceAccountToken")))
              .orElse(true);
      if (automount) {
        flag(
            DEFAULT_SERVICE_ACCOUNT,
            account.isEmpty() ? object.kindLine() : line("serviceAccountName"),
            "the pods run as the namespace's default service account, with its token mounted");
      }
    } else if (bundle.has("ServiceAccount")
        && bundle.find("ServiceAccount", object.namespace(), account).isEmpty()) {
      flag(
          SERVICE_ACCOUNT_MISSING,
          current.isPresent() ? line("serviceAccountName") : line("serviceAccount"),
          "the ServiceAccount "
              + account
              + " is not in the bundle (namespace "
              + object.namespace()
              + ")");
    }
  }

  private void hostPaths() {
    Map<String, MapNode> volumes = new LinkedHashMap<>();
    for (MapNode volume : Nodes.maps(spec, "volumes")) {
      if (volume.map("hostPath").isPresent()) {
        volumes.put(volume.text("name").orElse(""), volume);
      }
    }
    if (volumes.isEmpty()) {
      return;
    }
    Map<String, List<String>> mountedBy = new LinkedHashMap<>();
    for (Workload.Container container : workload.containers()) {
      for (MapNode mount : Nodes.maps(container.node(), "volumeMounts")) {
        String name = mount.text("name").orElse("");
        MapNode volume = volumes.get(name);
        if (volume == null) {
          continue;
        }
        mountedBy.computeIfAbsent(name, k -> new ArrayList<>()).add(container.name());
        if (!Nodes.isTrue(mount, "readOnly")) {
          flag(
              WRITABLE_HOST_MOUNT,
              Nodes.keyLine(mount, mount.line(), "name"),
              container.label()
                  + " mounts the host path "
                  + volume.text("hostPath", "path").orElse("?")
                  + " at "
                  + mount.text("mountPath").orElse("?")
                  + " without readOnly: true");
        }
      }
    }
    mountedBy.forEach(
        (name, containers) -> {
          MapNode volume = volumes.get(name);
          String path = normalize(volume.text("hostPath", "path").orElse(""));
          int line = Nodes.keyLine(volume, volume.line(), "hostPath", "path");
          String mounted = "the volume " + name + " mounts the host's " + path;
          String by = " into " + String.join(", ", containers);
          if (runtimeSocket(path)) {
            flag(RUNTIME_SOCKET, line, mounted + by + ": the container runtime's socket");
          } else if (sensitive(path)) {
            flag(SENSITIVE_MOUNT, line, mounted + by);
          }
        });
  }

  private static String normalize(String path) {
    String normalized = path.strip().replaceAll("/+", "/");
    return normalized.length() > 1 && normalized.endsWith("/")
        ? normalized.substring(0, normalized.length() - 1)
        : normalized;
  }

  private static boolean runtimeSocket(String path) {
    return path.endsWith("docker.sock")
        || path.endsWith("containerd.sock")
        || path.endsWith("crio.sock")
        || path.endsWith("cri-dockerd.sock")
        || path.endsWith("podman.sock")
        || path.equals("/var/run/docker")
        || path.equals("/run/containerd")
        || path.equals("/var/run/containerd")
        || path.equals("/var/run/crio");
  }

  private static boolean sensitive(String path) {
    if (SENSITIVE_DIRECTORIES.contains(path)) {
      return true;
    }
    for (String tree : SENSITIVE_TREES) {
      if (path.equals(tree) || path.startsWith(tree + "/")) {
        return true;
      }
    }
    return false;
  }

  private void selector() {
    MapNode root = object.root();
    int line = Nodes.keyLine(root, object.kindLine(), "spec", "selector");
    Optional<Node> node = root.at("spec", "selector");
    String labels =
        workload.labels().isEmpty() ? "none" : new TreeMap<>(workload.labels()).toString();
    if (object.is("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Rollout")) {
      if (node.isEmpty() || node.get().asScalar().isPresent()) {
        if (object.apiVersion().startsWith("apps/")) {
          flag(
              SELECTOR_MISMATCH,
              line,
              "there is no spec.selector, which " + object.apiVersion() + " requires");
        }
        return;
      }
      Selector selector = Selector.of(node.get());
      if (selector.isEmpty()) {
        flag(SELECTOR_MISMATCH, line, "spec.selector is empty, which the API server rejects");
      } else if (!selector.matches(workload.labels())) {
        flag(
            SELECTOR_MISMATCH,
            line,
            "spec.selector (" + selector + ") does not match the pod template's labels " + labels);
      }
    } else if (object.is("ReplicationController", "DeploymentConfig") && node.isPresent()) {
      Selector selector = Selector.ofMap(node.get());
      if (!selector.isEmpty() && !selector.matches(workload.labels())) {
        flag(
            SELECTOR_MISMATCH,
            line,
            "spec.selector (" + selector + ") does not match the pod template's labels " + labels);
      }
    } else if (object.is("Job")
        && node.isPresent()
        && Nodes.isTrue(root, "spec", "manualSelector")) {
      Selector selector = Selector.of(node.get());
      if (!selector.matches(workload.labels())) {
        flag(
            SELECTOR_MISMATCH,
            line,
            "spec.selector (" + selector + ") does not match the pod template's labels " + labels);
      }
    }
  }

  private void replicas() {
    if (!workload.replicated()) {
      return;
    }
    boolean declared = object.root().at("spec", "replicas").isPresent();
    Optional<Manifest> hpa = bundle.autoscaler(workload);
    if (hpa.isPresent()) {
      if (declared) {
        flag(
            REPLICAS_WITH_HPA,
            workload.replicasLine(),
            "spec.replicas is set though HorizontalPodAutoscaler "
                + hpa.get().name()
                + " scales it");
      }
      return;
    }
    Optional<Integer> replicas = declared ? workload.declaredReplicas() : Optional.of(1);
    if (replicas.isEmpty()) {
      return;
    }
    if (replicas.get() == 1) {
      flag(
          SINGLE_REPLICA,
          workload.replicasLine(),
          declared ? "runs 1 replica" : "runs 1 replica (spec.replicas is not set)");
    } else if (replicas.get() == 2) {
      flag(TWO_REPLICAS, workload.replicasLine(), "runs 2 replicas");
    }
  }

  private void antiAffinity() {
    if (!workload.replicated() || object.is("DeploymentConfig")) {
      return;
    }
    int replicas = bundle.minimumReplicas(workload).orElse(0);
    if (replicas < 2) {
      return;
    }
    List<MapNode> terms =
        new ArrayList<>(
            Nodes.maps(
                spec,
                "affinity",
                "podAntiAffinity",
                "requiredDuringSchedulingIgnoredDuringExecution"));
    for (MapNode preferred :
        Nodes.maps(
            spec,
            "affinity",
            "podAntiAffinity",
            "preferredDuringSchedulingIgnoredDuringExecution")) {
      preferred.map("podAffinityTerm").ifPresent(terms::add);
    }
    terms.addAll(Nodes.maps(spec, "topologySpreadConstraints"));
    for (MapNode term : terms) {
      if (term.text("topologyKey").orElse("").equals(HOSTNAME)
          && Selector.at(term, "labelSelector")
              .map(s -> s.matches(workload.labels()))
              .orElse(false)) {
        return;
      }
    }
    boolean anti = spec.at("affinity", "podAntiAffinity").isPresent();
    flag(
        NO_ANTI_AFFINITY,
        anti ? line("affinity", "podAntiAffinity") : object.kindLine(),
        (bundle.autoscaler(workload).isPresent() ? "runs at least " : "runs ")
            + replicas
            + " replicas, but "
            + (anti
                ? "no podAntiAffinity term both selects its pods' labels and uses topologyKey "
                    + HOSTNAME
                : "no pod anti-affinity or topology spread on " + HOSTNAME + " keeps them apart")
            + ": one node's failure may take them all");
  }

  private void topologySpread() {
    for (MapNode constraint : Nodes.maps(spec, "topologySpreadConstraints")) {
      Optional<Selector> selector = Selector.at(constraint, "labelSelector");
      if (selector.isEmpty() || !selector.get().matches(workload.labels())) {
        flag(
            TOPOLOGY_SPREAD,
            Nodes.keyLine(
                constraint,
                Nodes.keyLine(constraint, constraint.line(), "topologyKey"),
                "labelSelector"),
            selector.isEmpty()
                ? "a topologySpreadConstraint has no labelSelector, so it counts no pods"
                : "a topologySpreadConstraint's labelSelector ("
                    + selector.get()
                    + ") does not match the pods' own labels");
      }
    }
  }

  private void strategy() {
    MapNode root = object.root();
    if (object.is("Deployment")) {
      if (root.text("spec", "strategy", "type").orElse("").equals("Recreate")) {
        flag(
            NON_ROLLING_UPDATE,
            Nodes.keyLine(root, object.kindLine(), "spec", "strategy", "type"),
            "the update strategy is Recreate: every pod stops before the new ones start");
      }
    } else if (object.is("StatefulSet", "DaemonSet")) {
      if (root.text("spec", "updateStrategy", "type").orElse("").equals("OnDelete")) {
        flag(
            NON_ROLLING_UPDATE,
            Nodes.keyLine(root, object.kindLine(), "spec", "updateStrategy", "type"),
            "the update strategy is OnDelete: pods are updated only when deleted by hand");
      }
    }
  }

  private void jobs() {
    if (!object.is("Job", "CronJob")) {
      return;
    }
    Optional<String> policy = spec.text("restartPolicy");
    if (policy.isEmpty()) {
      flag(
          JOB_RESTART_POLICY,
          object.kindLine(),
          "the pod template sets no restartPolicy, and the default Always is rejected for Jobs");
    } else if (policy.get().equals("Always")) {
      flag(
          JOB_RESTART_POLICY,
          line("restartPolicy"),
          "restartPolicy is Always, which the API server rejects for Jobs");
    }
    MapNode root = object.root();
    if (object.is("Job")) {
      if (root.at("spec", "ttlSecondsAfterFinished").isEmpty()
          && root.at("metadata", "ownerReferences").isEmpty()) {
        flag(
            JOB_TTL,
            object.kindLine(),
            "the Job sets no ttlSecondsAfterFinished, so it and its pods stay after it finishes");
      }
      return;
    }
    if (root.at("spec", "jobTemplate", "spec", "ttlSecondsAfterFinished").isPresent()) {
      flag(
          JOB_TTL,
          Nodes.keyLine(
              root, object.kindLine(), "spec", "jobTemplate", "spec", "ttlSecondsAfterFinished"),
          "the jobTemplate sets ttlSecondsAfterFinished, which fights the CronJob's history"
              + " limits");
    }
    if (root.at("spec", "startingDeadlineSeconds").isEmpty()) {
      flag(CRONJOB_DEADLINE, object.kindLine(), "the CronJob sets no startingDeadlineSeconds");
    }
  }

  private void statefulSetService() {
    if (!object.is("StatefulSet")) {
      return;
    }
    MapNode root = object.root();
    Optional<String> name = root.text("spec", "serviceName").filter(s -> !s.isBlank());
    if (name.isEmpty()) {
      flag(STATEFULSET_SERVICE, object.kindLine(), "there is no spec.serviceName");
      return;
    }
    int line = Nodes.keyLine(root, object.kindLine(), "spec", "serviceName");
    Optional<Manifest> service = bundle.find("Service", object.namespace(), name.get());
    if (service.isEmpty()) {
      if (bundle.has("Service")) {
        flag(
            STATEFULSET_SERVICE,
            line,
            "serviceName names the Service " + name.get() + ", which the bundle does not define");
      }
    } else if (!service.get().root().text("spec", "clusterIP").orElse("").equals("None")) {
      flag(
          STATEFULSET_SERVICE,
          line,
          "serviceName names the Service "
              + name.get()
              + ", which is not headless (clusterIP: None)");
    }
  }
}
