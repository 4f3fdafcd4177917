package dev.sremcp.domain.kubernetes;

import static dev.sremcp.domain.kubernetes.KubernetesRules.CPU_LIMIT;
import static dev.sremcp.domain.kubernetes.KubernetesRules.CPU_REQUEST;
import static dev.sremcp.domain.kubernetes.KubernetesRules.DANGEROUS_CAPABILITY;
import static dev.sremcp.domain.kubernetes.KubernetesRules.DUPLICATE_ENV;
import static dev.sremcp.domain.kubernetes.KubernetesRules.EPHEMERAL_STORAGE;
import static dev.sremcp.domain.kubernetes.KubernetesRules.ESCALATION_NOT_DISABLED;
import static dev.sremcp.domain.kubernetes.KubernetesRules.HOST_PORT;
import static dev.sremcp.domain.kubernetes.KubernetesRules.IDENTICAL_PROBES;
import static dev.sremcp.domain.kubernetes.KubernetesRules.INVALID_PORT;
import static dev.sremcp.domain.kubernetes.KubernetesRules.LATEST_TAG;
import static dev.sremcp.domain.kubernetes.KubernetesRules.LIVENESS_PROBE;
import static dev.sremcp.domain.kubernetes.KubernetesRules.LOW_UID;
import static dev.sremcp.domain.kubernetes.KubernetesRules.MEMORY_LIMIT;
import static dev.sremcp.domain.kubernetes.KubernetesRules.MEMORY_REQUEST;
import static dev.sremcp.domain.kubernetes.KubernetesRules.MEMORY_REQUEST_BELOW_LIMIT;
import static dev.sremcp.domain.kubernetes.KubernetesRules.NET_RAW;
import static dev.sremcp.domain.kubernetes.KubernetesRules.PRIVILEGED;
import static dev.sremcp.domain.kubernetes.KubernetesRules.PRIVILEGED_PORT;
import static dev.sremcp.domain.kubernetes.KubernetesRules.PRIVILEGE_ESCALATION;
import static dev.sremcp.domain.kubernetes.KubernetesRules.PROBE_PORT;
import static dev.sremcp.domain.kubernetes.KubernetesRules.PROC_MOUNT;
import static dev.sremcp.domain.kubernetes.KubernetesRules.PULL_POLICY;
import static dev.sremcp.domain.kubernetes.KubernetesRules.READINESS_PROBE;
import static dev.sremcp.domain.kubernetes.KubernetesRules.REQUEST_ABOVE_LIMIT;
import static dev.sremcp.domain.kubernetes.KubernetesRules.RUN_AS_NON_ROOT_NOT_SET;
import static dev.sremcp.domain.kubernetes.KubernetesRules.RUN_AS_ROOT;
import static dev.sremcp.domain.kubernetes.KubernetesRules.SECCOMP;
import static dev.sremcp.domain.kubernetes.KubernetesRules.SECRET_AS_ENV;
import static dev.sremcp.domain.kubernetes.KubernetesRules.SECRET_IN_ENV;
import static dev.sremcp.domain.kubernetes.KubernetesRules.SSH_PORT;
import static dev.sremcp.domain.kubernetes.KubernetesRules.UNTAGGED_IMAGE;
import static dev.sremcp.domain.kubernetes.KubernetesRules.WRITABLE_ROOT;

import dev.sremcp.domain.review.Rule;
import dev.sremcp.domain.tree.MapNode;
import dev.sremcp.domain.tree.Node;
import dev.sremcp.domain.tree.ScalarNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The checks of each container of a workload: image, security context, resources, probes,
 * environment and ports. Security settings are read the way the kubelet reads them, the container's
 * over the pod's.
 */
final class ContainerChecks {

