package dev.sremcp.domain.kubernetes;

import static dev.sremcp.domain.kubernetes.KubernetesRules.DANGLING_NETWORK_POLICY;
import static dev.sremcp.domain.kubernetes.KubernetesRules.DANGLING_NETWORK_POLICY_PEER;
import static dev.sremcp.domain.kubernetes.KubernetesRules.DANGLING_SERVICE;
import static dev.sremcp.domain.kubernetes.KubernetesRules.DANGLING_SERVICE_MONITOR;
import static dev.sremcp.domain.kubernetes.KubernetesRules.DUPLICATE_OBJECT;
import static dev.sremcp.domain.kubernetes.KubernetesRules.HPA_TARGET;
import static dev.sremcp.domain.kubernetes.KubernetesRules.INGRESS_BACKEND;
import static dev.sremcp.domain.kubernetes.KubernetesRules.NETWORK_POLICY_MISSING;
import static dev.sremcp.domain.kubernetes.KubernetesRules.PDB_MIN_AVAILABLE;
import static dev.sremcp.domain.kubernetes.KubernetesRules.PDB_MISSING;
import static dev.sremcp.domain.kubernetes.KubernetesRules.PDB_SELECTS_NOTHING;
import static dev.sremcp.domain.kubernetes.KubernetesRules.RBAC_CREATE_PODS;
import static dev.sremcp.domain.kubernetes.KubernetesRules.RBAC_SECRETS;
import static dev.sremcp.domain.kubernetes.KubernetesRules.SERVICE_TARGET_PORT;

import dev.sremcp.domain.review.Rule;
import dev.sremcp.domain.tree.MapNode;
import dev.sremcp.domain.tree.Node;
import dev.sremcp.domain.tree.ScalarNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks that compare objects of the bundle with each other: Services and their pods, Ingress
 * backends, autoscaler targets, disruption budgets, network policies, ServiceMonitors, RBAC
 * bindings and the roles they grant, and objects defined twice. Objects meet within a namespace
 * ({@code default} when none is named) through their labels.
 */
final class BundleChecks {

  private static final Set<String> READ_VERBS = Set.of("get", "list", "watch", "*");
  private static final Set<String> POD_MAKERS =
      Set.of(
          "pods",
          "deployments",
          "replicasets",
          "statefulsets",
          "daemonsets",
          "jobs",
          "cronjobs",
          "replicationcontrollers",
          "*");

  private final java.util.Map<Node, Selector> selectors = new java.util.IdentityHashMap<>();
  private final Bundle bundle;
  private final Findings findings;
  private final boolean workloads;

  private BundleChecks(Bundle bundle, Findings findings) {
    this.bundle = bundle;
    this.findings = findings;
    this.workloads = !bundle.workloads().isEmpty();
  }

  static void check(Bundle bundle, Findings findings) {
    BundleChecks checks = new BundleChecks(bundle, findings);
    checks.duplicates();
    bundle.ofKind("Service").forEach(checks::service);
    bundle.ofKind("Ingress").forEach(checks::ingress);
    bundle.ofKind("HorizontalPodAutoscaler").forEach(checks::autoscaler);
    bundle.ofKind("PodDisruptionBudget").forEach(checks::disruptionBudget);
    bundle.ofKind("NetworkPolicy").forEach(checks::networkPolicy);
    bundle.ofKind("ServiceMonitor").forEach(checks::serviceMonitor);
    bundle.ofKind("RoleBinding").forEach(checks::binding);
    bundle.ofKind("ClusterRoleBinding").forEach(checks::binding);
    for (Workload workload : bundle.workloads()) {
      checks.isolation(workload);
      checks.budgeted(workload);
    }
  }

  private void flag(Rule rule, Manifest object, int line, String message) {
    findings.add(rule, object, line, object.label() + ": " + message);
  }

  private static int line(Manifest object, String... path) {
    return Nodes.keyLine(object.root(), object.kindLine(), path);
  }

  private void duplicates() {
    Map<String, Manifest> seen = new HashMap<>();
    for (Manifest object : bundle.manifests()) {
      String key =
          object.group() + '/' + object.kind() + '/' + object.namespace() + '/' + object.name();
      if (object.name().endsWith("*")) {
        continue;
      }
      Manifest first = seen.putIfAbsent(key, object);
      if (first != null) {
        flag(
            DUPLICATE_OBJECT,
            object,
            object.nameLine(),
            "is defined again (first in "
                + first.file().name()
                + " at line "
                + first.nameLine()
                + ")");
      }
    }
  }

  // ---- Services --------------------------------------------------------------------------

