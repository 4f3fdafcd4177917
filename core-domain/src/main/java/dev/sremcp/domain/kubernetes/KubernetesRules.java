package dev.sremcp.domain.kubernetes;

import static dev.sremcp.domain.report.Severity.CRITICAL;
import static dev.sremcp.domain.report.Severity.HIGH;
import static dev.sremcp.domain.report.Severity.INFO;
import static dev.sremcp.domain.report.Severity.LOW;
import static dev.sremcp.domain.report.Severity.MEDIUM;

import dev.sremcp.domain.review.Rule;
import java.util.List;

/**
 * The rules of {@code review_kubernetes}, with the kube-linter and kube-score checks each covers.
 *
 * <p>Checks that compare objects with each other (a Service's selector, an Ingress backend, an
 * HPA's target, a referenced ConfigMap) see only the bundle the call sends. Where the other object
 * is often managed elsewhere, the rule reports only when the bundle defines at least one object of
 * the kind looked for, so that a bundle that leaves that kind out is not flooded; each rule's
 * rationale says so.
 */
public final class KubernetesRules {

  // ---- The file and the objects ------------------------------------------------------------

  static final Rule YAML_SYNTAX =
      Rule.of(
          "k8s.yaml-syntax",
          HIGH,
          "YAML that cannot be read",
          "kubectl and the API server refuse the whole file, so nothing in it is applied; the"
              + " other files of the call are still reviewed.",
          "Correct the YAML at the line given. For a Helm chart, review the output of helm"
              + " template, not the templates.");
  static final Rule DUPLICATE_KEY =
      Rule.of(
          "k8s.duplicate-key",
          MEDIUM,
          "Key written twice in one mapping",
          "YAML readers keep one of the two values (most the last, some refuse the file), and the"
              + " API server's strict field validation rejects it: the other value is silently"
              + " lost, usually the one someone meant to change.",
          "Keep one entry for the key and merge the values.");
  static final Rule DUPLICATE_OBJECT =
      Rule.of(
          "k8s.duplicate-object",
          MEDIUM,
          "Object defined twice",
          "Two objects with the same kind, namespace and name are one object to the cluster: the"
              + " one applied last wins and the other's settings are lost.",
          "Remove one definition, or give the objects different names.");
  static final Rule REMOVED_API =
      Rule.of(
          "k8s.removed-api-version",
          HIGH,
          "API version removed from Kubernetes",
          "The API server no longer serves this group/version: applying the object fails on every"
              + " supported Kubernetes release.",
          "Migrate the object to the API version the finding names (kubectl convert helps), and"
              + " check the fields that changed with it.",
          "kube-linter:no-extensions-v1beta",
          "kube-score:stable-version");
  static final Rule INVALID_LABEL =
      Rule.of(
          "k8s.invalid-label",
          HIGH,
          "Invalid label key or value",
          "Label values must be at most 63 characters of letters, digits, '-', '_' and '.',"
              + " starting and ending alphanumeric; keys are an optional DNS prefix and a name of"
              + " the same form. The API server rejects the object otherwise.",
          "Shorten or rewrite the label; put free text in an annotation instead.",
          "kube-score:label-values");

  // ---- Pod security ----------------------------------------------------------------------