  private static final Set<String> DANGEROUS_CAPABILITIES =
      Set.of(
          "ALL",
          "SYS_ADMIN",
          "NET_ADMIN",
          "SYS_PTRACE",
          "SYS_MODULE",
          "SYS_RAWIO",
          "SYS_BOOT",
          "DAC_READ_SEARCH",
          "BPF",
          "PERFMON",
          "MAC_ADMIN",
          "MAC_OVERRIDE",
          "SYSLOG");
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(passw(or)?d|passwd|secret|token|api_?key|access_?key|private_?key|credential"
              + "|auth_?key|client_?key|signing_?key|encryption_?key|conn(ection)?_?str).*");
  private static final Pattern NOT_SECRET_NAME =
      Pattern.compile("(?i).*_(file|path|dir|name|url|endpoint|id|ref|ttl|length|enabled|type)$");
  private static final Pattern NOT_SECRET_VALUE =
      Pattern.compile(
          "(?i)(true|false|yes|no|on|off|enabled|disabled|none|\\d+[smhd]?|\\$\\(\\w+\\))");
  private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
  private static final List<String> PROBES =
      List.of("livenessProbe", "readinessProbe", "startupProbe");

  private final Workload workload;
  private final Manifest object;
  private final MapNode spec;
  private final Bundle bundle;
  private final Findings findings;
  private final Set<String> defaults;

  private ContainerChecks(Workload workload, Bundle bundle, Findings findings) {
    this.workload = workload;
    this.object = workload.manifest();
    this.spec = workload.spec();
    this.bundle = bundle;
    this.findings = findings;
    this.defaults = limitRangeDefaults();
  }

  static void check(Workload workload, Bundle bundle, Findings findings) {
    ContainerChecks checks = new ContainerChecks(workload, bundle, findings);
    Map<String, Integer> portNames = new HashMap<>();
    for (Workload.Container container : workload.containers()) {
      checks.image(container);
      checks.securityContext(container);
      checks.resources(container);
      checks.probes(container);
      checks.env(container);
      checks.ports(container, portNames);
    }
  }

  private void flag(Rule rule, Workload.Container container, int line, String message) {
    findings.add(rule, object, line, object.label() + ", " + container.label() + ": " + message);
  }

  private static int line(Workload.Container container, String... path) {
    return Nodes.keyLine(container.node(), container.line(), path);
  }

  // ---- Image -----------------------------------------------------------------------------

