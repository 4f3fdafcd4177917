package dev.sremcp.domain.runbook;

import dev.sremcp.domain.runbook.Queries.Draft;
import dev.sremcp.domain.runbook.Queries.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The likely causes and the first checks of a runbook, by category. They name what commonly causes
 * such an alert and what to look at, in order, pointing at the runbook's queries; they state
 * nothing about the user's system that the rule does not say.
 */
final class Playbooks {

  /**
   * What a runbook says about causes and mitigation.
   *
   * @param note a sentence before the causes, or empty
   */
  record Playbook(String note, List<String> causes, List<String> checks) {

    Playbook {
      causes = List.copyOf(causes);
      checks = List.copyOf(checks);
    }
  }

  private Playbooks() {}

  static Playbook of(Category category, AlertRule rule, Shape shape, List<Draft> queries) {
    Refs refs = new Refs(queries);
    String signals =
        (rule.name() + " " + String.join(" ", shape.metrics())).toLowerCase(Locale.ROOT);
    List<String> checks = new ArrayList<>();
    checks.add(
        "Confirm it is real: run the current value"
            + refs.to(Kind.CURRENT, Kind.EXPRESSION)
            + " and graph it over the last few hours. A sudden step points at a change or an"
            + " outage; a slow climb at growth or a leak.");
    checks.add(
        "Note when it started"
            + refs.to(Kind.FOR_STATE)
            + " and whether other alerts started at the same time (the alerts page or the"
            + " Alertmanager UI): several alerts together often share one cause.");
    Playbook playbook =
        switch (category) {
          case ERROR_RATIO -> errors(refs, checks);
          case LATENCY -> latency(refs, checks);
          case SATURATION -> saturation(refs, checks, signals);
          case DISK_FILL -> fill(refs, checks);
          case AVAILABILITY ->
              availability(refs, checks, shape.calls("absent") || shape.calls("absent_over_time"));
          case CERTIFICATE -> certificate(refs, checks);
          case ERROR_BUDGET_BURN -> burn(refs, checks);
          case KUBERNETES -> kubernetes(refs, checks, signals);
          case GENERIC -> generic(refs, checks);
        };
    List<String> all = new ArrayList<>(playbook.checks());
    all.add(
        "Confirm recovery: the current value"
            + refs.to(Kind.CURRENT, Kind.EXPRESSION)
            + " is back on the safe side of the threshold, and the alert resolves"
            + refs.to(Kind.ALERTS)
            + ". Write down what it was and what fixed it.");
    return new Playbook(playbook.note(), playbook.causes(), all);
  }

  private static Playbook errors(Refs refs, List<String> checks) {
    checks.add(
        "Localise it: one instance or all of them"
            + refs.to(Kind.BREAKDOWN)
            + "? Which responses"
            + refs.to(Kind.CODES)
            + "? The raw counts"
            + refs.to(Kind.COUNTER)
            + " show whether there is enough traffic for the ratio to mean much.");
    checks.add(
        "Look for a change at the start time: a deploy, a configuration or feature-flag change,"
            + " a dependency's incident. Roll back a recent change first; debug after.");
    checks.add(
        "If one instance carries the errors, take it out of rotation or restart it. If a"
            + " dependency fails, fail over or degrade gracefully. If errors rise with traffic,"
            + " scale out or shed load.");
    return new Playbook(
        "",
        List.of(
            "A recent deploy or configuration change of the service.",
            "A failing dependency (database, downstream service, cache) surfacing as errors.",
            "One bad instance: a broken node, a full disk, a stuck process.",
            "Overload: errors (timeouts, rejections) rising together with traffic.",
            "New or unusual traffic: a new client, a retry storm."),
        checks);
  }

  private static Playbook latency(Refs refs, List<String> checks) {
    checks.add(
        "Check the traffic behind the percentile"
            + refs.to(Kind.REQUESTS, Kind.COUNTER)
            + ": with few requests a high percentile is noisy; with a surge, look at capacity.");
    checks.add(
        "Localise it: one instance or all"
            + refs.to(Kind.BREAKDOWN)
            + "? One slow instance points at its host; all of them at a shared dependency or a"
            + " change.");
    checks.add(
        "Check the dependencies' latency and the service's saturation (CPU throttling, garbage"
            + " collection, thread or connection pools), and any change at the start time.");
    checks.add(
        "Mitigate: roll back a recent change, scale out, take a slow instance out of rotation,"
            + " or shed load; then find the slow path.");
    return new Playbook(
        "",
        List.of(
            "A slow dependency: database queries, a downstream service, a cache miss storm.",
            "Saturation of the service: CPU, memory pressure and garbage collection, exhausted"
                + " thread or connection pools.",
            "A traffic surge beyond capacity.",
            "A slower code path or query after a deploy.",
            "One slow instance (a noisy neighbour, a degraded node)."),
        checks);
  }