  static final Rule PRIVILEGED =
      Rule.of(
          "k8s.privileged-container",
          CRITICAL,
          "Privileged container",
          "A privileged container has every capability and the host's devices: a process that"
              + " breaks out of the application owns the node and every pod on it.",
          "Remove privileged: true; grant the one capability the workload needs instead.",
          "kube-linter:privileged-container",
          "kube-linter:privilege-escalation-container",
          "kube-linter:scc-deny-privileged-container",
          "kube-score:container-security-context-privileged");
  static final Rule PRIVILEGE_ESCALATION =
      Rule.of(
          "k8s.privilege-escalation",
          HIGH,
          "Privilege escalation allowed",
          "allowPrivilegeEscalation: true lets a process gain more privileges than its parent"
              + " through setuid binaries or file capabilities.",
          "Set securityContext.allowPrivilegeEscalation: false.",
          "kube-linter:privilege-escalation-container");
  static final Rule ESCALATION_NOT_DISABLED =
      Rule.of(
          "k8s.privilege-escalation-not-disabled",
          LOW,
          "Privilege escalation not disabled",
          "Unless allowPrivilegeEscalation is false, setuid binaries in the image can raise a"
              + " process's privileges; the restricted Pod Security Standard requires false.",
          "Set securityContext.allowPrivilegeEscalation: false on the container.");
  static final Rule DANGEROUS_CAPABILITY =
      Rule.of(
          "k8s.dangerous-capability",
          HIGH,
          "Dangerous Linux capability added",
          "SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE, BPF, ALL and the like give the container"
              + " powers close to root on the host: mounting filesystems, loading kernel modules,"
              + " reading other processes' memory, rewriting the node's network.",
          "Remove the capability from capabilities.add; drop ALL and add back only what the"
              + " application needs (often NET_BIND_SERVICE, or nothing).",
          "kube-linter:privilege-escalation-container");
  static final Rule NET_RAW =
      Rule.of(
          "k8s.net-raw-not-dropped",
          MEDIUM,
          "NET_RAW capability not dropped",
          "Container runtimes grant NET_RAW by default: it lets a compromised container craft"
              + " packets to spoof or sniff its neighbours' traffic (ARP and DNS spoofing).",
          "Add capabilities.drop: [ALL] (or at least NET_RAW) to the container's securityContext.",
          "kube-linter:drop-net-raw-capability");
  static final Rule RUN_AS_ROOT =
      Rule.of(
          "k8s.run-as-root",
          HIGH,
          "Container runs as root",
          "runAsUser: 0 runs the process as root: a breakout starts with root's rights, and with"
              + " runAsNonRoot: true as well the kubelet refuses to start the container.",
          "Set runAsUser to an unprivileged uid (10000 or more) and runAsNonRoot: true.",
          "kube-linter:run-as-non-root",
          "kube-score:container-security-context-user-group-id");
  static final Rule RUN_AS_NON_ROOT_NOT_SET =
      Rule.of(
          "k8s.run-as-non-root-not-set",
          MEDIUM,
          "Container may run as root",
          "Without runAsNonRoot: true or a non-zero runAsUser (on the container or the pod) the"
              + " container runs as whatever user the image names, root for most images.",
          "Set runAsNonRoot: true and runAsUser to an unprivileged uid in the pod's or the"
              + " container's securityContext.",
          "kube-linter:run-as-non-root",
          "kube-score:container-security-context-user-group-id");
  static final Rule LOW_UID =
      Rule.of(
          "k8s.low-user-id",
          INFO,
          "User or group id below 10000",
          "Low ids are the ones the node's own users and groups have: a container that escapes"
              + " with one of them gets that host account's files.",
          "Use a uid and gid of 10000 or more, e.g. runAsUser: 10001, runAsGroup: 10001.",
          "kube-score:container-security-context-user-group-id");
  static final Rule WRITABLE_ROOT =
      Rule.of(
          "k8s.writable-root-filesystem",
          MEDIUM,
          "Root filesystem writable",
          "A writable root filesystem lets an attacker drop tools and persist changes in the"
              + " container, and hides state that should live in a volume.",
          "Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the"
              + " application must write (/tmp, caches).",
          "kube-linter:no-read-only-root-fs",
          "kube-score:container-security-context-readonlyrootfilesystem");
  static final Rule PROC_MOUNT =
      Rule.of(
          "k8s.unmasked-proc-mount",
          HIGH,
          "Unmasked /proc",
          "procMount: Unmasked removes the runtime's masking of /proc, exposing kernel interfaces"
              + " that help a container escape.",
          "Remove procMount, or set it to Default.",
          "kube-linter:unsafe-proc-mount");
  static final Rule SECCOMP =
      Rule.of(
          "k8s.seccomp-not-set",
          LOW,
          "No seccomp profile",
          "Without a seccomp profile (or with Unconfined) the container may make every system"
              + " call, the kernel's whole attack surface; the restricted Pod Security Standard"
              + " requires RuntimeDefault or Localhost.",
          "Set securityContext.seccompProfile.type: RuntimeDefault on the pod.",
          "kube-score:container-seccomp-profile");
  static final Rule HOST_NETWORK =
      Rule.of(
          "k8s.host-network",
          HIGH,
          "Pod shares the host's network",
          "hostNetwork: true puts the pod in the node's network namespace: it can bind the node's"
              + " ports, reach services bound to localhost and sniff the node's traffic, and no"
              + " NetworkPolicy applies to it.",
          "Remove hostNetwork; expose the pod through a Service.",
          "kube-linter:host-network");
  static final Rule HOST_PID =
      Rule.of(
          "k8s.host-pid",
          HIGH,
          "Pod shares the host's process namespace",
          "hostPID: true lets the pod see and signal every process on the node, and read their"
              + " environment, secrets included.",
          "Remove hostPID.",
          "kube-linter:host-pid");
  static final Rule HOST_IPC =
      Rule.of(
          "k8s.host-ipc",
          HIGH,
          "Pod shares the host's IPC namespace",
          "hostIPC: true gives the pod the node's shared memory and message queues, those of"
              + " every other process included.",
          "Remove hostIPC.",
          "kube-linter:host-ipc");
  static final Rule HOST_PORT =
      Rule.of(
          "k8s.host-port",
          MEDIUM,
          "Container binds a host port",
          "hostPort ties the pod to nodes where the port is free (two replicas cannot share a"
              + " node) and exposes it on the node's address, around Services and NetworkPolicy;"
              + " the baseline Pod Security Standard forbids it.",
          "Remove hostPort and expose the port through a Service.");
  static final Rule RUNTIME_SOCKET =
      Rule.of(
          "k8s.container-runtime-socket",
          CRITICAL,
          "Container runtime socket mounted",
          "The Docker, containerd or CRI-O socket lets the container start privileged containers"
              + " on the node: it is root on the host.",
          "Remove the hostPath volume and its volumeMount; build images with a daemonless"
              + " builder (BuildKit rootless, kaniko) instead.",
          "kube-linter:docker-sock");
  static final Rule SENSITIVE_MOUNT =
      Rule.of(
          "k8s.sensitive-host-mount",
          HIGH,
          "Sensitive host path mounted",
          "Mounting /, /etc, /proc, /sys, /root, /var/lib/kubelet and the like exposes the node's"
              + " configuration, credentials and kernel interfaces to the container.",
          "Remove the hostPath volume; use a ConfigMap, Secret, emptyDir or a CSI volume.",
          "kube-linter:sensitive-host-mounts");
  static final Rule WRITABLE_HOST_MOUNT =
      Rule.of(
          "k8s.writable-host-mount",
          MEDIUM,
          "Host path mounted writable",
          "A writable hostPath lets the container change the node's files, which survive the pod"
              + " and are seen by other pods and the node itself.",
          "Set readOnly: true on the volumeMount, or use another kind of volume.",
          "kube-linter:writable-host-mount");
  static final Rule UNSAFE_SYSCTL =
      Rule.of(
          "k8s.unsafe-sysctl",
          HIGH,
          "Unsafe sysctl",
          "Sysctls outside Kubernetes' safe set affect the whole node, not only the pod; the"
              + " kubelet refuses the pod unless it was started with --allowed-unsafe-sysctls.",
          "Remove the sysctl, or set it on the node; the safe set is documented at"
              + " kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/.",
          "kube-linter:unsafe-sysctls");
  static final Rule SECRET_IN_ENV =
      Rule.of(
          "k8s.secret-in-env",
          HIGH,
          "Secret written into an environment variable",
          "A literal value in the manifest is in version control, in the object for anyone who"
              + " can read it, and in kubectl describe's output.",
          "Store the value in a Secret and use valueFrom.secretKeyRef, or mount the Secret as a"
              + " file.",
          "kube-linter:env-var-secret");
  static final Rule SECRET_AS_ENV =
      Rule.of(
          "k8s.secret-as-env-var",
          INFO,
          "Secret read into an environment variable",
          "Environment variables leak: into child processes, crash reports and debug endpoints."
              + " CIS 5.4.1 prefers Secrets mounted as files.",
          "Mount the Secret as a volume and read the file, where the application allows.",
          "kube-linter:read-secret-from-env-var");
  static final Rule DEFAULT_SERVICE_ACCOUNT =
      Rule.of(
          "k8s.default-service-account",
          LOW,
          "Pod uses the default service account",
          "Every pod of the namespace shares the default account: a role granted to one is"
              + " granted to all, and its token is mounted into each.",
          "Create a ServiceAccount for the workload and set serviceAccountName, or set"
              + " automountServiceAccountToken: false when it needs no API access.",
          "kube-linter:default-service-account");
  static final Rule DEPRECATED_SERVICE_ACCOUNT =
      Rule.of(
          "k8s.deprecated-service-account-field",
          LOW,
          "Deprecated serviceAccount field",
          "spec.serviceAccount is a deprecated alias; when it differs from serviceAccountName,"
              + " readers cannot tell which account the pod gets.",
          "Use serviceAccountName and remove serviceAccount.",
          "kube-linter:deprecated-service-account-field");
  static final Rule SSH_PORT =
      Rule.of(
          "k8s.ssh-port",
          MEDIUM,
          "Container exposes port 22",
          "Port 22 is SSH: a shell into a container is a backdoor around kubectl's audit and RBAC.",
          "Remove the SSH server and use kubectl exec or debug; or move a non-SSH service off 22.",
          "kube-linter:ssh-port");
  static final Rule PRIVILEGED_PORT =
      Rule.of(
          "k8s.privileged-port",
          LOW,
          "Container port below 1024",
          "Binding a port below 1024 needs root or NET_BIND_SERVICE inside the container.",
          "Listen on a port of 1024 or more and map it in the Service (port: 80, targetPort:"
              + " 8080).",
          "kube-linter:privileged-ports");