  private void image(Workload.Container container) {
    String image = container.node().text("image").orElse("").strip();
    if (image.isEmpty() || image.contains("{{") || image.contains("$")) {
      return;
    }
    int line = line(container, "image");
    boolean digest = image.contains("@");
    String tag = null;
    String name = digest ? image.substring(0, image.indexOf('@')) : image;
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/')) {
      tag = name.substring(colon + 1);
    }
    if (!digest) {
      if (tag == null) {
        flag(
            UNTAGGED_IMAGE,
            container,
            line,
            "the image " + image + " has no tag, so it means :latest");
      } else if (tag.equals("latest")) {
        flag(LATEST_TAG, container, line, "the image " + image + " is tagged latest");
      }
      boolean mutableDefault = tag == null || tag.equals("latest");
      Optional<String> policy = container.node().text("imagePullPolicy");
      String effective = policy.orElse(mutableDefault ? "Always" : "IfNotPresent");
      if (!effective.equals("Always")) {
        flag(
            PULL_POLICY,
            container,
            policy.isPresent() ? line(container, "imagePullPolicy") : line,
            "the image "
                + image
                + " is a tag, not a digest, and is pulled "
                + effective
                + (policy.isEmpty() ? " (the default for a tag other than latest)" : ""));
      }
    }
  }

  // ---- Security context ----------------------------------------------------------------------

  private void securityContext(Workload.Container container) {
    MapNode node = container.node();
    boolean privileged = Nodes.isTrue(node, "securityContext", "privileged");
    if (privileged) {
      flag(
          PRIVILEGED,
          container,
          line(container, "securityContext", "privileged"),
          "runs privileged");
    }
    Set<String> added = new HashSet<>();
    for (ScalarNode capability : Nodes.scalars(node, "securityContext", "capabilities", "add")) {
      String name = capability(capability.value());
      added.add(name);
      if (DANGEROUS_CAPABILITIES.contains(name)) {
        flag(DANGEROUS_CAPABILITY, container, capability.line(), "adds the capability " + name);
      }
      if (name.equals("NET_RAW") || name.equals("ALL")) {
        flag(
            NET_RAW,
            container,
            capability.line(),
            name.equals("ALL") ? "adds ALL capabilities, NET_RAW included" : "adds NET_RAW");
      }
    }
    Set<String> dropped = new HashSet<>();
    for (ScalarNode capability : Nodes.scalars(node, "securityContext", "capabilities", "drop")) {
      dropped.add(capability(capability.value()));
    }
    if (!dropped.contains("ALL") && !dropped.contains("NET_RAW") && !privileged) {
      int line =
          Nodes.keyLine(
              node,
              Nodes.keyLine(
                  node, line(container, "securityContext"), "securityContext", "capabilities"),
              "securityContext",
              "capabilities",
              "drop");
      flag(
          NET_RAW,
          container,
          line,
          dropped.isEmpty()
              ? "drops no capabilities, so it keeps NET_RAW"
              : "drops " + new TreeSet<>(dropped) + " but not NET_RAW or ALL");
    }
    Optional<Boolean> escalation = Nodes.bool(node, "securityContext", "allowPrivilegeEscalation");
    if (escalation.orElse(false)) {
      flag(
          PRIVILEGE_ESCALATION,
          container,
          line(container, "securityContext", "allowPrivilegeEscalation"),
          "sets allowPrivilegeEscalation: true");
    } else if (escalation.isEmpty() && !privileged && !added.contains("SYS_ADMIN")) {
      flag(
          ESCALATION_NOT_DISABLED,
          container,
          container.line(),
          "does not set allowPrivilegeEscalation: false");
    }
    user(container);
    Optional<Boolean> readOnly = Nodes.bool(node, "securityContext", "readOnlyRootFilesystem");
    if (readOnly.isPresent() && !readOnly.get()) {
      flag(
          WRITABLE_ROOT,
          container,
          line(container, "securityContext", "readOnlyRootFilesystem"),
          "sets readOnlyRootFilesystem: false");
    } else if (readOnly.isEmpty()) {
      flag(WRITABLE_ROOT, container, container.line(), "does not set readOnlyRootFilesystem: true");
    }
    if (node.text("securityContext", "procMount").orElse("").equals("Unmasked")) {
      flag(
          PROC_MOUNT,
          container,
          line(container, "securityContext", "procMount"),
          "sets procMount: Unmasked");
    }
    seccomp(container);
  }

  private static String capability(String name) {
    String upper = name.strip().toUpperCase(Locale.ROOT);
    return upper.startsWith("CAP_") ? upper.substring(4) : upper;
  }

  /** The entry of a security setting, the container's or else the pod's. */
  private Optional<MapNode.Entry> effective(Workload.Container container, String field) {
    return Nodes.entry(container.node(), "securityContext", field)
        .or(() -> Nodes.entry(spec, "securityContext", field));
  }

  private static Optional<BigDecimal> number(Optional<MapNode.Entry> entry) {
    return entry.flatMap(e -> e.value().asScalar()).flatMap(ScalarNode::asNumber);
  }

  private String where(Workload.Container container, MapNode.Entry entry) {
    return Nodes.entry(container.node(), "securityContext", entry.key().value())
            .filter(own -> own == entry)
            .isPresent()
        ? ""
        : " (set for the pod)";
  }

  private void user(Workload.Container container) {
    Optional<MapNode.Entry> user = effective(container, "runAsUser");
    Optional<MapNode.Entry> nonRoot = effective(container, "runAsNonRoot");
    Optional<BigDecimal> uid = number(user);
    boolean nonRootTrue =
        nonRoot.flatMap(e -> e.value().asScalar()).flatMap(Nodes::bool).orElse(false);
    if (uid.isPresent() && uid.get().signum() == 0) {
      flag(
          RUN_AS_ROOT,
          container,
          user.get().key().line(),
          "runs as uid 0 (root)"
              + where(container, user.get())
              + (nonRootTrue ? "; with runAsNonRoot: true the kubelet refuses to start it" : ""));
    } else if (uid.isEmpty() && !nonRootTrue && user.isEmpty()) {
      flag(
          RUN_AS_NON_ROOT_NOT_SET,
          container,
          nonRoot.map(e -> e.key().line()).orElse(container.line()),
          nonRoot.isPresent()
              ? "sets runAsNonRoot: false and no runAsUser, so it runs as the image's user"
              : "sets neither runAsNonRoot: true nor a runAsUser, so it may run as root");
    }
    for (String field : List.of("runAsUser", "runAsGroup")) {
      Optional<MapNode.Entry> entry = effective(container, field);
      Optional<BigDecimal> id = number(entry);
      if (id.isPresent()
          && id.get().signum() > 0
          && id.get().compareTo(BigDecimal.valueOf(10_000)) < 0) {
        flag(
            LOW_UID,
            container,
            entry.get().key().line(),
            field
                + " is "
                + id.get().toPlainString()
                + where(container, entry.get())
                + ", below 10000");
      }
    }
  }

  private void seccomp(Workload.Container container) {
    Optional<MapNode.Entry> type =
        Nodes.entry(container.node(), "securityContext", "seccompProfile", "type")
            .or(() -> Nodes.entry(spec, "securityContext", "seccompProfile", "type"));
    String value = type.flatMap(e -> e.value().asScalar()).map(ScalarNode::value).orElse("");
    if (type.isEmpty()) {
      flag(SECCOMP, container, container.line(), "no seccompProfile is set for it or the pod");
    } else if (value.equals("Unconfined")) {
      flag(SECCOMP, container, type.get().key().line(), "the seccompProfile is Unconfined");
    }
  }

  // ---- Resources -------------------------------------------------------------------------

  private Set<String> limitRangeDefaults() {
    Set<String> found = new HashSet<>();
    for (Manifest range : bundle.ofKind("LimitRange", object.namespace())) {
      for (MapNode limit : Nodes.maps(range.root(), "spec", "limits")) {
        if (!limit.text("type").orElse("Container").equals("Container")) {
          continue;
        }
        for (String kind : List.of("default", "defaultRequest")) {
          Nodes.strings(limit, kind).keySet().forEach(resource -> found.add(kind + "." + resource));
        }
      }
    }
    return found;
  }

  private Optional<MapNode.Entry> resource(Workload.Container container, String kind, String name) {
    return Nodes.entry(container.node(), "resources", kind, name);
  }

  /** True when the container sets the resource to a non-zero quantity. */
  private boolean sets(Workload.Container container, String kind, String name) {
    return resource(container, kind, name)
        .flatMap(e -> e.value().asScalar())
        .filter(s -> !s.isNull())
        .map(s -> Quantity.parse(s.value()).map(q -> q.signum() != 0).orElse(true))
        .orElse(false);
  }

  private void resources(Workload.Container container) {
    boolean cpuLimit = sets(container, "limits", "cpu") || defaults.contains("default.cpu");
    boolean cpuRequest =
        sets(container, "requests", "cpu") || cpuLimit || defaults.contains("defaultRequest.cpu");
    boolean memoryLimit =
        sets(container, "limits", "memory") || defaults.contains("default.memory");
    boolean memoryRequest =
        sets(container, "requests", "memory")
            || memoryLimit
            || defaults.contains("defaultRequest.memory");
    boolean storage =
        sets(container, "limits", "ephemeral-storage")
            || defaults.contains("default.ephemeral-storage");
    missing(container, CPU_REQUEST, cpuRequest, "requests", "cpu", "no CPU request");
    missing(container, MEMORY_LIMIT, memoryLimit, "limits", "memory", "no memory limit");
    missing(container, MEMORY_REQUEST, memoryRequest, "requests", "memory", "no memory request");
    missing(container, CPU_LIMIT, cpuLimit, "limits", "cpu", "no CPU limit");
    missing(
        container,
        EPHEMERAL_STORAGE,
        storage,
        "limits",
        "ephemeral-storage",
        "no ephemeral-storage limit");
    for (String name : List.of("cpu", "memory", "ephemeral-storage")) {
      Optional<MapNode.Entry> request = resource(container, "requests", name);
      Optional<BigDecimal> requested = quantity(request);
      Optional<BigDecimal> limited = quantity(resource(container, "limits", name));
      if (requested.isPresent()
          && limited.isPresent()
          && requested.get().compareTo(limited.get()) > 0) {
        flag(
            REQUEST_ABOVE_LIMIT,
            container,
            request.get().key().line(),
            "requests "
                + text(request)
                + " of "
                + name
                + ", more than its limit "
                + text(resource(container, "limits", name)));
      } else if (name.equals("memory")
          && requested.isPresent()
          && limited.isPresent()
          && requested.get().compareTo(limited.get()) < 0) {
        flag(
            MEMORY_REQUEST_BELOW_LIMIT,
            container,
            request.get().key().line(),
            "requests "
                + text(request)
                + " of memory, less than its limit "
                + text(resource(container, "limits", name)));
      }
    }
  }

  private void missing(
      Workload.Container container, Rule rule, boolean set, String kind, String name, String what) {
    if (set) {
      return;
    }
    Optional<MapNode.Entry> zero = resource(container, kind, name);
    if (zero.isPresent()) {
      flag(
          rule,
          container,
          zero.get().key().line(),
          "sets " + kind + "." + name + " to " + text(zero));
    } else {
      flag(rule, container, container.line(), "has " + what);
    }
  }

  private static Optional<BigDecimal> quantity(Optional<MapNode.Entry> entry) {
    return entry
        .flatMap(e -> e.value().asScalar())
        .filter(s -> !s.isNull())
        .flatMap(s -> Quantity.parse(s.value()));
  }

  private static String text(Optional<MapNode.Entry> entry) {
    return entry.flatMap(e -> e.value().asScalar()).map(ScalarNode::value).orElse("?");
  }

  // ---- Probes ----------------------------------------------------------------------------

  private void probes(Workload.Container container) {
    if (container.init()) {
      return;
    }
    MapNode node = container.node();
    for (String probe : PROBES) {
      node.map(probe).ifPresent(p -> probePort(container, probe, p));
    }
    if (!workload.longRunning()) {
      return;
    }
    Optional<Node> readiness = node.at("readinessProbe");
    Optional<Node> liveness = node.at("livenessProbe");
    if (readiness.isEmpty()) {
      flag(READINESS_PROBE, container, container.line(), "has no readinessProbe");
    }
    if (liveness.isEmpty()) {
      flag(LIVENESS_PROBE, container, container.line(), "has no livenessProbe");
    }
    if (readiness.isPresent()
        && liveness.isPresent()
        && Nodes.same(readiness.get(), liveness.get())) {
      flag(
          IDENTICAL_PROBES,
          container,
          line(container, "livenessProbe"),
          "its livenessProbe is the same as its readinessProbe");
    }
  }

  private void probePort(Workload.Container container, String probe, MapNode node) {
    List<MapNode> ports = Nodes.maps(container.node(), "ports");
    for (String handler : List.of("httpGet", "tcpSocket", "grpc")) {
      Optional<MapNode.Entry> entry = Nodes.entry(node, handler, "port");
      Optional<ScalarNode> port = entry.flatMap(e -> e.value().asScalar()).filter(s -> !s.isNull());
      if (port.isEmpty()) {
        continue;
      }
      int line = entry.get().key().line();
      String value = port.get().value();
      Optional<BigDecimal> number = port.get().asNumber();
      if (number.isPresent()) {
        boolean declared =
            ports.stream().anyMatch(p -> Nodes.number(p, "containerPort").equals(number));
        if (!ports.isEmpty() && !declared) {
          flag(
              PROBE_PORT,
              container,
              line,
              probe
                  + " probes port "
                  + value
                  + ", which the container does not declare (it declares "
                  + declaredPorts(ports)
                  + ")");
        }
      } else if (!value.contains("{{")) {
        boolean declared = ports.stream().anyMatch(p -> p.text("name").orElse("").equals(value));
        if (!declared) {
          flag(
              PROBE_PORT,
              container,
              line,
              probe
                  + " probes the port named "
                  + value
                  + ", which the container does not declare"
                  + (ports.isEmpty() ? "" : " (it declares " + declaredPorts(ports) + ")"));
        }
      }
    }
  }

  private static String declaredPorts(List<MapNode> ports) {
    List<String> declared = new ArrayList<>();
    for (MapNode port : ports) {
      declared.add(
          port.text("name").map(name -> name + "=").orElse("")
              + port.text("containerPort").orElse("?"));
    }
    return String.join(", ", declared);
  }

  // ---- Environment -----------------------------------------------------------------------

  private void env(Workload.Container container) {
    Map<String, Integer> seen = new HashMap<>();
    for (MapNode env : Nodes.maps(container.node(), "env")) {
      String name = env.text("name").orElse("");
      int line = Nodes.keyLine(env, env.line(), "name");
      Integer first = seen.putIfAbsent(name, line);
      if (first != null && !name.isEmpty()) {
        flag(
            DUPLICATE_ENV,
            container,
            line,
            "the env var " + name + " is set again (first at line " + first + ")");
      }
      Optional<String> value = env.text("value");
      if (value.isPresent()
          && !value.get().isBlank()
          && SECRET_NAME.matcher(name).matches()
          && !NOT_SECRET_NAME.matcher(name).matches()
          && !NOT_SECRET_VALUE.matcher(value.get().strip()).matches()) {
        flag(
            SECRET_IN_ENV,
            container,
            Nodes.keyLine(env, line, "value"),
            "the env var " + name + " holds a literal value in the manifest");
      }
      if (env.at("valueFrom", "secretKeyRef").isPresent()) {
        flag(
            SECRET_AS_ENV,
            container,
            Nodes.keyLine(env, line, "valueFrom", "secretKeyRef"),
            "the env var " + name + " reads a Secret");
      }
    }
  }

  // ---- Ports -----------------------------------------------------------------------------

  private void ports(Workload.Container container, Map<String, Integer> names) {
    for (MapNode port : Nodes.maps(container.node(), "ports")) {
      Optional<String> name = port.text("name");
      if (name.isPresent()) {
        int line = Nodes.keyLine(port, port.line(), "name");
        String problem = portNameProblem(name.get());
        if (problem != null) {
          flag(INVALID_PORT, container, line, "the port name '" + name.get() + "' " + problem);
        }
        Integer first = names.putIfAbsent(name.get(), line);
        if (first != null) {
          flag(
              INVALID_PORT,
              container,
              line,
              "the port name '"
                  + name.get()
                  + "' is used again in the pod (first at line "
                  + first
                  + ")");
        }
      }
      int portLine = Nodes.keyLine(port, port.line(), "containerPort");
      Optional<BigDecimal> number = Nodes.number(port, "containerPort");
      String protocol = port.text("protocol").orElse("TCP");
      if (number.isPresent()) {
        int value = number.get().min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue();
        if (value < 1 || value > 65535 || number.get().scale() > 0) {
          flag(
              INVALID_PORT,
              container,
              portLine,
              "containerPort " + number.get() + " is not 1 to 65535");
        } else if (value == 22 && protocol.equals("TCP")) {
          flag(SSH_PORT, container, portLine, "declares port 22 (SSH)");
        } else if (value < 1024) {
          flag(PRIVILEGED_PORT, container, portLine, "listens on port " + value + ", below 1024");
        }
      }
      Optional<BigDecimal> hostPort = Nodes.number(port, "hostPort");
      if (hostPort.isPresent() && hostPort.get().signum() > 0 && !workload.hostNetwork()) {
        flag(
            HOST_PORT,
            container,
            Nodes.keyLine(port, portLine, "hostPort"),
            "binds host port " + hostPort.get().toPlainString());
      }
    }
  }

  /** Why a port name is not an IANA service name, or {@code null} when it is one. */
  static String portNameProblem(String name) {
    if (name.length() > 15) {
      return "is longer than 15 characters";
    }
    if (!PORT_NAME.matcher(name).matches() || name.contains("--")) {
      return "may hold only lower-case letters, digits and single inner dashes";
    }
    if (name.chars().noneMatch(Character::isLetter)) {
      return "must contain a letter";
    }
    return null;
  }
}