  private void service(Manifest service) {
    MapNode root = service.root();
    if (root.text("spec", "type").orElse("").equals("ExternalName") || !workloads) {
      return;
    }
    Optional<Node> selectorNode = root.at("spec", "selector");
    Selector selector = selectorNode.map(Selector::ofMap).orElse(null);
    if (selector == null || selector.isEmpty()) {
      boolean endpoints =
          bundle.find("Endpoints", service.namespace(), service.name()).isPresent()
              || bundle.ofKind("EndpointSlice", service.namespace()).stream()
                  .anyMatch(
                      slice ->
                          Nodes.strings(slice.root(), "metadata", "labels")
                              .getOrDefault("kubernetes.io/service-name", "")
                              .equals(service.name()));
      if (!endpoints) {
        flag(
            DANGLING_SERVICE,
            service,
            line(service, "spec", "selector"),
            "has no selector, and no Endpoints or EndpointSlice of the bundle serves it");
      }
      return;
    }
    List<Workload> selected = bundle.selected(service.namespace(), selector);
    if (selected.isEmpty()) {
      flag(
          DANGLING_SERVICE,
          service,
          line(service, "spec", "selector"),
          "the selector "
              + selector
              + " matches no pod template in namespace "
              + service.namespace());
      return;
    }
    for (MapNode port : Nodes.maps(root, "spec", "ports")) {
      targetPort(service, port, selected);
    }
  }

  private void targetPort(Manifest service, MapNode port, List<Workload> selected) {
    Optional<MapNode.Entry> target = port.entry("targetPort").or(() -> port.entry("port"));
    Optional<ScalarNode> value = target.flatMap(e -> e.value().asScalar()).filter(s -> !s.isNull());
    if (value.isEmpty() || value.get().value().contains("{{")) {
      return;
    }
    Optional<BigDecimal> number = value.get().asNumber();
    boolean allDeclare = true;
    for (Workload workload : selected) {
      boolean declares = false;
      for (Workload.Container container : workload.containers()) {
        for (MapNode declared : Nodes.maps(container.node(), "ports")) {
          declares = true;
          if (number.isPresent()
              ? Nodes.number(declared, "containerPort").equals(number)
              : declared.text("name").orElse("").equals(value.get().value())) {
            return;
          }
        }
      }
      allDeclare &= declares;
    }
    if (number.isPresent() && !allDeclare) {
      return;
    }
    String pods =
        String.join(", ", selected.stream().limit(5).map(w -> w.manifest().label()).toList())
            + (selected.size() > 5 ? " and " + (selected.size() - 5) + " more" : "");
    flag(
        SERVICE_TARGET_PORT,
        service,
        target.get().key().line(),
        (number.isPresent() ? "targetPort " : "the targetPort named ")
            + value.get().value()
            + " is declared by no container of "
            + pods);
  }

  // ---- Ingresses -------------------------------------------------------------------------

  private void ingress(Manifest ingress) {
    if (!bundle.has("Service")) {
      return;
    }
    MapNode root = ingress.root();
    List<MapNode> backends = new ArrayList<>();
    root.map("spec", "defaultBackend").ifPresent(backends::add);
    root.map("spec", "backend").ifPresent(backends::add);
    for (MapNode rule : Nodes.maps(root, "spec", "rules")) {
      for (MapNode path : Nodes.maps(rule, "http", "paths")) {
        path.map("backend").ifPresent(backends::add);
      }
    }
    for (MapNode backend : backends) {
      if (backend.map("service").isPresent()) {
        backend(
            ingress,
            backend.map("service").orElseThrow(),
            "name",
            Nodes.entry(backend, "service", "port", "number")
                .or(() -> Nodes.entry(backend, "service", "port", "name")));
      } else if (backend.at("serviceName").isPresent()) {
        backend(ingress, backend, "serviceName", backend.entry("servicePort"));
      }
    }
  }

  private void backend(
      Manifest ingress, MapNode backend, String nameField, Optional<MapNode.Entry> port) {
    Optional<String> name = backend.text(nameField);
    if (name.isEmpty() || name.get().contains("{{")) {
      return;
    }
    int nameLine = Nodes.keyLine(backend, backend.line(), nameField);
    Optional<Manifest> service = bundle.find("Service", ingress.namespace(), name.get());
    if (service.isEmpty()) {
      flag(
          INGRESS_BACKEND,
          ingress,
          nameLine,
          "the backend Service "
              + name.get()
              + " is not in the bundle (namespace "
              + ingress.namespace()
              + ")");
      return;
    }
    Optional<ScalarNode> wanted = port.flatMap(e -> e.value().asScalar()).filter(s -> !s.isNull());
    if (wanted.isEmpty()) {
      return;
    }
    Optional<BigDecimal> number = wanted.get().asNumber();
    List<String> offered = new ArrayList<>();
    for (MapNode servicePort : Nodes.maps(service.get().root(), "spec", "ports")) {
      Optional<String> portName = servicePort.text("name");
      Optional<BigDecimal> portNumber = Nodes.number(servicePort, "port");
      if (number.isPresent()
          ? portNumber.equals(number)
          : portName.equals(Optional.of(wanted.get().value()))) {
        return;
      }
      offered.add(portName.map(n -> n + "=").orElse("") + servicePort.text("port").orElse("?"));
    }
    flag(
        INGRESS_BACKEND,
        ingress,
        port.get().key().line(),
        "the backend port "
            + wanted.get().value()
            + " is not a port of Service "
            + name.get()
            + " (it has "
            + (offered.isEmpty() ? "none" : String.join(", ", offered))
            + ")");
  }

