package dev.sremcp.domain.incident;

import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.format.Numbers;
import dev.sremcp.domain.incident.IncidentDetails.Hypothesis;
import dev.sremcp.domain.incident.IncidentDetails.Support;
import dev.sremcp.domain.incident.IncidentDetails.TimelineEntry;
import dev.sremcp.domain.incident.PostmortemDetails.ActionItem;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.Evidence;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.report.Severity;
import dev.sremcp.domain.report.Truncation;
import dev.sremcp.domain.slo.SloTarget;
import dev.sremcp.domain.slo.SloWindow;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Analyzer;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import dev.sremcp.domain.tool.ToolDescriptor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code draft_postmortem}: a blameless postmortem draft in Markdown from an incident's inputs (or
 * from a previous {@code analyze_incident} result): summary, impact with the error budget spent
 * when an SLO is given, detection, timeline, root cause and contributing factors with their
 * evidence, what went well, and action items with owners left blank.
 */
public final class PostmortemAnalyzer implements Analyzer {

  public static final String NAME = "draft_postmortem";

  private static final int TIMELINE_ROWS = 40;

  /** A change after the onset that reads as the mitigation. */
  private static final Pattern MITIGATION =
      Pattern.compile(
          "(?i)roll(ed)? ?back|revert(ed)?|disable[ds]?|turned off|restart(ed)?|scaled? (up|out)|"
              + "failover|failed over|renew(ed)?|hotfix|mitigat");

  private static final ToolDescriptor DESCRIPTOR =
      ToolDescriptor.withSchemasBeside(
          PostmortemAnalyzer.class,
          NAME,
          "Blameless postmortem draft",
          "Drafts a blameless postmortem in Markdown from an incident: give the same inputs as"
              + " analyze_incident (alerts, logs, changes, metrics) or its result as incident."
              + " Summary; impact (duration, time to detect, services, the error budget spent"
              + " when slo is given); timeline; root cause and contributing factors with their"
              + " evidence, or \"not determined\" when the evidence does not support one; what"
              + " went well; action items with owners left blank.",
          Tier.PROFESSIONAL,
          true);

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Analysis analyze(Arguments arguments, AnalysisContext context) {
    IncidentDetails incident;
    List<Change> changes;
    if (arguments.has("incident")) {
      if (arguments.has("alerts")
          || arguments.has("logs")
          || arguments.has("changes")
          || arguments.has("metrics")) {
        throw new InvalidArgumentsException(
            "give either incident (an analyze_incident result) or its inputs (alerts, logs, changes,"
                + " metrics), not both");
      }
      incident = IncidentResult.read(arguments.raw("incident").orElseThrow());
      changes = List.of();
    } else {
      IncidentInput input = IncidentInput.of(arguments);
      incident = IncidentAnalyzer.investigate(input, context).details();
      changes = input.changes();
    }
    String title =
        arguments.string("title").filter(t -> !t.isBlank()).map(String::strip).orElse(null);
    Budget budget = budget(arguments);
    return draft(incident, changes, title, budget);
  }

  /** The SLO whose budget the incident spent: its target and window, and the share failing. */
  private record Budget(double target, SloWindow window, double errorRatio, boolean assumed) {}

  private static Budget budget(Arguments arguments) {
    if (!arguments.has("slo")) {
      return null;
    }
    Arguments slo = slo(arguments);
    double target = SloTarget.percent("slo.target", slo.requiredNumber("target"));
    SloWindow window = SloWindow.parse(slo.string("window").orElse("30d"));
    double ratio = slo.number("errorRatio").orElse(-1);
    if (ratio != -1 && !(ratio > 0 && ratio <= 1)) {
      throw new InvalidArgumentsException(
          "slo.errorRatio is the share of requests that failed during the incident, above 0 and at"
              + " most 1; not "
              + ratio);
    }
    return new Budget(target, window, ratio == -1 ? 1 : ratio, ratio == -1);
  }