  private static Playbook saturation(Refs refs, List<String> checks, String signals) {
    String resource;
    List<String> causes;
    String fix;
    if (signals.contains("cpu") || signals.contains("load")) {
      resource = "CPU";
      causes =
          List.of(
              "More traffic or work than the capacity provisioned.",
              "A hot code path or a busy loop after a deploy.",
              "A batch job, cron job or backup running on the same host.",
              "CPU limits set too low (throttling) or a noisy neighbour.");
      fix = "scale out or up, stop or move the batch work, roll back a hot change";
    } else if (signals.contains("mem") || signals.contains("oom") || signals.contains("swap")) {
      resource = "memory";
      causes =
          List.of(
              "A leak: steady growth since the last restart.",
              "A larger working set: more traffic, more data, an unbounded cache.",
              "Limits set too low for the workload.");
      fix =
          "restart the leaking process as a stopgap, raise the limit, or scale out; find the"
              + " growth before the out-of-memory killer does";
    } else if (signals.contains("disk")
        || signals.contains("filesystem")
        || signals.contains("fs_")
        || signals.contains("inode")) {
      resource = "disk space";
      causes =
          List.of(
              "Logs or data growing without rotation or retention.",
              "Large temporary files, core dumps or old backups.",
              "A cleanup job that stopped running.");
      fix = "free space (rotate and compress logs, remove temporary files) or grow the volume";
    } else if (signals.contains("conn") || signals.contains("fds") || signals.contains("socket")) {
      resource = "connections";
      causes =
          List.of(
              "A pool too small for the traffic.",
              "A connection leak: connections opened and never closed.",
              "A slow backend holding connections longer.",
              "Clients not reusing connections.");
      fix =
          "raise the pool or the limit as a stopgap, restart the leaking process, fix the slow"
              + " backend";
    } else if (signals.contains("queue")
        || signals.contains("lag")
        || signals.contains("backlog")
        || signals.contains("pool")
        || signals.contains("thread")) {
      resource = "the queue";
      causes =
          List.of(
              "Consumers slower than producers, or fewer consumers running.",
              "Consumers failing on a message and retrying it (a poison message).",
              "A burst of work from producers.");
      fix = "add consumers, skip or park a poison message, throttle producers";
    } else {
      resource = "the resource";
      causes =
          List.of(
              "More load than the capacity provisioned.",
              "A leak or a runaway process after a change.",
              "A limit set too low.");
      fix = "add capacity or reduce the load, roll back a change that raised usage";
    }
    checks.add(
        "Localise it: one host or all"
            + refs.to(Kind.BREAKDOWN)
            + "? Read the raw series"
            + refs.to(Kind.SERIES, Kind.COUNTER)
            + " for the usage of "
            + resource
            + ".");
    checks.add(
        "Correlate with traffic and changes at the start time: usage that follows traffic needs"
            + " capacity; usage that broke away from it needs a fix.");
    checks.add("Mitigate: " + fix + ".");
    return new Playbook("Saturation of " + resource + ".", causes, checks);
  }

  private static Playbook fill(Refs refs, List<String> checks) {
    checks.add(
        "Read the current value"
            + refs.to(Kind.SERIES)
            + ", the prediction"
            + refs.to(Kind.PREDICTION)
            + " and the trend"
            + refs.to(Kind.TREND)
            + ": a steady slope is real growth; a recent burst of writes can make the"
            + " extrapolation steeper than it will stay.");
    checks.add(
        "Find what grows on the affected instance"
            + refs.to(Kind.BREAKDOWN)
            + " (for a filesystem: the largest directories, logs, temporary files).");
    checks.add(
        "Mitigate before it fills: free space (rotate and compress logs, remove temporary files"
            + " and old data within retention) or grow the volume; then fix the cause of the"
            + " growth.");
    return new Playbook(
        "The alert predicts: nothing is full yet, which leaves time to act.",
        List.of(
            "Steady growth of logs or data without rotation or retention.",
            "A burst of writes (a batch job, a dump, debug logging) that steepens the trend.",
            "A cleanup or compaction job that stopped running."),
        checks);
  }