  // ---- Autoscalers and disruption budgets ------------------------------------------------------

  private void autoscaler(Manifest hpa) {
    if (!workloads) {
      return;
    }
    MapNode root = hpa.root();
    Optional<String> kind = root.text("spec", "scaleTargetRef", "kind");
    Optional<String> name = root.text("spec", "scaleTargetRef", "name");
    if (kind.isEmpty() || name.isEmpty() || name.get().contains("{{")) {
      return;
    }
    if (bundle.find(kind.get(), hpa.namespace(), name.get()).isEmpty()) {
      flag(
          HPA_TARGET,
          hpa,
          line(hpa, "spec", "scaleTargetRef", "name"),
          "scaleTargetRef names "
              + kind.get()
              + " "
              + name.get()
              + ", which is not in the bundle (namespace "
              + hpa.namespace()
              + ")");
    }
  }

  private void disruptionBudget(Manifest pdb) {
    if (!workloads) {
      return;
    }
    MapNode root = pdb.root();
    Optional<Node> selectorNode = root.at("spec", "selector");
    int selectorLine = line(pdb, "spec", "selector");
    if (selectorNode.isEmpty()) {
      flag(PDB_SELECTS_NOTHING, pdb, selectorLine, "has no selector, so it selects no pods");
      return;
    }
    Selector selector = selector(selectorNode.get());
    List<Workload> selected = bundle.selected(pdb.namespace(), selector);
    if (selected.isEmpty()) {
      flag(
          PDB_SELECTS_NOTHING,
          pdb,
          selectorLine,
          "the selector "
              + (selector.isEmpty() ? "{}" : selector.toString())
              + " matches no pod template in namespace "
              + pdb.namespace());
      return;
    }
    Optional<BigDecimal> minAvailable = Nodes.number(root, "spec", "minAvailable");
    if (minAvailable.isEmpty()) {
      return;
    }
    for (Workload workload : selected) {
      if (!workload.replicated()) {
        continue;
      }
      Optional<Integer> replicas = bundle.minimumReplicas(workload);
      if (replicas.isPresent()
          && minAvailable.get().compareTo(BigDecimal.valueOf(replicas.get())) >= 0) {
        flag(
            PDB_MIN_AVAILABLE,
            pdb,
            line(pdb, "spec", "minAvailable"),
            "minAvailable is "
                + minAvailable.get().toPlainString()
                + " and "
                + workload.manifest().label()
                + " runs "
                + (bundle.autoscaler(workload).isPresent() ? "as few as " : "")
                + replicas.get()
                + ", so none of its pods may be evicted");
      }
    }
  }

  private void budgeted(Workload workload) {
    Manifest object = workload.manifest();
    if (!object.is("Deployment", "StatefulSet") || bundle.minimumReplicas(workload).orElse(0) < 2) {
      return;
    }
    for (Manifest pdb : bundle.ofKind("PodDisruptionBudget", object.namespace())) {
      Optional<Node> selector = pdb.root().at("spec", "selector");
      if (selector.isPresent() && selector(selector.get()).matches(workload.labels())) {
        return;
      }
    }
    flag(PDB_MISSING, object, object.kindLine(), "no PodDisruptionBudget selects its pods");
  }

  // ---- Network policies and ServiceMonitors ------------------------------------------------

  private void isolation(Workload workload) {
    if (workload.hostNetwork()) {
      return;
    }
    Manifest object = workload.manifest();
    for (Manifest policy : bundle.ofKind("NetworkPolicy", object.namespace())) {
      Optional<Node> selector = policy.root().at("spec", "podSelector");
      if (selector.isPresent() && selector(selector.get()).matches(workload.labels())) {
        return;
      }
    }
    flag(
        NETWORK_POLICY_MISSING,
        object,
        object.kindLine(),
        "no NetworkPolicy of namespace "
            + object.namespace()
            + " selects its pods, so they accept traffic from any pod");
  }