  private static Arguments slo(Arguments arguments) {
    Object raw = arguments.raw("slo").orElseThrow();
    if (!(raw instanceof Map<?, ?> map)) {
      throw new InvalidArgumentsException(
          "slo must be an object such as {\"target\": 99.9, \"window\": \"30d\"}");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> typed = (Map<String, Object>) map;
    return Arguments.of(typed);
  }

  private static Analysis draft(
      IncidentDetails incident, List<Change> changes, String title, Budget budget) {
    Instant onset = Times.parse(incident.onset()).orElse(null);
    Instant detected = Times.parse(incident.detectedAt()).orElse(null);
    Instant resolved = Times.parse(incident.resolvedAt()).orElse(null);
    Long duration =
        onset != null && resolved != null ? Duration.between(onset, resolved).toSeconds() : null;
    Long toDetect =
        onset != null && detected != null
            ? Math.max(0, Duration.between(onset, detected).toSeconds())
            : null;
    Double consumed = null;
    String assumption = null;
    if (budget != null && duration != null) {
      double budgetSeconds = budget.window().length().toSeconds() * (1 - budget.target() / 100);
      consumed = Numbers.round(duration * budget.errorRatio() / budgetSeconds);
      assumption =
          budget.assumed()
              ? "every request failed from onset to resolution (give slo.errorRatio for the share"
                  + " that did)"
              : Numbers.percent(budget.errorRatio(), 1)
                  + " of requests failed from onset to resolution";
    }
    List<String> services = incident.affected().services();
    PostmortemDetails.Impact impact =
        new PostmortemDetails.Impact(
            incident.onset(),
            incident.resolvedAt(),
            duration,
            toDetect,
            services,
            consumed,
            assumption);
    Hypothesis root =
        incident.abstained() || incident.hypotheses().isEmpty()
            ? null
            : incident.hypotheses().getFirst();
    List<Hypothesis> contributing =
        incident.hypotheses().stream()
            .filter(h -> h != root && h.confidence() >= 0.3)
            .limit(3)
            .toList();
    Change mitigation = mitigation(changes, onset);
    List<ActionItem> actions = actions(root, contributing, toDetect, services);
    String name =
        title != null
            ? title
            : (services.isEmpty()
                    ? "Incident"
                    : String.join(", ", services.subList(0, Math.min(2, services.size())))
                        + " incident")
                + (incident.onset() == null ? "" : " of " + incident.onset().substring(0, 10));
    String markdown =
        markdown(name, incident, impact, budget, root, contributing, mitigation, actions);
    PostmortemDetails details =
        new PostmortemDetails(name, impact, root, root == null, actions, markdown);

    List<Finding> findings = new ArrayList<>();
    if (root == null) {
      findings.add(
          Finding.rule(
              "postmortem.root-cause-undetermined",
              Severity.MEDIUM,
              "Root cause not determined from the inputs",
              incident.abstention() == null
                  ? "No cause is supported by the inputs."
                  : incident.abstention(),
              List.of(Evidence.of("incident", "abstained")),
              "Complete the root-cause section after the investigation; the draft leaves it open."));
    }
    if (toDetect != null && toDetect > 600) {
      findings.add(
          Finding.rule(
              "postmortem.slow-detection",
              Severity.MEDIUM,
              "The first alert fired "
                  + Times.span(Duration.ofSeconds(toDetect))
                  + " after the onset",
              "Symptoms began at "
                  + incident.onset()
                  + "; the first alert fired at "
                  + incident.detectedAt()
                  + ".",
              List.of(Evidence.of("alerts", "first alert " + incident.detectedAt())),
              "Alert on the symptom sooner: a burn-rate alert on the service's SLO (slo_report"
                  + " generates them) pages within minutes of a fast burn."));
    }
    if (consumed != null && consumed >= 1) {
      findings.add(
          Finding.rule(
              "postmortem.budget-exhausted",
              Severity.HIGH,
              "The incident spent " + Numbers.percent(consumed, 0) + " of the error budget",
              "Over a "
                  + budget.window().text()
                  + " window at "
                  + Numbers.plain(budget.target(), 3)
                  + "%, assuming "
                  + assumption
                  + ".",
              List.of(
                  Evidence.of(
                      "slo",
                      Numbers.plain(budget.target(), 3) + "% over " + budget.window().text())),
              null));
    }
    String summary =
        "Postmortem draft for "
            + name
            + (duration == null ? "" : ", " + Times.span(Duration.ofSeconds(duration)) + " long")
            + (root == null ? "; root cause not determined" : "; root cause: " + root.title())
            + "; "
            + actions.size()
            + " action items.";
    return new Analysis(
        summary,
        findings,
        Truncation.complete(findings.size(), 10, incident.timelineTotal()),
        details);
  }

  private static Change mitigation(List<Change> changes, Instant onset) {
    if (onset == null) {
      return null;
    }
    for (Change change : changes) {
      if (change.at().isAfter(onset) && MITIGATION.matcher(change.description()).find()) {
        return change;
      }
    }
    return null;
  }

  private static List<ActionItem> actions(
      Hypothesis root, List<Hypothesis> contributing, Long toDetect, List<String> services) {
    String service = services.isEmpty() ? "the affected service" : services.getFirst();
    List<ActionItem> actions = new ArrayList<>();
    List<Hypothesis> causes = new ArrayList<>();
    if (root != null) {
      causes.add(root);
    }
    causes.addAll(contributing);
    for (Hypothesis cause : causes) {
      String priority = cause == root ? "high" : "medium";
      switch (Cause.fromId(cause.cause())) {
        case BAD_DEPLOY -> {
          actions.add(
              new ActionItem(
                  "Add a test that reproduces the failure of this release of " + service,
                  "prevent",
                  priority,
                  ""));
          actions.add(
              new ActionItem(
                  "Roll out "
                      + service
                      + " by canary, with an automatic rollback on its error-rate SLO",
                  "mitigate",
                  priority,
                  ""));
        }
        case CONFIG_CHANGE -> {
          actions.add(
              new ActionItem(
                  "Validate this configuration in CI or staging before it reaches production (schema, limits, a smoke test)",
                  "prevent",
                  priority,
                  ""));
          actions.add(
              new ActionItem(
                  "Roll configuration out progressively, with the previous version one command away",
                  "mitigate",
                  priority,
                  ""));
        }
        case FEATURE_FLAG -> {
          actions.add(
              new ActionItem(
                  "Ramp flags by percentage with a kill switch tied to the error rate",
                  "mitigate",
                  priority,
                  ""));
          actions.add(
              new ActionItem(
                  "Test the flag's on-path before enabling it for everyone",
                  "prevent",
                  priority,
                  ""));
        }
        case DEPENDENCY_OUTAGE -> {
          actions.add(
              new ActionItem(
                  "Give calls to the dependency timeouts, retries with backoff and jitter, and a circuit breaker",
                  "mitigate",
                  priority,
                  ""));
          actions.add(
              new ActionItem(
                  "Alert on the dependency's health separately from "
                      + service
                      + "'s, and agree its SLO with its owner",
                  "detect",
                  priority,
                  ""));
        }
        case RESOURCE_SATURATION -> {
          actions.add(
              new ActionItem(
                  "Alert on the resource before it runs out (utilisation, or predict_linear on its headroom)",
                  "detect",
                  priority,
                  ""));
          actions.add(
              new ActionItem(
                  "Size " + service + " for its peak, or autoscale on the saturating resource",
                  "prevent",
                  priority,
                  ""));
        }
        case CERTIFICATE_EXPIRY -> {
          actions.add(
              new ActionItem(
                  "Automate certificate renewal (ACME or the issuer's API), with renewal ahead of 30 days",
                  "prevent",
                  priority,
                  ""));
          actions.add(
              new ActionItem(
                  "Alert 21 days before expiry on probe_ssl_earliest_cert_expiry - time()",
                  "detect",
                  priority,
                  ""));
        }
        case DNS_FAILURE -> {
          actions.add(
              new ActionItem(
                  "Alert on DNS lookup failures (SERVFAIL, NXDOMAIN, timeouts) of the names "
                      + service
                      + " depends on",
                  "detect",
                  priority,
                  ""));
          actions.add(
              new ActionItem(
                  "Make resolution resilient: several resolvers, a local cache, sane TTLs",
                  "prevent",
                  priority,
                  ""));
        }
        case NOISY_NEIGHBOUR -> {
          actions.add(
              new ActionItem(
                  "Set requests and limits, or isolate "
                      + service
                      + " from the workload it shares the resource with",
                  "prevent",
                  priority,
                  ""));
          actions.add(
              new ActionItem(
                  "Alert on contention (CPU steal, throttling, I/O wait) on the shared hosts",
                  "detect",
                  priority,
                  ""));
        }
        case TRAFFIC_SURGE -> {
          actions.add(
              new ActionItem(
                  "Rate-limit and shed load by priority at the edge", "mitigate", priority, ""));
          actions.add(
              new ActionItem(
                  "Autoscale " + service + " on request rate, and load-test to the observed peak",
                  "prevent",
                  priority,
                  ""));
        }
      }
    }
    if (root == null) {
      actions.add(
          new ActionItem(
              "Finish the investigation and record the root cause", "investigate", "high", ""));
      actions.add(
          new ActionItem(
              "Keep the changes (deploys, config, flags) and dependency health of "
                  + service
                  + " where an investigation can read them",
              "detect",
              "medium",
              ""));
    }
    if (toDetect != null && toDetect > 600) {
      actions.add(
          new ActionItem(
              "Page on "
                  + service
                  + "'s SLO burn rate so that detection takes minutes, not "
                  + Times.span(Duration.ofSeconds(toDetect)),
              "detect",
              "high",
              ""));
    }
    return actions;
  }

  private static String markdown(
      String name,
      IncidentDetails incident,
      PostmortemDetails.Impact impact,
      Budget budget,
      Hypothesis root,
      List<Hypothesis> contributing,
      Change mitigation,
      List<ActionItem> actions) {
    StringBuilder md = new StringBuilder();
    String services =
        impact.services().isEmpty() ? "_services to fill_" : String.join(", ", impact.services());
    md.append("# Postmortem: ").append(name).append("\n\n");
    md.append(
        "Status: **draft**. Blameless: it describes what happened and what the system allowed,"
            + " not who did what.\n\n");

    md.append("## Summary\n\n");
    if (incident.onset() == null) {
      md.append("No onset could be found in the inputs. _Describe what users saw._\n\n");
    } else {
      md.append("From ").append(incident.onset());
      md.append(impact.end() == null ? " (not resolved in the inputs)" : " to " + impact.end());
      if (impact.durationSeconds() != null) {
        md.append(", ").append(Times.span(Duration.ofSeconds(impact.durationSeconds())));
      }
      md.append(", ")
          .append(services)
          .append(" ")
          .append(impact.services().size() == 1 ? "was" : "were")
          .append(" impaired. ");
      md.append(
          root == null
              ? "The evidence does not support a root cause yet."
              : "The most likely cause: "
                  + root.title()
                  + " (confidence "
                  + Numbers.plain(root.confidence(), 2)
                  + ").");
      md.append("\n\n");
    }

    md.append("## Impact\n\n");
    md.append("- Services: ").append(services).append('\n');
    md.append("- Start (onset): ").append(orFill(impact.start())).append('\n');
    md.append("- End (resolved): ").append(orFill(impact.end())).append('\n');
    md.append("- Duration: ")
        .append(
            impact.durationSeconds() == null
                ? "_to fill_"
                : Times.span(Duration.ofSeconds(impact.durationSeconds())))
        .append('\n');
    if (budget != null) {
      md.append("- Error budget: ");
      if (impact.errorBudgetConsumed() == null) {
        md.append("_unknown without an end time_");
      } else {
        md.append(Numbers.percent(impact.errorBudgetConsumed(), 1))
            .append(" of the ")
            .append(budget.window().text())
            .append(" budget of a ")
            .append(Numbers.plain(budget.target(), 3))
            .append("% SLO, assuming ")
            .append(impact.budgetAssumption());
      }
      md.append('\n');
    }
    md.append("- Users and requests affected: _to fill_\n\n");

    md.append("## Detection\n\n");
    if (impact.timeToDetectSeconds() == null) {
      md.append("_No alert in the inputs: say how the incident was noticed._\n\n");
    } else {
      md.append("The first alert fired at ")
          .append(incident.detectedAt())
          .append(", ")
          .append(Times.span(Duration.ofSeconds(impact.timeToDetectSeconds())))
          .append(" after the onset.\n\n");
    }

    md.append("## Timeline (UTC)\n\n| time | what | source |\n|---|---|---|\n");
    int rows = 0;
    for (TimelineEntry entry : incident.timeline()) {
      if (rows++ == TIMELINE_ROWS) {
        md.append("| … | ")
            .append(incident.timelineTotal() - TIMELINE_ROWS)
            .append(" more events | |\n");
        break;
      }
      md.append("| ")
          .append(entry.time())
          .append(" | ")
          .append(entry.service() == null ? "" : "[" + cell(entry.service()) + "] ")
          .append(cell(entry.text()))
          .append(" | ")
          .append(entry.kind())
          .append(" |\n");
    }
    md.append('\n');

    md.append("## Root cause and contributing factors\n\n");
    if (root == null) {
      md.append("**Not determined from the inputs.** ")
          .append(incident.abstention() == null ? "" : incident.abstention() + ". ")
          .append("_Complete after the investigation._\n\n");
    } else {
      md.append("### ")
          .append(root.title())
          .append("\n\n")
          .append("Cause `")
          .append(root.cause())
          .append("`, confidence ")
          .append(Numbers.plain(root.confidence(), 2))
          .append(" (from the evidence below; confirm it in review).\n\n");
      evidence(md, root);
    }
    if (!contributing.isEmpty()) {
      md.append("Contributing factors, or alternatives to rule out:\n\n");
      for (Hypothesis h : contributing) {
        md.append("- ")
            .append(h.title())
            .append(" (`")
            .append(h.cause())
            .append("`, ")
            .append(Numbers.plain(h.confidence(), 2))
            .append(")\n");
      }
      md.append('\n');
    }

    md.append("## What went well\n\n");
    boolean any = false;
    if (impact.timeToDetectSeconds() != null && impact.timeToDetectSeconds() <= 600) {
      md.append("- Alerting caught it within ")
          .append(Times.span(Duration.ofSeconds(impact.timeToDetectSeconds())))
          .append(" of the onset.\n");
      any = true;
    }
    if (mitigation != null) {
      md.append("- Mitigated at ")
          .append(Investigation.text(mitigation.at()))
          .append(": ")
          .append(mitigation.description())
          .append('\n');
      any = true;
    }
    if (!any) {
      md.append("- _to fill_\n");
    }
    md.append("\n## What went poorly\n\n");
    if (impact.timeToDetectSeconds() != null && impact.timeToDetectSeconds() > 600) {
      md.append("- Detection took ")
          .append(Times.span(Duration.ofSeconds(impact.timeToDetectSeconds())))
          .append(".\n");
    } else {
      md.append("- _to fill_\n");
    }

    md.append("\n## Action items\n\n| action | kind | priority | owner |\n|---|---|---|---|\n");
    for (ActionItem item : actions) {
      md.append("| ")
          .append(cell(item.action()))
          .append(" | ")
          .append(item.kind())
          .append(" | ")
          .append(item.priority())
          .append(" |  |\n");
    }
    return md.toString();
  }

  private static void evidence(StringBuilder md, Hypothesis hypothesis) {
    for (Support s : hypothesis.evidence()) {
      md.append("- ")
          .append(s.kind())
          .append(s.time() == null ? "" : " at " + s.time())
          .append(": ")
          .append(s.text())
          .append(s.ref() == null ? "" : " (" + s.ref() + ")")
          .append('\n');
    }
    md.append('\n');
  }

  private static String orFill(String value) {
    return value == null ? "_to fill_" : value;
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
