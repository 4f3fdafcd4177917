package dev.sremcp.domain.kubernetes;

import static dev.sremcp.domain.kubernetes.KubernetesRules.CLUSTER_ADMIN;
import static dev.sremcp.domain.kubernetes.KubernetesRules.DUPLICATE_KEY;
import static dev.sremcp.domain.kubernetes.KubernetesRules.HPA_MIN_REPLICAS;
import static dev.sremcp.domain.kubernetes.KubernetesRules.INVALID_LABEL;
import static dev.sremcp.domain.kubernetes.KubernetesRules.INVALID_PORT;
import static dev.sremcp.domain.kubernetes.KubernetesRules.NODE_PORT;
import static dev.sremcp.domain.kubernetes.KubernetesRules.PDB_EVICTION_POLICY;
import static dev.sremcp.domain.kubernetes.KubernetesRules.PDB_MAX_UNAVAILABLE;
import static dev.sremcp.domain.kubernetes.KubernetesRules.PDB_MIN_AVAILABLE;
import static dev.sremcp.domain.kubernetes.KubernetesRules.PDB_NO_POLICY;
import static dev.sremcp.domain.kubernetes.KubernetesRules.PRIVILEGED;
import static dev.sremcp.domain.kubernetes.KubernetesRules.RBAC_WILDCARD;
import static dev.sremcp.domain.kubernetes.KubernetesRules.REMOVED_API;

import dev.sremcp.domain.review.Rule;
import dev.sremcp.domain.tree.ListNode;
import dev.sremcp.domain.tree.MapNode;
import dev.sremcp.domain.tree.Node;
import dev.sremcp.domain.tree.ScalarNode;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of one object on its own: its YAML, apiVersion and labels, and the fields of Services,
 * PodDisruptionBudgets, HorizontalPodAutoscalers, RBAC roles and bindings.
 */
final class ObjectChecks {

  private static final Pattern LABEL_NAME =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final List<List<String>> LABEL_PATHS =
      List.of(
          List.of("metadata", "labels"),
          List.of("spec", "template", "metadata", "labels"),
          List.of("spec", "jobTemplate", "metadata", "labels"),
          List.of("spec", "jobTemplate", "spec", "template", "metadata", "labels"),
          List.of("template", "metadata", "labels"));

  private final Manifest object;
  private final MapNode root;
  private final Findings findings;

  private ObjectChecks(Manifest object, Findings findings) {
    this.object = object;
    this.root = object.root();
    this.findings = findings;
  }

  static void check(Manifest object, Findings findings) {
    ObjectChecks checks = new ObjectChecks(object, findings);
    checks.duplicateKeys();
    checks.apiVersion();
    checks.labels();
    switch (object.kind()) {
      case "Service" -> checks.service();
      case "PodDisruptionBudget" -> checks.disruptionBudget();
      case "HorizontalPodAutoscaler" -> checks.autoscaler();
      case "Role", "ClusterRole" -> checks.role();
      case "RoleBinding", "ClusterRoleBinding" -> checks.binding();
      case "SecurityContextConstraints" -> checks.securityContextConstraints();
      default -> {}
    }
  }

  private void flag(Rule rule, int line, String message) {
    findings.add(rule, object, line, object.label() + ": " + message);
  }

  private int line(String... path) {
    return Nodes.keyLine(root, object.kindLine(), path);
  }