  // ---- Images ----------------------------------------------------------------------------

  static final Rule LATEST_TAG =
      Rule.of(
          "k8s.latest-tag",
          MEDIUM,
          "Image tagged latest",
          "latest moves: two nodes run different code under one manifest, and a rollback does not"
              + " roll the image back.",
          "Pin the image to a release tag, or better a digest (image:1.2.3@sha256:...).",
          "kube-linter:latest-tag",
          "kube-score:container-image-tag");
  static final Rule UNTAGGED_IMAGE =
      Rule.of(
          "k8s.untagged-image",
          MEDIUM,
          "Image without a tag",
          "An image without a tag or digest means latest, with all its drift.",
          "Pin the image to a release tag, or better a digest.",
          "kube-linter:latest-tag",
          "kube-score:container-image-tag");
  static final Rule PULL_POLICY =
      Rule.of(
          "k8s.image-pull-policy",
          LOW,
          "Mutable tag not pulled Always",
          "With IfNotPresent (the default for a tag other than latest) or Never, each node keeps"
              + " the image it pulled first: nodes run different builds of one tag, and image pull"
              + " secrets are not checked again.",
          "Pin the image by digest, or set imagePullPolicy: Always.",
          "kube-score:container-image-pull-policy");

  // ---- Resources -------------------------------------------------------------------------