  private static Playbook availability(Refs refs, List<String> checks, boolean absent) {
    checks.add(
        "Check the targets"
            + refs.to(Kind.TARGETS, Kind.SERIES)
            + " and Prometheus's Status > Targets page, which shows the last scrape error.");
    checks.add(
        "Is the process running? A crash, an out-of-memory kill or a node down stops it; a"
            + " scrape error (timeout, TLS, authentication, a changed port or path, a network"
            + " policy) only hides it.");
    checks.add(
        "Check recent changes to the deployment, the service discovery and the scrape"
            + " configuration: a renamed job or label, a target scaled to zero.");
    checks.add(
        "Mitigate: restart or reschedule the target, or fix the scrape; if it was retired on"
            + " purpose, silence the alert and update the rule.");
    List<String> causes =
        new ArrayList<>(
            List.of(
                "The target is down: crashed, killed, or its host is down.",
                "The target runs but the scrape or probe fails: network, TLS, authentication, a"
                    + " changed port or path, a timeout.",
                "Service discovery lost the target: labels or names changed, scaled to zero."));
    if (absent) {
      causes.add("The metric was renamed, or the exporter no longer exports it.");
    }
    return new Playbook("", causes, checks);
  }

  private static Playbook certificate(Refs refs, List<String> checks) {
    checks.add(
        "Find which targets and how many days are left"
            + refs.to(Kind.DAYS_LEFT, Kind.CURRENT)
            + ".");
    checks.add(
        "Check the served certificate, e.g. `openssl s_client -connect <host>:443 -servername"
            + " <host> </dev/null | openssl x509 -noout -enddate -issuer`, and the renewal"
            + " (cert-manager Certificate status, ACME client logs).");
    checks.add(
        "Mitigate: renew, deploy and reload the certificate where it is served; then confirm"
            + " the days left went up"
            + refs.to(Kind.DAYS_LEFT)
            + ".");
    return new Playbook(
        "",
        List.of(
            "Automatic renewal failed: a failing ACME challenge, DNS, rate limits, expired"
                + " credentials.",
            "Renewed but not deployed or reloaded: the old certificate is still served.",
            "A certificate renewed by hand that nobody renewed.",
            "The probe reaches another endpoint or certificate than the one expected."),
        checks);
  }

  private static Playbook burn(Refs refs, List<String> checks) {
    checks.add(
        "Read the error ratio over each window"
            + refs.to(Kind.CURRENT)
            + " and the windows in the alert's labels: a fast burn (1h and 5m) is an ongoing"
            + " incident; a slow burn (6h, 3d) a lasting degradation.");
    checks.add(
        "Find the errors behind the SLI: the service's own error or latency alerts, and its"
            + " dashboards, by instance, route and status.");
    checks.add(
        "Fast burn: treat it as an incident, roll back or mitigate first. Slow burn: open a"
            + " ticket, find the trend, and check how much error budget is left (slo_report).");
    return new Playbook(
        "",
        List.of(
            "An ongoing incident raising the error ratio (fast burn).",
            "A lasting degradation: a slow dependency, a partial failure (slow burn).",
            "A change to the SLI's recording rules or to the traffic mix."),
        checks);
  }

