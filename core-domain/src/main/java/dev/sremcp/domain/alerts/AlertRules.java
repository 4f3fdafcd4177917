package dev.sremcp.domain.alerts;

import static dev.sremcp.domain.report.Severity.HIGH;
import static dev.sremcp.domain.report.Severity.INFO;
import static dev.sremcp.domain.report.Severity.LOW;
import static dev.sremcp.domain.report.Severity.MEDIUM;

import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.review.Rule;
import dev.sremcp.domain.review.SourceFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The rules of {@code review_alert_rules}, with the promtool errors and pint checks they cover. */
public final class AlertRules {

  static final Rule INVALID =
      Rule.of(
          "alerts.invalid-rule-file",
          HIGH,
          "Rule file Prometheus refuses",
          "promtool check rules fails and Prometheus does not load the file: every rule in it is"
              + " off, not only the broken one.",
          "Fix the error at the line given; promtool check rules shows the same.",
          "promtool:yaml",
          "promtool:group-name",
          "promtool:duplicate-group",
          "promtool:record-or-alert",
          "promtool:expr",
          "promtool:recording-fields",
          "promtool:label-names",
          "promtool:metric-name",
          "promtool:durations",
          "pint:yaml/parse",
          "pint:promql/syntax",
          "pint:alerts/for");
  static final Rule TEMPLATE =
      Rule.of(
          "alerts.template-error",
          HIGH,
          "Template that does not parse",
          "Prometheus refuses labels and annotations whose Go template does not parse.",
          "Balance the {{ }} actions and end every if, range and with.",
          "promtool:templates",
          "pint:alerts/template");
  static final Rule MISSING_FOR =
      Rule.of(
          "alerts.missing-for",
          MEDIUM,
          "Alert without for",
          "Without for, one bad evaluation pages someone: a scrape hiccup, a restart, a slow"
              + " query.",
          "Add for: (e.g. 5m) long enough to ride out a blip, short enough for the urgency.",
          "pint:rule/for");
  static final Rule MISSING_SEVERITY =
      Rule.of(
          "alerts.missing-severity",
          MEDIUM,
          "Alert without a severity label",
          "Alertmanager routes on severity; without it the alert takes the default route, which"
              + " usually pages nobody or everybody.",
          "Add labels: {severity: critical|warning|info}.",
          "pint:rule/label");
  static final Rule MISSING_SUMMARY =
      Rule.of(
          "alerts.missing-summary",
          LOW,
          "Alert without a summary or description",
          "The person paged reads the annotations first; without them they start from the"
              + " expression.",
          "Add annotations: summary (one line, with labels) and description.",
          "pint:alerts/annotation");
  static final Rule MISSING_RUNBOOK =
      Rule.of(
          "alerts.missing-runbook",
          LOW,
          "Alert without a runbook_url",
          "A runbook link turns a page into steps; without it the responder improvises.",
          "Add annotations: {runbook_url: https://...}; generate_runbook drafts one.",
          "pint:alerts/annotation");
  static final Rule SHORT_RANGE =
      Rule.of(
          "alerts.short-rate-range",
          MEDIUM,
          "Rate over too short a range",
          "rate() and friends need two samples in the range: a range under twice the scrape"
              + " interval returns nothing after one missed scrape, and the alert flaps.",
          "Use a range of at least four scrape intervals (argument scrapeInterval, default 1m).",
          "pint:promql/rate");
  static final Rule ABSENT =
      Rule.of(
          "alerts.absent-trap",
          MEDIUM,
          "absent() that cannot work as meant",
          "absent() returns a series only with the labels of equality matchers: over an"
              + " aggregation or a function it fires whenever the inner result is empty, and with"
              + " regex matchers its alert carries no labels to route on.",
          "Use absent(metric{job=\"x\"}) with equality matchers, or absent_over_time for gaps.");
  static final Rule NO_COMPARISON =
      Rule.of(
          "alerts.no-comparison",
          MEDIUM,
          "Alert expression without a condition",
          "An expression without a comparison fires for every series it returns: the alert is"
              + " always on.",
          "Compare against a threshold, e.g. ... > 0.05.",
          "pint:alerts/comparison");
  static final Rule VALUE_IN_LABEL =
      Rule.of(
          "alerts.value-in-label",
          MEDIUM,
          "Alert label uses $value",
          "A label that changes with each evaluation makes each evaluation a new alert: it never"
              + " reaches for, or it resends notifications.",
          "Move $value into an annotation.",
          "pint:alerts/template");
  static final Rule DUPLICATE_RULE =
      Rule.of(
          "alerts.duplicate-rule",
          LOW,
          "Rule defined twice",
          "Two rules with the same name, expression and labels double the load and the"
              + " notifications.",
          "Remove one of them.",
          "promtool:duplicate-rules",
          "pint:rule/duplicate");
  static final Rule RECORD_NAME =
      Rule.of(
          "alerts.recording-rule-name",
          INFO,
          "Recording rule not named level:metric:operations",
          "The convention tells readers what was aggregated and how without reading the"
              + " expression.",
          "Name it like job:http_requests:rate5m.",
          "pint:rule/name");
  static final Rule SLO_OBJECTIVE =
      Rule.of(
          "alerts.slo-objective-mismatch",
          HIGH,
          "Alert uses a different objective than the SLO",
          "A burn-rate alert built on another objective pages too early or too late for the SLO"
              + " you committed to.",
          "Use (1 - objective) from the SLO in the threshold; slo_report generates matching"
              + " rules.");
  static final Rule SLO_BURN =
      Rule.of(
          "alerts.slo-burn-below-one",
          MEDIUM,
          "Burn-rate alert fires while the SLO is met",
          "A burn-rate threshold under 1 fires while the error budget lasts the window: it pages"
              + " for an SLO that is being met.",
          "Use the multi-window thresholds: 14.4 and 6 to page, 3 and 1 to ticket.");
  static final Rule SLO_FAST_BURN =
      Rule.of(
          "alerts.slo-missing-fast-burn",
          MEDIUM,
          "No fast-burn alert for the SLO",
          "Without a fast-burn page (burn rate about 14.4 over 1h and 5m) an outage burns 2 % of"
              + " the month's budget per hour before anything pages.",
          "Add the multi-window, multi-burn-rate alerts; slo_report generates them.");