  static final Rule CPU_REQUEST =
      Rule.of(
          "k8s.cpu-request-missing",
          MEDIUM,
          "No CPU request",
          "Without a CPU request the scheduler places the pod as if it needed nothing, and under"
              + " contention it gets the smallest share; HPA CPU targets cannot work.",
          "Set resources.requests.cpu to the container's usual use (e.g. 100m).",
          "kube-linter:unset-cpu-requirements",
          "kube-score:container-resources");
  static final Rule MEMORY_LIMIT =
      Rule.of(
          "k8s.memory-limit-missing",
          MEDIUM,
          "No memory limit",
          "Without a memory limit a leak grows until the node runs out, and the kernel then kills"
              + " processes of other pods too.",
          "Set resources.limits.memory (often equal to the request).",
          "kube-linter:unset-memory-requirements",
          "kube-score:container-resources");
  static final Rule MEMORY_REQUEST =
      Rule.of(
          "k8s.memory-request-missing",
          LOW,
          "No memory request",
          "Without a memory request (and no limit to default it from) the pod is scheduled as if"
              + " it used none, and is the first evicted under memory pressure.",
          "Set resources.requests.memory to the container's working set.",
          "kube-score:container-resources");
  static final Rule CPU_LIMIT =
      Rule.of(
          "k8s.cpu-limit-missing",
          INFO,
          "No CPU limit",
          "Without a CPU limit a busy container takes whatever CPU the node has free. Many teams"
              + " leave it out on purpose to avoid throttling; ignore the rule if so.",
          "Set resources.limits.cpu, or ignore k8s.cpu-limit-missing.",
          "kube-score:container-resources");
  static final Rule EPHEMERAL_STORAGE =
      Rule.of(
          "k8s.ephemeral-storage-unset",
          INFO,
          "No ephemeral-storage request and limit",
          "Logs, emptyDirs and the writable layer fill the node's disk; without a limit one pod"
              + " can get the whole node's pods evicted.",
          "Set resources.requests and limits for ephemeral-storage.",
          "kube-score:container-ephemeral-storage-request-and-limit");
  static final Rule REQUEST_ABOVE_LIMIT =
      Rule.of(
          "k8s.request-exceeds-limit",
          HIGH,
          "Request above its limit",
          "The API server rejects a container whose request exceeds its limit for the same"
              + " resource.",
          "Lower the request, or raise the limit.");

  static final Rule MEMORY_REQUEST_BELOW_LIMIT =
      Rule.of(
          "k8s.memory-request-below-limit",
          INFO,
          "Memory request below its limit",
          "Memory cannot be throttled: a node whose pods use more than they requested runs out,"
              + " and the kernel kills the pods furthest over their requests, this one among them.",
          "Set the memory request equal to the limit.",
          "kube-score:container-memory-requests-equal-limits",
          "kube-score:container-resource-requests-equal-limits");

  // ---- Probes, environment and ports ---------------------------------------------------------

  static final Rule READINESS_PROBE =
      Rule.of(
          "k8s.readiness-probe-missing",
          MEDIUM,
          "No readiness probe",
          "Without a readiness probe the pod gets traffic as soon as it starts, before it can"
              + " serve, and keeps it while it cannot: every rollout drops requests.",
          "Add a readinessProbe (httpGet on a health endpoint, or tcpSocket).",
          "kube-linter:no-readiness-probe",
          "kube-score:pod-probes");
  static final Rule LIVENESS_PROBE =
      Rule.of(
          "k8s.liveness-probe-missing",
          LOW,
          "No liveness probe",
          "A process that hangs without exiting is never restarted.",
          "Add a livenessProbe that fails only when a restart would help (not on dependencies).",
          "kube-linter:no-liveness-probe",
          "kube-score:pod-probes");
  static final Rule PROBE_PORT =
      Rule.of(
          "k8s.probe-port-not-exposed",
          MEDIUM,
          "Probe on a port the container does not declare",
          "A probe on a port name the container does not declare fails every time, so the pod"
              + " never becomes ready or restarts in a loop; a number not declared usually means a"
              + " port changed and the probe did not.",
          "Probe a port the container declares in ports, by name or number.",
          "kube-linter:liveness-port",
          "kube-linter:readiness-port",
          "kube-linter:startup-port");
  static final Rule IDENTICAL_PROBES =
      Rule.of(
          "k8s.identical-probes",
          LOW,
          "Liveness and readiness probes identical",
          "When the two probes are the same, a pod that is merely busy or waiting on a dependency"
              + " is restarted instead of taken out of the rotation: overload becomes a restart"
              + " storm.",
          "Make liveness check only that the process is alive, or give it a higher"
              + " failureThreshold than readiness.",
          "kube-score:pod-probes-identical");
  static final Rule DUPLICATE_ENV =
      Rule.of(
          "k8s.duplicate-env-var",
          MEDIUM,
          "Environment variable set twice",
          "Only the last of two env entries with one name takes effect, which is rarely the one"
              + " the reader looks at.",
          "Keep one entry per name.",
          "kube-linter:duplicate-env-var",
          "kube-score:environment-variable-key-duplication");
  static final Rule INVALID_PORT =
      Rule.of(
          "k8s.invalid-port",
          HIGH,
          "Invalid port name or number",
          "Port names must be IANA service names (at most 15 lower-case letters, digits and"
              + " single dashes, with a letter) and numbers 1 to 65535, unique within the pod;"
              + " the API server rejects the object otherwise.",
          "Rename the port (e.g. http-metrics) or correct the number.",
          "kube-linter:invalid-target-ports",
          "kube-score:container-ports-check");

