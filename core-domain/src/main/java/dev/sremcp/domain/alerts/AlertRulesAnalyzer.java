package dev.sremcp.domain.alerts;

import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.promql.PromQl;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.review.ReviewDetails;
import dev.sremcp.domain.review.ReviewInput;
import dev.sremcp.domain.review.ReviewReport;
import dev.sremcp.domain.review.SourceFile;
import dev.sremcp.domain.slo.SloTarget;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Analyzer;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import dev.sremcp.domain.tool.ToolDescriptor;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code review_alert_rules}: Prometheus rule files checked as {@code promtool check rules} does,
 * then for the practices pint checks, then against an SLO when the call gives one.
 */
public final class AlertRulesAnalyzer implements Analyzer {

  public static final String NAME = "review_alert_rules";

  private static final ToolDescriptor DESCRIPTOR =
      ReviewReport.descriptor(
          AlertRulesAnalyzer.class,
          NAME,
          "Review Prometheus alert rules",
          "Reviews Prometheus rule files (or PrometheusRule objects): what promtool check rules"
              + " refuses (YAML, structure, PromQL syntax and types with line and column,"
              + " templates), then alerts without for, severity, summary or runbook_url, rates"
              + " over too-short ranges, absent() traps, alerts without a condition, $value in"
              + " labels, duplicates; with slo, burn-rate alerts that use another objective or"
              + " lack a fast-burn page.",
          Tier.STARTER);

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Analysis analyze(Arguments arguments, AnalysisContext context) {
    ReviewInput input = ReviewInput.of(arguments, "rules.yml", AlertRules.ALL);
    AlertRulesReview.Settings settings =
        new AlertRulesReview.Settings(scrapeInterval(arguments), objective(arguments));
    ReviewReport report = new ReviewReport(input, arguments);
    List<ReviewDetails.ReviewedFile> files = new ArrayList<>();
    for (SourceFile file : input.files()) {
      context.checkCancelled();
      int rules = AlertRulesReview.review(file, settings, report::add);
      files.add(
          new ReviewDetails.ReviewedFile(
              file.name(), file.lines(), Math.max(0, rules), rules >= 0));
    }
    return report.analysis(files, "rule files", AlertRules.ALL);
  }

  private static Duration scrapeInterval(Arguments arguments) {
    String text = arguments.string("scrapeInterval").orElse("1m");
    Duration interval = PromQl.parseDuration(text).orElse(null);
    if (interval == null || interval.isZero()) {
      throw new InvalidArgumentsException(
          "scrapeInterval must be a Prometheus duration such as 30s or 1m, not '" + text + "'");
    }
    return interval;
  }

  private static Double objective(Arguments arguments) {
    Object raw = arguments.raw("slo").orElse(null);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof Map<?, ?> map) || !(map.get("target") instanceof Number number)) {
      throw new InvalidArgumentsException("slo must be an object such as {\"target\": 99.9}");
    }
    if (!Double.isFinite(number.doubleValue())) {
      throw new InvalidArgumentsException("slo.target must be a finite number, e.g. 99.9");
    }
    return SloTarget.percent("slo.target", new BigDecimal(number.toString())).doubleValue() / 100;
  }
}