  private static Playbook kubernetes(Refs refs, List<String> checks, String signals) {
    String pods = "the affected objects" + refs.to(Kind.BREAKDOWN, Kind.EXPRESSION);
    if (signals.contains("restart")
        || signals.contains("crashloop")
        || signals.contains("waiting_reason")
        || signals.contains("terminated")) {
      checks.add(
          "Find "
              + pods
              + ", then `kubectl -n <namespace> describe pod <pod>`: Last State, Reason"
              + " (OOMKilled, Error), Exit Code and Events.");
      checks.add(
          "Read the logs of the crashed container: `kubectl -n <namespace> logs <pod> -c"
              + " <container> --previous`.");
      checks.add(
          "Mitigate: roll back a recent rollout (`kubectl -n <namespace> rollout undo"
              + " deployment/<name>`), fix the missing configuration or secret, raise the memory"
              + " limit after an OOMKilled, or relax a liveness probe that kills a slow start.");
      return new Playbook(
          "",
          List.of(
              "The application exits at start: missing configuration or secret, a bad image or"
                  + " version, a dependency it cannot reach.",
              "Out of memory: the container is OOMKilled at its limit.",
              "A liveness probe that fails or is too strict, so the kubelet restarts it."),
          checks);
    }
    if (signals.contains("replicas")
        || signals.contains("deployment")
        || signals.contains("statefulset")
        || signals.contains("daemonset")
        || signals.contains("rollout")
        || signals.contains("generation")) {
      checks.add(
          "Find "
              + pods
              + ", then `kubectl -n <namespace> rollout status deployment/<name>` and `kubectl"
              + " -n <namespace> get pods` for pods Pending, not Ready or failing.");
      checks.add(
          "Read why: `kubectl -n <namespace> describe pod <pod>` and `kubectl -n <namespace>"
              + " get events --sort-by=.lastTimestamp` (scheduling, image pull, readiness).");
      checks.add(
          "Mitigate: roll back a stuck rollout, free or add capacity for Pending pods, fix the"
              + " image reference or the readiness failure.");
      return new Playbook(
          "",
          List.of(
              "Pods cannot be scheduled: not enough CPU or memory, taints, affinity, quotas.",
              "Image pull failures: a wrong tag, registry credentials.",
              "Pods that never become Ready: failing readiness probes or dependencies.",
              "A rollout stuck on its surge and unavailability settings or a disruption"
                  + " budget."),
          checks);
    }
    if (signals.contains("job")) {
      checks.add(
          "Find "
              + pods
              + ", then `kubectl -n <namespace> describe job <job>` and `kubectl -n <namespace>"
              + " logs job/<job>`.");
      checks.add(
          "Mitigate: fix the cause and run it again (`kubectl -n <namespace> create job"
              + " <job>-retry --from=cronjob/<cronjob>` for a CronJob); delete the failed Job"
              + " once handled so the alert clears.");
      return new Playbook(
          "",
          List.of(
              "The job's command failed (see its exit code and logs).",
              "It reached its backoffLimit or activeDeadlineSeconds.",
              "Image, configuration or permissions it needs are missing."),
          checks);
    }
    checks.add(
        "Find "
            + pods
            + ", then `kubectl -n <namespace> describe` the object and read `kubectl -n"
            + " <namespace> get events --sort-by=.lastTimestamp`.");
    checks.add("Mitigate according to what the events show; roll back a recent change first.");
    return new Playbook(
        "",
        List.of(
            "A recent change to the workload or its configuration.",
            "Cluster capacity or scheduling constraints.",
            "A failing node or dependency."),
        checks);
  }

  private static Playbook generic(Refs refs, List<String> checks) {
    checks.add(
        "Localise it"
            + refs.to(Kind.BREAKDOWN, Kind.SERIES, Kind.COUNTER)
            + ": which instances or series, and since when.");
    checks.add("Look for a change at the start time and roll it back if one matches.");
    return new Playbook(
        "This alert matched no category this tool recognises: the steps below are generic."
            + " Add what the owning team knows.",
        List.of(
            "A recent change (deploy, configuration, infrastructure).",
            "A failing dependency or host.",
            "Load beyond capacity."),
        checks);
  }

  /** Points at the runbook's queries by number. */
  private record Refs(List<Draft> drafts) {

    /** " (query 2)", " (queries 2 and 3)", or "" when the runbook has none of those kinds. */
    String to(Kind... kinds) {
      List<Integer> numbers = new ArrayList<>();
      for (Kind kind : kinds) {
        for (int i = 0; i < drafts.size(); i++) {
          if (drafts.get(i).kinds().contains(kind) && !numbers.contains(i + 1)) {
            numbers.add(i + 1);
          }
        }
        if (!numbers.isEmpty()) {
          break;
        }
      }
      if (numbers.isEmpty()) {
        return "";
      }
      if (numbers.size() == 1) {
        return " (query " + numbers.getFirst() + ")";
      }
      StringBuilder text = new StringBuilder(" (queries ");
      for (int i = 0; i < numbers.size(); i++) {
        text.append(i == 0 ? "" : i == numbers.size() - 1 ? " and " : ", ").append(numbers.get(i));
      }
      return text.append(')').toString();
    }
  }
}