  // ---- Availability ----------------------------------------------------------------------

  static final Rule SINGLE_REPLICA =
      Rule.of(
          "k8s.single-replica",
          MEDIUM,
          "Single replica",
          "One replica means downtime on every rollout, node drain and crash.",
          "Run at least 2 replicas (3 to survive one failure during a rollout), or scale with an"
              + " HorizontalPodAutoscaler whose minReplicas is at least 2. A workload deliberately"
              + " scaled to 0 is not reported.",
          "kube-score:deployment-replicas",
          "kube-linter:minimum-three-replicas");
  static final Rule TWO_REPLICAS =
      Rule.of(
          "k8s.fewer-than-three-replicas",
          INFO,
          "Only two replicas",
          "With two replicas a rollout or drain during one pod's failure leaves none serving.",
          "Run at least 3 replicas.",
          "kube-linter:minimum-three-replicas");
  static final Rule NO_ANTI_AFFINITY =
      Rule.of(
          "k8s.no-anti-affinity",
          MEDIUM,
          "Replicas may share a node",
          "Without pod anti-affinity or a topology spread on kubernetes.io/hostname the scheduler"
              + " may put every replica on one node, and that node's failure takes them all.",
          "Add a preferred podAntiAffinity term on topologyKey kubernetes.io/hostname whose"
              + " labelSelector matches the pods' labels, or a topologySpreadConstraint on it.",
          "kube-linter:no-anti-affinity",
          "kube-score:deployment-has-host-podantiaffinity",
          "kube-score:statefulset-has-host-podantiaffinity");
  static final Rule TOPOLOGY_SPREAD =
      Rule.of(
          "k8s.topology-spread-selector",
          LOW,
          "Topology spread that selects no pods of its own",
          "A topologySpreadConstraint counts the pods its labelSelector matches; one that does"
              + " not match the pod's own labels spreads nothing.",
          "Make the labelSelector match the pod template's labels.",
          "kube-score:pod-topology-spread-constraints");
  static final Rule NON_ROLLING_UPDATE =
      Rule.of(
          "k8s.non-rolling-update",
          INFO,
          "Update strategy is not rolling",
          "Recreate stops every pod before starting new ones, and OnDelete updates nothing until"
              + " pods are deleted by hand: both mean downtime or drift on a rollout.",
          "Use RollingUpdate unless the application cannot run two versions at once.",
          "kube-score:deployment-strategy",
          "kube-linter:no-rolling-update-strategy");
  static final Rule SELECTOR_MISMATCH =
      Rule.of(
          "k8s.selector-mismatch",
          HIGH,
          "Selector does not match the pod template",
          "A workload's selector must match its own template's labels: the API server rejects the"
              + " object otherwise, and a missing selector is invalid in apps/v1.",
          "Make spec.selector.matchLabels a subset of spec.template.metadata.labels.",
          "kube-linter:mismatching-selector",
          "kube-score:deployment-pod-selector-labels-match-template-metadata-labels",
          "kube-score:statefulset-pod-selector-labels-match-template-metadata-labels");
  static final Rule STATEFULSET_SERVICE =
      Rule.of(
          "k8s.statefulset-service-name",
          MEDIUM,
          "StatefulSet without its headless Service",
          "A StatefulSet's pods get stable DNS names only through the headless Service its"
              + " serviceName names. Reported when serviceName is missing, names no Service of the"
              + " bundle (only when the bundle defines a Service), or a Service that is not"
              + " headless.",
          "Set serviceName to a Service with clusterIP: None that selects the pods.",
          "kube-score:statefulset-has-servicename");

  // ---- Jobs ------------------------------------------------------------------------------

  static final Rule JOB_TTL =
      Rule.of(
          "k8s.job-ttl",
          LOW,
          "Job cleanup",
          "A Job without ttlSecondsAfterFinished stays with its pods until someone deletes it; a"
              + " CronJob's jobs are cleaned up by its history limits, and a TTL on them fights"
              + " those.",
          "Set ttlSecondsAfterFinished on standalone Jobs; on CronJobs, remove it from the"
              + " jobTemplate and use successfulJobsHistoryLimit and failedJobsHistoryLimit.",
          "kube-linter:job-ttl-seconds-after-finished");
  static final Rule CRONJOB_DEADLINE =
      Rule.of(
          "k8s.cronjob-deadline",
          LOW,
          "CronJob without a starting deadline",
          "Without startingDeadlineSeconds a CronJob that missed more than 100 schedules (the"
              + " controller was down, or the job suspended) stops being scheduled.",
          "Set spec.startingDeadlineSeconds, e.g. to a fraction of the schedule's period.",
          "kube-score:cronjob-has-deadline");
  static final Rule JOB_RESTART_POLICY =
      Rule.of(
          "k8s.job-restart-policy",
          HIGH,
          "Job pod template with restartPolicy Always or none",
          "A Job's pods must set restartPolicy to OnFailure or Never: the API server rejects"
              + " Always, which is also the default when the field is missing.",
          "Set spec.template.spec.restartPolicy: OnFailure (or Never).",
          "kube-score:cronjob-restartpolicy");

