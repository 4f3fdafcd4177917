package dev.sremcp.domain.incident;

import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.format.Numbers;
import dev.sremcp.domain.incident.IncidentDetails.Hypothesis;
import dev.sremcp.domain.incident.IncidentDetails.Support;
import dev.sremcp.domain.logs.LogsAnalyzer;
import dev.sremcp.domain.logs.LogsDetails;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.Evidence;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.report.Severity;
import dev.sremcp.domain.report.Truncation;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Analyzer;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import dev.sremcp.domain.tool.ToolDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code analyze_incident}: alerts, logs, changes and metrics merged into one timeline, the onset,
 * the signals around it, and causes ranked by their evidence, or an explicit abstention when
 * nothing supports one. Works on what the caller sends; reaches nothing.
 */
public final class IncidentAnalyzer implements Analyzer {

  public static final String NAME = "analyze_incident";

  /** Templates the log part keeps: enough to find what is new around the onset. */
  private static final int LOG_TEMPLATES = 200;

  private static final int MAX_FINDINGS = 50;

  private static final ToolDescriptor DESCRIPTOR =
      ToolDescriptor.withSchemasBeside(
          IncidentAnalyzer.class,
          NAME,
          "Incident analysis: timeline, onset, ranked causes",
          "From what you send about an incident (alert payloads of Alertmanager, PagerDuty or"
              + " Opsgenie; logs; changes such as deploys, config changes and feature flags;"
              + " Prometheus query_range results), builds one timeline, finds the onset and the"
              + " signals around it (a change shortly before, errors that appear or spike,"
              + " saturation, surges, expired certificates, DNS failures), and ranks the causes"
              + " they support, each with its evidence and a confidence. Says \"insufficient"
              + " evidence\" (abstained: true) when nothing supports a cause. Reaches no system.",
          Tier.PROFESSIONAL,
          true);

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Analysis analyze(Arguments arguments, AnalysisContext context) {
    IncidentInput input = IncidentInput.of(arguments);
    return analysis(investigate(input, context));
  }

  /** The investigation of an incident's inputs, for this tool and for the postmortem. */
  static Investigation.Result investigate(IncidentInput input, AnalysisContext context) {
    context.checkCancelled();
    LogsDetails logs = null;
    if (input.logs() != null) {
      try {
        logs =
            (LogsDetails)
                new LogsAnalyzer()
                    .analyze(
                        Arguments.of(Map.of("content", input.logs(), "limit", LOG_TEMPLATES)),
                        context)
                    .details();
      } catch (InvalidArgumentsException e) {
        throw new InvalidArgumentsException("logs: " + e.getMessage().replace("content ", ""));
      }
    }
    context.checkCancelled();
    return Investigation.run(input, logs);
  }

  static Analysis analysis(Investigation.Result result) {
    IncidentDetails details = result.details();
    List<Finding> findings = new ArrayList<>();
    if (details.onset() != null) {
      findings.add(
          Finding.rule(
              "incident.onset",
              Severity.INFO,
              "Onset at " + details.onset(),
              "The symptoms begin at "
                  + details.onset()
                  + (details.detectedAt() == null
                      ? ""
                      : "; the first alert fired at " + details.detectedAt())
                  + ".",
              List.of(Evidence.of("timeline", "onset " + details.onset())),
              null));
    }
    for (Investigation.Signal signal : result.signals()) {
      if (findings.size() >= MAX_FINDINGS - 1) {
        break;
      }
      findings.add(
          Finding.rule(
              signal.ruleId(),
              signal.severity(),
              signal.title(),
              signal.message(),
              List.of(evidence(signal.evidence())),
              null));
    }
    if (details.abstained()) {
      findings.add(
          Finding.rule(
              "incident.insufficient-evidence",
              Severity.INFO,
              "Insufficient evidence to name a cause",
              details.abstention(),
              List.of(Evidence.of("hypotheses", details.hypotheses().size() + " considered")),
              "Add what the analysis lacked: the changes (deploys, config, flags) of the affected"
                  + " services and their dependencies, their logs around the onset, and saturation"
                  + " metrics (CPU, memory, connections, disk)."));
    }
    String summary = summary(details);
    return new Analysis(
        summary,
        findings,
        Truncation.complete(findings.size(), MAX_FINDINGS, scanned(details)),
        details);
  }

  private static Evidence evidence(Support support) {
    String ref = support.ref() == null ? "incident" : support.ref();
    if (ref.startsWith("logs:")) {
      try {
        int line = Integer.parseInt(ref.substring(5));
        if (line >= 1) {
          return Evidence.atLine("logs", line, support.text());
        }
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    return Evidence.of(ref, (support.time() == null ? "" : support.time() + " ") + support.text());
  }

  private static long scanned(IncidentDetails details) {
    IncidentDetails.Inputs inputs = details.inputs();
    return inputs.alerts() + inputs.changes() + inputs.series() + inputs.logLines();
  }

  private static String summary(IncidentDetails details) {
    String onset =
        details.onset() == null
            ? "No onset found"
            : "Onset "
                + details.onset()
                + (details.affected().services().isEmpty()
                    ? ""
                    : " on "
                        + String.join(
                            ", ",
                            details
                                .affected()
                                .services()
                                .subList(0, Math.min(3, details.affected().services().size()))));
    if (details.abstained()) {
      return onset + ". Insufficient evidence to name a cause.";
    }
    Hypothesis best = details.hypotheses().getFirst();
    return onset
        + ". Most likely: "
        + best.title()
        + " ("
        + best.cause()
        + ", confidence "
        + Numbers.plain(best.confidence(), 2)
        + ")"
        + (details.hypotheses().size() > 1
            ? "; " + (details.hypotheses().size() - 1) + " other hypotheses"
            : "")
        + ".";
  }
}
