package dev.sremcp.domain.runbook;

import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.alerts.AlertRules;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.Evidence;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.report.Severity;
import dev.sremcp.domain.report.Truncation;
import dev.sremcp.domain.review.ReviewInput;
import dev.sremcp.domain.review.SourceFile;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Analyzer;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import dev.sremcp.domain.tool.ToolDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code generate_runbook}: a Markdown runbook for each alerting rule of Prometheus rule files:
 * what the alert means, the queries to run, likely causes, what to check first and how to escalate.
 * The deterministic part of an explainable tool: a model may add steps later.
 */
public final class RunbookAnalyzer implements Analyzer {

  public static final String NAME = "generate_runbook";

  /** The most runbooks one call writes. */
  public static final int MAX_RUNBOOKS = 500;

  /** The most characters of runbook sections one call writes. */
  static final int MAX_MARKDOWN_CHARS = 4_000_000;

  /** The most findings a result carries. */
  static final int MAX_FINDINGS = 1_000;

  static final String MISSING_URL = "runbook.missing-url";

  private static final int MAX_ALERT_NAMES = 500;
  private static final Pattern BASE_URL = Pattern.compile("https?://[^\\s#`\"'<>]+");

  private static final ToolDescriptor DESCRIPTOR =
      ToolDescriptor.withSchemasBeside(
          RunbookAnalyzer.class,
          NAME,
          "Generate runbooks for Prometheus alerts",
          "Writes a Markdown runbook for each alerting rule of Prometheus rule files (or"
              + " PrometheusRule objects): what the alert means, derived from its PromQL, for,"
              + " labels and annotations; PromQL queries to run (the current value without the"
              + " threshold, a breakdown, the raw counters, ALERTS); likely causes and what to"
              + " check first by category (errors, latency, saturation, availability,"
              + " certificates, error-budget burn, Kubernetes, fill prediction); and escalation"
              + " by severity. With baseUrl, the runbook_url of each; alerts limits the output.",
          Tier.PROFESSIONAL,
          true);

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Analysis analyze(Arguments arguments, AnalysisContext context) {
    ReviewInput input = ReviewInput.of(arguments, "rules.yml", List.of());
    String baseUrl = baseUrl(arguments);
    Set<String> wanted = wanted(arguments);
    List<Finding> refusals = new ArrayList<>();
    List<AlertRule> rules = new ArrayList<>();
    Set<String> broken = new LinkedHashSet<>();
    for (SourceFile file : input.files()) {
      context.checkCancelled();
      List<Finding> found = AlertRules.refusals(file);
      if (!found.isEmpty()) {
        broken.add(file.name());
        refusals.addAll(found);
      }
      rules.addAll(RuleFiles.alerts(file));
    }
    if (rules.isEmpty() && refusals.isEmpty()) {
      throw new InvalidArgumentsException(
          "the rule files hold no alerting rules (alert: with expr:); generate_runbook writes"
              + " runbooks for alerting rules, and recording rules have none");
    }
    Set<String> names = new LinkedHashSet<>();
    rules.forEach(rule -> names.add(rule.name()));
    List<String> unknown =
        wanted == null ? List.of() : wanted.stream().filter(n -> !names.contains(n)).toList();
    if (!unknown.isEmpty() && broken.isEmpty()) {
      throw new InvalidArgumentsException(
          "alerts names "
              + quoted(unknown)
              + (unknown.size() == 1
                  ? ", which is not an alerting rule"
                  : ", which are not alerting rules")
              + " of the files; they hold "
              + quoted(names.stream().limit(20).toList())
              + (names.size() > 20 ? " and " + (names.size() - 20) + " more" : ""));
    }
    List<String> anchors = Anchors.of(rules);
    List<RunbookDetails.Runbook> runbooks = new ArrayList<>();
    List<Finding> findings = new ArrayList<>(refusals);
    int selected = 0;
    long chars = 0;
    for (int i = 0; i < rules.size(); i++) {
      AlertRule rule = rules.get(i);
      if (wanted != null && !wanted.contains(rule.name())) {
        continue;
      }
      selected++;
      if (runbooks.size() >= MAX_RUNBOOKS || chars >= MAX_MARKDOWN_CHARS) {
        continue;
      }
      context.checkCancelled();
      String anchor = anchors.get(i);
      String url = baseUrl == null ? null : baseUrl + "#" + anchor;
      RunbookDetails.Runbook runbook = runbook(rule, anchor, url);
      chars += runbook.markdown().length();
      runbooks.add(runbook);
      if (rule.linkedRunbook() == null) {
        findings.add(missingUrl(input, rule, anchor, url));
      }
    }
    int missing = (int) findings.stream().filter(f -> f.ruleId().equals(MISSING_URL)).count();
    boolean truncated = runbooks.size() < selected || findings.size() > MAX_FINDINGS;
    List<Finding> returned = findings.subList(0, Math.min(MAX_FINDINGS, findings.size()));
    String source =
        input.files().size() == 1
            ? input.files().getFirst().name()
            : input.files().size() + " rule files";
    String summary = summary(runbooks, source, selected, missing, broken, unknown);
    String note =
        runbooks.size() < selected
            ? "Only the first "
                + runbooks.size()
                + " of "
                + selected
                + " alerts have a runbook here; call again with `alerts` naming the others."
            : "";
    RunbookDetails details =
        new RunbookDetails(runbooks, RunbookWriter.document(runbooks, source, note));
    Truncation truncation =
        new Truncation(returned.size(), MAX_FINDINGS, truncated, input.lines(), null);
    return new Analysis(summary, returned, truncation, details);
  }