  // ---- PodDisruptionBudgets ------------------------------------------------------------------

  static final Rule PDB_MAX_UNAVAILABLE =
      Rule.of(
          "k8s.pdb-max-unavailable-zero",
          HIGH,
          "PodDisruptionBudget allows no disruption",
          "maxUnavailable: 0 blocks every eviction: node drains and cluster upgrades hang on the"
              + " pods until someone deletes the budget.",
          "Set maxUnavailable to 1 (or a percentage above 0).",
          "kube-linter:pdb-max-unavailable");
  static final Rule PDB_MIN_AVAILABLE =
      Rule.of(
          "k8s.pdb-min-available-blocks",
          HIGH,
          "PodDisruptionBudget minAvailable leaves no room",
          "minAvailable of 100%, or at least the replicas of the workload it selects, blocks every"
              + " eviction: node drains and upgrades hang.",
          "Set minAvailable below the replica count, or use maxUnavailable: 1.",
          "kube-linter:pdb-min-available");
  static final Rule PDB_EVICTION_POLICY =
      Rule.of(
          "k8s.pdb-unhealthy-pod-eviction-policy",
          LOW,
          "PodDisruptionBudget without unhealthyPodEvictionPolicy",
          "By default pods that are running but not ready count against the budget, so a crash"
              + " looping pod can block node drains.",
          "Set spec.unhealthyPodEvictionPolicy: AlwaysAllow.",
          "kube-linter:pdb-unhealthy-pod-eviction-policy");
  static final Rule PDB_NO_POLICY =
      Rule.of(
          "k8s.pdb-no-policy",
          LOW,
          "PodDisruptionBudget sets neither minAvailable nor maxUnavailable",
          "A budget without either field states no intent, and readers cannot tell what it"
              + " protects.",
          "Set maxUnavailable (or minAvailable).",
          "kube-score:poddisruptionbudget-has-policy");
  static final Rule PDB_SELECTS_NOTHING =
      Rule.of(
          "k8s.pdb-selects-nothing",
          MEDIUM,
          "PodDisruptionBudget selects no pods of the bundle",
          "A budget whose selector matches no pod template in its namespace protects nothing,"
              + " usually after labels changed; one without a selector matches no pods at all."
              + " Reported only when the bundle defines at least one workload.",
          "Make spec.selector match the labels of the workload's pod template.",
          "kube-linter:pdb-min-available");
  static final Rule PDB_MISSING =
      Rule.of(
          "k8s.pdb-missing",
          LOW,
          "Replicated workload without a PodDisruptionBudget",
          "Without a budget a node drain may evict every replica at once.",
          "Add a PodDisruptionBudget with maxUnavailable: 1 that selects the pods.",
          "kube-score:deployment-has-poddisruptionbudget",
          "kube-score:statefulset-has-poddisruptionbudget");

  // ---- Services, Ingresses, autoscalers and references ------------------------------------------