  private void duplicateKeys() {
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (!seen.add(node)) {
        continue;
      }
      if (node instanceof MapNode map) {
        Map<String, Integer> keys = new HashMap<>();
        for (MapNode.Entry entry : map.entries()) {
          Integer first = keys.putIfAbsent(entry.key().value(), entry.key().line());
          if (first != null) {
            flag(
                DUPLICATE_KEY,
                entry.key().line(),
                "the key "
                    + entry.key().value()
                    + " is written twice in one mapping (first at line "
                    + first
                    + "); only one value is kept");
          }
          pending.push(entry.value());
        }
      } else if (node instanceof ListNode list) {
        list.items().forEach(pending::push);
      }
    }
  }

  private void apiVersion() {
    ApiVersions.removal(object.apiVersion(), object.kind())
        .ifPresent(
            removal ->
                flag(
                    REMOVED_API,
                    line("apiVersion"),
                    object.apiVersion()
                        + " "
                        + object.kind()
                        + " is no longer served since Kubernetes "
                        + removal.release()
                        + (removal.replacement() == null
                            ? "; " + removal.note()
                            : "; use apiVersion: " + removal.replacement())));
  }

  private void labels() {
    for (List<String> path : LABEL_PATHS) {
      Optional<MapNode> labels = root.map(path.toArray(String[]::new));
      if (labels.isEmpty()) {
        continue;
      }
      for (MapNode.Entry label : labels.get().entries()) {
        String problem = labelProblem(label);
        if (problem != null) {
          flag(
              INVALID_LABEL,
              label.key().line(),
              "the label " + label.key().value() + " " + problem);
        }
      }
    }
  }

  private static String labelProblem(MapNode.Entry label) {
    String key = label.key().value();
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
        return "has a prefix that is not a DNS subdomain";
      }
    }
    if (name.isEmpty() || name.length() > 63 || !LABEL_NAME.matcher(name).matches()) {
      return "has a key name that is not 1 to 63 letters, digits, '-', '_' or '.', starting and"
          + " ending alphanumeric";
    }
    if (!(label.value() instanceof ScalarNode value)) {
      return "has a value that is not a string";
    }
    if (value.isNull()) {
      return null;
    }
    if (Nodes.bool(value).isPresent() || value.asNumber().isPresent()) {
      return "has the value "
          + value.value()
          + ", which YAML reads as a "
          + (Nodes.bool(value).isPresent() ? "boolean" : "number")
          + ": label values must be strings, so quote it";
    }
    String text = value.value();
    if (text.length() > 63) {
      return "has a value longer than 63 characters";
    }
    if (!text.isEmpty() && !LABEL_NAME.matcher(text).matches()) {
      return "has the value '"
          + text
          + "', which is not letters, digits, '-', '_' or '.',"
          + " starting and ending alphanumeric";
    }
    return null;
  }

  private void service() {
    for (MapNode port : Nodes.maps(root, "spec", "ports")) {
      Optional<BigDecimal> number = Nodes.number(port, "port");
      if (number.isPresent() && !validPort(number.get())) {
        flag(
            INVALID_PORT,
            Nodes.keyLine(port, port.line(), "port"),
            "port " + number.get() + " is not 1 to 65535");
      }
      Optional<ScalarNode> target =
          port.at("targetPort").flatMap(Node::asScalar).filter(s -> !s.isNull());
      if (target.isEmpty()) {
        continue;
      }
      int line = Nodes.keyLine(port, port.line(), "targetPort");
      Optional<BigDecimal> targetNumber = target.get().asNumber();
      if (targetNumber.isPresent()) {
        if (!validPort(targetNumber.get())) {
          flag(INVALID_PORT, line, "targetPort " + targetNumber.get() + " is not 1 to 65535");
        }
      } else if (!target.get().value().contains("{{")) {
        String problem = ContainerChecks.portNameProblem(target.get().value());
        if (problem != null) {
          flag(INVALID_PORT, line, "the targetPort name '" + target.get().value() + "' " + problem);
        }
      }
    }
    if (root.text("spec", "type").orElse("").equals("NodePort")) {
      flag(NODE_PORT, line("spec", "type"), "the Service is of type NodePort");
    }
  }

  private static boolean validPort(BigDecimal number) {
    return number.scale() <= 0
        && number.compareTo(BigDecimal.ONE) >= 0
        && number.compareTo(BigDecimal.valueOf(65535)) <= 0;
  }

  private void disruptionBudget() {
    Optional<ScalarNode> maxUnavailable = root.at("spec", "maxUnavailable").flatMap(Node::asScalar);
    Optional<ScalarNode> minAvailable = root.at("spec", "minAvailable").flatMap(Node::asScalar);
    if (maxUnavailable.isPresent() && isZero(maxUnavailable.get().value())) {
      flag(
          PDB_MAX_UNAVAILABLE,
          line("spec", "maxUnavailable"),
          "maxUnavailable is " + maxUnavailable.get().value() + ", so no pod may ever be evicted");
    }
    if (minAvailable.isPresent() && minAvailable.get().value().strip().equals("100%")) {
      flag(
          PDB_MIN_AVAILABLE,
          line("spec", "minAvailable"),
          "minAvailable is 100%, so no pod may ever be evicted");
    }
    if (maxUnavailable.isEmpty() && minAvailable.isEmpty()) {
      flag(PDB_NO_POLICY, object.kindLine(), "sets neither minAvailable nor maxUnavailable");
    }
    if (root.at("spec", "unhealthyPodEvictionPolicy").isEmpty()
        && !object.apiVersion().equals("policy/v1beta1")) {
      flag(PDB_EVICTION_POLICY, object.kindLine(), "sets no unhealthyPodEvictionPolicy");
    }
  }

  private static boolean isZero(String value) {
    String trimmed = value.strip();
    return trimmed.equals("0") || trimmed.equals("0%");
  }

  private void autoscaler() {
    if (root.at("spec", "minReplicas").isEmpty()) {
      flag(HPA_MIN_REPLICAS, object.kindLine(), "minReplicas is not set, so it is 1");
      return;
    }
    Nodes.number(root, "spec", "minReplicas")
        .filter(n -> n.compareTo(BigDecimal.valueOf(2)) < 0)
        .ifPresent(
            n ->
                flag(
                    HPA_MIN_REPLICAS,
                    line("spec", "minReplicas"),
                    "minReplicas is " + n.toPlainString()));
  }

  private void role() {
    for (MapNode rule : Nodes.maps(root, "rules")) {
      for (String field : List.of("resources", "verbs")) {
        for (ScalarNode item : Nodes.scalars(rule, field)) {
          if (item.value().equals("*")) {
            flag(RBAC_WILDCARD, item.line(), "a rule grants '*' in " + field);
          }
        }
      }
    }
  }

  private void binding() {
    if (root.text("roleRef", "kind").orElse("").equals("ClusterRole")
        && root.text("roleRef", "name").orElse("").equals("cluster-admin")) {
      flag(CLUSTER_ADMIN, line("roleRef", "name"), "binds cluster-admin to " + subjects(root));
    }
  }

  /** The subjects of a binding, as messages list them. */
  static String subjects(MapNode binding) {
    List<String> subjects =
        Nodes.maps(binding, "subjects").stream()
            .map(s -> s.text("kind").orElse("?") + " " + s.text("name").orElse("?"))
            .toList();
    return subjects.isEmpty() ? "no subjects" : String.join(", ", subjects);
  }

  private void securityContextConstraints() {
    if (Nodes.isTrue(root, "allowPrivilegedContainer")) {
      flag(
          PRIVILEGED,
          line("allowPrivilegedContainer"),
          "allowPrivilegedContainer is true: pods it admits may run privileged");
    }
  }
}