  private static RunbookDetails.Runbook runbook(AlertRule rule, String anchor, String url) {
    Shape shape = new Shape(rule.query());
    Category category = Category.of(rule.name(), shape);
    List<Queries.Draft> drafts = Queries.of(rule, shape, category);
    String markdown = RunbookWriter.section(rule, shape, category, drafts, anchor, url);
    return new RunbookDetails.Runbook(
        rule.name(),
        rule.group(),
        rule.file(),
        rule.line(),
        rule.severity(),
        category.id(),
        anchor,
        url,
        rule.expression(),
        rule.forDuration(),
        drafts.stream().map(d -> new RunbookDetails.Query(d.purpose(), d.query())).toList(),
        markdown);
  }

  private static Finding missingUrl(ReviewInput input, AlertRule rule, String anchor, String url) {
    SourceFile file =
        input.files().stream().filter(f -> f.name().equals(rule.file())).findFirst().orElseThrow();
    String fix =
        url != null
            ? "Add to the rule:\n  annotations:\n    runbook_url: " + url
            : "Publish this runbook (section #"
                + anchor
                + ") and add to the rule:\n  annotations:\n    runbook_url: https://<where the"
                + " runbooks are published>#"
                + anchor
                + "\n(call again with baseUrl to get the full URL)";
    return Finding.rule(
        MISSING_URL,
        Severity.LOW,
        "Alert without a runbook_url",
        "alert " + rule.name() + " has no runbook_url: the person paged gets no link to steps",
        List.of(Evidence.atLine(file.name(), rule.line(), file.excerpt(rule.line()))),
        fix);
  }

  private static String summary(
      List<RunbookDetails.Runbook> runbooks,
      String source,
      int selected,
      int missing,
      Set<String> broken,
      List<String> unknown) {
    StringBuilder text = new StringBuilder();
    if (runbooks.isEmpty()) {
      text.append("No runbook: ")
          .append(String.join(", ", broken))
          .append(broken.size() == 1 ? " does" : " do")
          .append(" not load (see the findings); fix the error and call again");
    } else {
      Set<String> names = new LinkedHashSet<>();
      runbooks.forEach(r -> names.add(r.alert()));
      text.append(runbooks.size())
          .append(runbooks.size() == 1 ? " runbook" : " runbooks")
          .append(" from ")
          .append(source)
          .append(", for ")
          .append(String.join(", ", names.stream().limit(10).toList()));
      if (names.size() > 10) {
        text.append(" and ").append(names.size() - 10).append(" more");
      }
      if (runbooks.size() < selected) {
        text.append("; the first ")
            .append(runbooks.size())
            .append(" of ")
            .append(selected)
            .append(" alerts (name the others in alerts)");
      }
      if (missing > 0) {
        text.append("; ")
            .append(missing)
            .append(missing == 1 ? " alert lacks" : " alerts lack")
            .append(" a runbook_url");
      }
      if (!broken.isEmpty()) {
        text.append("; ")
            .append(String.join(", ", broken))
            .append(broken.size() == 1 ? " does" : " do")
            .append(" not load (see the findings)");
      }
    }
    if (!unknown.isEmpty()) {
      text.append("; not found: ").append(String.join(", ", unknown));
    }
    return text.append('.').toString();
  }

  private static String baseUrl(Arguments arguments) {
    String text = arguments.string("baseUrl").map(String::strip).orElse(null);
    if (text == null) {
      return null;
    }
    if (text.length() > 2_000 || !BASE_URL.matcher(text).matches()) {
      throw new InvalidArgumentsException(
          "baseUrl must be an http(s) URL without a #fragment, such as"
              + " https://runbooks.example.com/checkout; not '"
              + (text.length() > 100 ? text.substring(0, 100) + "…" : text)
              + "'");
    }
    return text;
  }

  private static Set<String> wanted(Arguments arguments) {
    if (!arguments.has("alerts")) {
      return null;
    }
    List<String> alerts = arguments.strings("alerts");
    if (alerts.isEmpty() || alerts.size() > MAX_ALERT_NAMES) {
      throw new InvalidArgumentsException(
          "alerts holds "
              + alerts.size()
              + " names; give 1 to "
              + MAX_ALERT_NAMES
              + ", or leave it out for every alert");
    }
    Set<String> wanted = new LinkedHashSet<>();
    for (String alert : alerts) {
      if (alert.isBlank()) {
        throw new InvalidArgumentsException("alerts holds an empty name");
      }
      wanted.add(alert.strip());
    }
    return wanted;
  }

  private static String quoted(List<String> names) {
    return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
  }
}