  static final Rule DANGLING_SERVICE =
      Rule.of(
          "k8s.dangling-service",
          MEDIUM,
          "Service selects no pods of the bundle",
          "A Service whose selector matches no pod template in its namespace has no endpoints:"
              + " every connection to it fails. Reported only when the bundle defines at least one"
              + " workload; a Service without a selector is reported only when no Endpoints or"
              + " EndpointSlice of the bundle serves it.",
          "Make spec.selector match the labels of the pod template that should serve it.",
          "kube-linter:dangling-service",
          "kube-score:service-targets-pod");
  static final Rule SERVICE_TARGET_PORT =
      Rule.of(
          "k8s.service-target-port",
          MEDIUM,
          "Service targetPort that its pods do not declare",
          "A targetPort name that no selected container declares gives the Service no endpoints"
              + " on that port; a number none of them declares usually means the container's port"
              + " changed and the Service did not.",
          "Set targetPort to a port name or number the selected containers declare.");
  static final Rule NODE_PORT =
      Rule.of(
          "k8s.node-port-service",
          LOW,
          "NodePort Service",
          "A NodePort opens the port on every node's address, around ingress controllers and"
              + " load-balancer firewalls.",
          "Use a ClusterIP Service behind an Ingress or a LoadBalancer.",
          "kube-score:service-type",
          "kube-linter:exposed-services");
  static final Rule INGRESS_BACKEND =
      Rule.of(
          "k8s.ingress-backend-missing",
          HIGH,
          "Ingress backend Service or port missing",
          "An Ingress path whose Service does not exist, or lacks the port named, answers 503."
              + " A missing Service is reported only when the bundle defines at least one Service.",
          "Point the backend at a Service of the bundle and at a port (number or name) it has.",
          "kube-linter:dangling-ingress",
          "kube-score:ingress-targets-service");
  static final Rule HPA_TARGET =
      Rule.of(
          "k8s.hpa-target-missing",
          HIGH,
          "HorizontalPodAutoscaler targets no workload of the bundle",
          "An autoscaler whose scaleTargetRef names no workload scales nothing. Reported only"
              + " when the bundle defines at least one workload.",
          "Set scaleTargetRef's kind, name and apiVersion to those of the workload.",
          "kube-linter:dangling-horizontalpodautoscaler",
          "kube-score:horizontalpodautoscaler-has-target");
  static final Rule HPA_MIN_REPLICAS =
      Rule.of(
          "k8s.hpa-min-replicas",
          LOW,
          "HorizontalPodAutoscaler may scale to one replica",
          "minReplicas below 2 (1 when unset) lets quiet hours leave one pod, and one failure"
              + " means downtime.",
          "Set minReplicas to at least 2 (3 for zone failures).",
          "kube-score:horizontalpodautoscaler-replicas",
          "kube-linter:hpa-minimum-three-replicas");
  static final Rule REPLICAS_WITH_HPA =
      Rule.of(
          "k8s.replicas-with-hpa",
          LOW,
          "Replicas fixed on an autoscaled workload",
          "Every apply resets spec.replicas to the manifest's number, fighting the autoscaler:"
              + " the workload shrinks or grows until the HPA corrects it.",
          "Remove spec.replicas and let the HorizontalPodAutoscaler own it.",
          "kube-score:deployment-targeted-by-hpa-does-not-have-replicas-configured");
  static final Rule CONFIGMAP_MISSING =
      Rule.of(
          "k8s.configmap-missing",
          MEDIUM,
          "ConfigMap or key not in the bundle",
          "A pod that needs a ConfigMap (or key) that does not exist does not start"
              + " (CreateContainerConfigError). Reported only when the bundle defines at least one"
              + " ConfigMap (a bundle without any is taken to rely on ConfigMaps managed"
              + " elsewhere), and never for references marked optional.",
          "Add the ConfigMap (or key) to the bundle, correct the name, or mark the reference"
              + " optional: true.",
          "kube-linter:env-value-from");
  static final Rule SECRET_MISSING =
      Rule.of(
          "k8s.secret-missing",
          MEDIUM,
          "Secret or key not in the bundle",
          "A pod that needs a Secret (or key) that does not exist does not start. Reported only"
              + " when the bundle defines at least one Secret (or a SealedSecret, ExternalSecret or"
              + " cert-manager Certificate, which make one), and never for optional references.",
          "Add the Secret (or key), correct the name, or mark the reference optional: true.",
          "kube-linter:env-value-from");
  static final Rule SERVICE_ACCOUNT_MISSING =
      Rule.of(
          "k8s.service-account-missing",
          MEDIUM,
          "ServiceAccount not in the bundle",
          "A pod whose ServiceAccount does not exist is never created: the ReplicaSet reports"
              + " 'serviceaccount not found'. Reported only when the bundle defines at least one"
              + " ServiceAccount (a bundle without any is taken to rely on accounts made"
              + " elsewhere).",
          "Add the ServiceAccount to the bundle, or correct serviceAccountName.",
          "kube-linter:non-existent-service-account");
  static final Rule NETWORK_POLICY_MISSING =
      Rule.of(
          "k8s.network-policy-missing",
          MEDIUM,
          "Pods not selected by any NetworkPolicy",
          "Pods that no NetworkPolicy of their namespace selects accept traffic from every pod of"
              + " the cluster and may connect anywhere. Pods on the host network are not reported:"
              + " NetworkPolicy does not apply to them.",
          "Add a NetworkPolicy for the namespace (a default deny with podSelector: {}) and allow"
              + " what the workload needs.",
          "kube-linter:non-isolated-pod",
          "kube-score:pod-networkpolicy");
  static final Rule DANGLING_NETWORK_POLICY =
      Rule.of(
          "k8s.dangling-network-policy",
          LOW,
          "NetworkPolicy selects no pods of the bundle",
          "A NetworkPolicy whose podSelector matches no pod template in its namespace isolates"
              + " nothing, usually after labels changed. Reported only when the bundle defines at"
              + " least one workload.",
          "Make spec.podSelector match the pods it should protect.",
          "kube-linter:dangling-networkpolicy",
          "kube-score:networkpolicy-targets-pod");
  static final Rule DANGLING_NETWORK_POLICY_PEER =
      Rule.of(
          "k8s.dangling-network-policy-peer",
          LOW,
          "NetworkPolicy rule allows pods that do not exist",
          "A from/to peer with a podSelector (and no namespaceSelector) that matches no pod"
              + " template of the namespace allows nothing, so the traffic it meant to allow is"
              + " denied. Reported only when the bundle defines at least one workload.",
          "Make the peer's podSelector match the labels of the pods to allow.",
          "kube-linter:dangling-networkpolicypeer-podselector");
  static final Rule DANGLING_SERVICE_MONITOR =
      Rule.of(
          "k8s.dangling-service-monitor",
          LOW,
          "ServiceMonitor selects no Service of the bundle",
          "A ServiceMonitor whose selector matches no Service is scraped by no one: the metrics"
              + " and the alerts on them are silently missing. Reported only when the bundle"
              + " defines at least one Service.",
          "Make spec.selector match the labels of the Service (and namespaceSelector its"
              + " namespace).",
          "kube-linter:dangling-servicemonitor");