  private void networkPolicy(Manifest policy) {
    if (!workloads) {
      return;
    }
    MapNode root = policy.root();
    Optional<Node> podSelector = root.at("spec", "podSelector");
    if (podSelector.isPresent()) {
      Selector selector = selector(podSelector.get());
      if (!selector.isEmpty() && !bundle.selectsAny(policy.namespace(), selector)) {
        flag(
            DANGLING_NETWORK_POLICY,
            policy,
            line(policy, "spec", "podSelector"),
            "the podSelector "
                + selector
                + " matches no pod template in namespace "
                + policy.namespace());
      }
    }
    for (String[] rules : new String[][] {{"ingress", "from"}, {"egress", "to"}}) {
      for (MapNode rule : Nodes.maps(root, "spec", rules[0])) {
        for (MapNode peer : Nodes.maps(rule, rules[1])) {
          Optional<Node> peerSelector = peer.at("podSelector");
          if (peerSelector.isEmpty() || peer.at("namespaceSelector").isPresent()) {
            continue;
          }
          Selector selector = selector(peerSelector.get());
          if (!selector.isEmpty() && !bundle.selectsAny(policy.namespace(), selector)) {
            flag(
                DANGLING_NETWORK_POLICY_PEER,
                policy,
                Nodes.keyLine(peer, peer.line(), "podSelector"),
                "the "
                    + rules[0]
                    + " peer podSelector "
                    + selector
                    + " matches no pod template in namespace "
                    + policy.namespace());
          }
        }
      }
    }
  }

  private void serviceMonitor(Manifest monitor) {
    if (!bundle.has("Service")) {
      return;
    }
    MapNode root = monitor.root();
    Optional<Node> selectorNode = root.at("spec", "selector");
    if (selectorNode.isEmpty()) {
      return;
    }
    Selector selector = selector(selectorNode.get());
    boolean any = Nodes.isTrue(root, "spec", "namespaceSelector", "any");
    List<String> namespaces =
        Nodes.scalars(root, "spec", "namespaceSelector", "matchNames").stream()
            .map(ScalarNode::value)
            .toList();
    for (Manifest service : bundle.ofKind("Service")) {
      boolean inScope =
          any
              || (namespaces.isEmpty()
                  ? service.namespace().equals(monitor.namespace())
                  : namespaces.contains(service.namespace()));
      if (inScope && selector.matches(Nodes.strings(service.root(), "metadata", "labels"))) {
        return;
      }
    }
    flag(
        DANGLING_SERVICE_MONITOR,
        monitor,
        line(monitor, "spec", "selector"),
        "the selector " + selector + " matches no Service's labels in the namespaces it watches");
  }

  // ---- RBAC ------------------------------------------------------------------------------

  private void binding(Manifest binding) {
    MapNode root = binding.root();
    String kind = root.text("roleRef", "kind").orElse("");
    String name = root.text("roleRef", "name").orElse("");
    Optional<Manifest> role =
        kind.equals("ClusterRole")
            ? bundle.ofKind("ClusterRole").stream().filter(r -> r.name().equals(name)).findFirst()
            : bundle.find("Role", binding.namespace(), name);
    if (role.isEmpty()) {
      return;
    }
    boolean secrets = false;
    boolean pods = false;
    for (MapNode rule : Nodes.maps(role.get().root(), "rules")) {
      List<String> resources =
          Nodes.scalars(rule, "resources").stream().map(ScalarNode::value).toList();
      List<String> verbs = Nodes.scalars(rule, "verbs").stream().map(ScalarNode::value).toList();
      List<String> groups =
          Nodes.scalars(rule, "apiGroups").stream().map(ScalarNode::value).toList();
      boolean core = groups.contains("") || groups.contains("*");
      if (core
          && (resources.contains("secrets") || resources.contains("*"))
          && verbs.stream().anyMatch(READ_VERBS::contains)) {
        secrets = true;
      }
      if ((resources.stream().anyMatch(POD_MAKERS::contains))
          && (verbs.contains("create") || verbs.contains("*"))) {
        pods = true;
      }
    }
    String grant = " to " + ObjectChecks.subjects(root) + " through " + kind + " " + name;
    int line = line(binding, "roleRef", "name");
    if (secrets && !name.equals("cluster-admin")) {
      flag(RBAC_SECRETS, binding, line, "grants reading Secrets" + grant);
    }
    if (pods && !name.equals("cluster-admin")) {
      flag(RBAC_CREATE_PODS, binding, line, "grants creating pods" + grant);
    }
  }

  /** The selector of a node, read once however many workloads it is matched against. */
  private Selector selector(Node node) {
    return selectors.computeIfAbsent(node, Selector::of);
  }
}