  /** Every rule, in the order the documentation lists them. */
  public static final List<Rule> ALL =
      List.of(
          INVALID,
          TEMPLATE,
          MISSING_FOR,
          MISSING_SEVERITY,
          MISSING_SUMMARY,
          MISSING_RUNBOOK,
          SHORT_RANGE,
          ABSENT,
          NO_COMPARISON,
          VALUE_IN_LABEL,
          DUPLICATE_RULE,
          RECORD_NAME,
          SLO_OBJECTIVE,
          SLO_BURN,
          SLO_FAST_BURN);

  private AlertRules() {}

  /**
   * The findings for which Prometheus refuses to load a rule file ({@code
   * alerts.invalid-rule-file}, {@code alerts.template-error}), each naming its line; empty when the
   * file loads. For tools that read rule files without reviewing them, such as {@code
   * generate_runbook}.
   *
   * @throws dev.sremcp.domain.tool.InvalidArgumentsException when the YAML or an expression goes
   *     past a parser limit
   */
  public static List<Finding> refusals(SourceFile file) {
    List<Finding> refusals = new ArrayList<>();
    AlertRulesReview.review(
        file,
        new AlertRulesReview.Settings(Duration.ofMinutes(1), null),
        finding -> {
          if (finding.ruleId().equals(INVALID.id()) || finding.ruleId().equals(TEMPLATE.id())) {
            refusals.add(finding);
          }
        });
    return refusals.stream().distinct().toList();
  }
}