  // ---- RBAC ------------------------------------------------------------------------------

  static final Rule CLUSTER_ADMIN =
      Rule.of(
          "k8s.cluster-admin-binding",
          HIGH,
          "Binding to cluster-admin",
          "cluster-admin can do anything to any object in the cluster (CIS 5.1.1).",
          "Bind a Role with only the verbs and resources the subject needs.",
          "kube-linter:cluster-admin-role-binding");
  static final Rule RBAC_WILDCARD =
      Rule.of(
          "k8s.rbac-wildcard",
          MEDIUM,
          "Wildcard in an RBAC rule",
          "'*' in resources or verbs grants everything, including resources and verbs added later"
              + " (CIS 5.1.3).",
          "List the resources and verbs explicitly.",
          "kube-linter:wildcard-in-rules");
  static final Rule RBAC_SECRETS =
      Rule.of(
          "k8s.rbac-secret-access",
          LOW,
          "Binding grants access to Secrets",
          "Reading Secrets reads every credential in their scope (CIS 5.1.2). The role must be"
              + " in the bundle for this to be seen.",
          "Grant get on the named Secrets only (resourceNames), or mount them into the pod.",
          "kube-linter:access-to-secrets");
  static final Rule RBAC_CREATE_PODS =
      Rule.of(
          "k8s.rbac-create-pods",
          LOW,
          "Binding grants creating pods",
          "Whoever can create pods can run one with any ServiceAccount of the namespace, and so"
              + " gain its rights (CIS 5.1.4). The role must be in the bundle for this to be seen.",
          "Remove create on pods (and on workloads that make pods) from the role.",
          "kube-linter:access-to-create-pods");

  /** Every rule, in the order the documentation lists them. */
  public static final List<Rule> ALL =
      List.of(
          YAML_SYNTAX,
          DUPLICATE_KEY,
          DUPLICATE_OBJECT,
          REMOVED_API,
          INVALID_LABEL,
          PRIVILEGED,
          PRIVILEGE_ESCALATION,
          ESCALATION_NOT_DISABLED,
          DANGEROUS_CAPABILITY,
          NET_RAW,
          RUN_AS_ROOT,
          RUN_AS_NON_ROOT_NOT_SET,
          LOW_UID,
          WRITABLE_ROOT,
          PROC_MOUNT,
          SECCOMP,
          HOST_NETWORK,
          HOST_PID,
          HOST_IPC,
          HOST_PORT,
          RUNTIME_SOCKET,
          SENSITIVE_MOUNT,
          WRITABLE_HOST_MOUNT,
          UNSAFE_SYSCTL,
          SECRET_IN_ENV,
          SECRET_AS_ENV,
          DEFAULT_SERVICE_ACCOUNT,
          DEPRECATED_SERVICE_ACCOUNT,
          SSH_PORT,
          PRIVILEGED_PORT,
          LATEST_TAG,
          UNTAGGED_IMAGE,
          PULL_POLICY,
          CPU_REQUEST,
          MEMORY_LIMIT,
          MEMORY_REQUEST,
          CPU_LIMIT,
          EPHEMERAL_STORAGE,
          REQUEST_ABOVE_LIMIT,
          MEMORY_REQUEST_BELOW_LIMIT,
          READINESS_PROBE,
          LIVENESS_PROBE,
          PROBE_PORT,
          IDENTICAL_PROBES,
          DUPLICATE_ENV,
          INVALID_PORT,
          SINGLE_REPLICA,
          TWO_REPLICAS,
          NO_ANTI_AFFINITY,
          TOPOLOGY_SPREAD,
          NON_ROLLING_UPDATE,
          SELECTOR_MISMATCH,
          STATEFULSET_SERVICE,
          JOB_TTL,
          CRONJOB_DEADLINE,
          JOB_RESTART_POLICY,
          PDB_MAX_UNAVAILABLE,
          PDB_MIN_AVAILABLE,
          PDB_EVICTION_POLICY,
          PDB_NO_POLICY,
          PDB_SELECTS_NOTHING,
          PDB_MISSING,
          DANGLING_SERVICE,
          SERVICE_TARGET_PORT,
          NODE_PORT,
          INGRESS_BACKEND,
          HPA_TARGET,
          HPA_MIN_REPLICAS,
          REPLICAS_WITH_HPA,
          CONFIGMAP_MISSING,
          SECRET_MISSING,
          SERVICE_ACCOUNT_MISSING,
          NETWORK_POLICY_MISSING,
          DANGLING_NETWORK_POLICY,
          DANGLING_NETWORK_POLICY_PEER,
          DANGLING_SERVICE_MONITOR,
          CLUSTER_ADMIN,
          RBAC_WILDCARD,
          RBAC_SECRETS,
          RBAC_CREATE_PODS);

  private KubernetesRules() {}
}
