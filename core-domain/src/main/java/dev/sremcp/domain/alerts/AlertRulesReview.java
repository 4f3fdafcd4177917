package dev.sremcp.domain.alerts;

import static dev.sremcp.domain.alerts.AlertRules.*;

import dev.sremcp.domain.promql.Aggregate;
import dev.sremcp.domain.promql.Binary;
import dev.sremcp.domain.promql.Call;
import dev.sremcp.domain.promql.Expr;
import dev.sremcp.domain.promql.LabelMatcher;
import dev.sremcp.domain.promql.MatrixSelector;
import dev.sremcp.domain.promql.NumberLiteral;
import dev.sremcp.domain.promql.Paren;
import dev.sremcp.domain.promql.PromQl;
import dev.sremcp.domain.promql.PromQlSyntaxException;
import dev.sremcp.domain.promql.VectorSelector;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.review.Rule;
import dev.sremcp.domain.review.SourceFile;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import dev.sremcp.domain.tree.ListNode;
import dev.sremcp.domain.tree.MapNode;
import dev.sremcp.domain.tree.Node;
import dev.sremcp.domain.tree.ScalarNode;
import dev.sremcp.domain.tree.Yaml;
import dev.sremcp.domain.tree.YamlException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The checks of {@code review_alert_rules} over one file: first what {@code promtool check rules}
 * enforces (a file that fails it gets {@code alerts.invalid-rule-file} findings), then the
 * practices, then consistency with the SLO when the call gives one.
 */
final class AlertRulesReview {

  /**
   * What the call configures.
   *
   * @param scrapeInterval the scrape interval ranges are judged against
   * @param objective the SLO's objective as a ratio (0.999), or {@code null} when none is given
   */
  record Settings(Duration scrapeInterval, Double objective) {}

  /** A rule that parsed: where it is and what it says. */
  private record Parsed(MapNode node, boolean alert, String name, ScalarNode expr, Expr query) {}

  private static final Set<String> GROUP_FIELDS = Set.of("name", "interval", "limit", "rules");
  private static final Set<String> RULE_FIELDS =
      Set.of("record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern ERROR_RATIO =
      Pattern.compile("(?i).*(error.*ratio|burn_?rate|sli_error).*");
  private static final Set<String> RATES =
      Set.of("rate", "irate", "increase", "delta", "idelta", "deriv", "resets", "changes");

  private final SourceFile file;
  private final Settings settings;
  private final Consumer<Finding> report;
  private final List<Parsed> rules = new ArrayList<>();
  private final Set<Node> seen =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  private boolean valid = true;

  private AlertRulesReview(SourceFile file, Settings settings, Consumer<Finding> report) {
    this.file = file;
    this.settings = settings;
    this.report = report;
  }

  /**
   * Reviews one file; returns the number of rules in it, or -1 when it could not be parsed.
   *
   * @throws InvalidArgumentsException when the YAML goes past a parser limit (an alias bomb)
   */
  static int review(SourceFile file, Settings settings, Consumer<Finding> report) {
    AlertRulesReview review = new AlertRulesReview(file, settings, report);
    List<Yaml.Document> documents;
    try {
      documents = Yaml.parseAll(file.text());
    } catch (YamlException e) {
      if (e.isLimit()) {
        throw new InvalidArgumentsException(file.name() + ": " + e.getMessage());
      }
      review.flag(INVALID, e.line(), "the YAML does not parse: " + e.problem());
      return -1;
    }
    for (Yaml.Document document : documents) {
      if (!document.isEmpty()) {
        review.document(document.root());
      }
    }
    review.practices();
    return review.rules.size();
  }

  private void document(Node root) {
    // a Kubernetes PrometheusRule (prometheus-operator) holds the groups under spec
    Node groups = root.at("spec", "groups").or(() -> root.at("groups")).orElse(null);
    if (root instanceof MapNode map && root.at("spec", "groups").isEmpty()) {
      for (MapNode.Entry entry : map.entries()) {
        if (!entry.key().value().equals("groups")) {
          flag(
              INVALID,
              entry.key().line(),
              "field " + entry.key().value() + " not found in type rulefmt.RuleGroups");
        }
      }
    }
    if (groups == null) {
      if (!(root instanceof MapNode)) {
        flag(INVALID, root.line(), "a rule file is a map with groups:, not " + kind(root));
      }
      return;
    }
    if (!(groups instanceof ListNode groupList)) {
      flag(INVALID, groups.line(), "groups must be a list, not " + kind(groups));
      return;
    }
    Set<String> names = new HashSet<>();
    for (Node group : groupList.items()) {
      if (!(group instanceof MapNode body)) {
        flag(INVALID, group.line(), "a group is a map with name: and rules:");
        continue;
      }
      unknownFields(body, GROUP_FIELDS, "rulefmt.RuleGroup");
      String name = body.text("name").orElse("");
      if (name.isEmpty()) {
        flag(INVALID, body.line(), "Groupname must not be empty");
      } else if (!names.add(name)) {
        flag(
            INVALID,
            body.entry("name").orElseThrow().key().line(),
            "groupname: \"" + name + "\" is repeated in the same file");
      }
      body.entry("interval").ifPresent(entry -> duration(entry, "interval"));
      Node rules = body.get("rules").orElse(null);
      if (rules != null
          && !(rules instanceof ListNode)
          && !(rules instanceof ScalarNode s && s.isNull())) {
        flag(INVALID, rules.line(), "rules must be a list, not " + kind(rules));
        continue;
      }
      for (Node rule : body.items("rules")) {
        if (!seen.add(rule)) {
          flag(DUPLICATE_RULE, rule.line(), "the same rule (an alias) is listed again");
          continue;
        }
        rule(rule);
      }
    }
  }

  private void rule(Node node) {
    if (!(node instanceof MapNode rule)) {
      flag(INVALID, node.line(), "a rule is a map with alert: or record:, and expr:");
      return;
    }
    unknownFields(rule, RULE_FIELDS, "rulefmt.RuleNode");
    String alert = rule.text("alert").orElse("");
    String record = rule.text("record").orElse("");
    if (alert.isEmpty() == record.isEmpty()) {
      flag(
          INVALID,
          rule.line(),
          alert.isEmpty()
              ? "one of 'record' or 'alert' must be set"
              : "only one of 'record' and 'alert' must be set");
      return;
    }
    boolean isAlert = !alert.isEmpty();
    if (!isAlert) {
      if (!METRIC_NAME.matcher(record).matches()) {
        flag(
            INVALID,
            rule.entry("record").orElseThrow().key().line(),
            "invalid recording rule name: " + record);
      }
      for (String field : List.of("annotations", "for", "keep_firing_for")) {
        rule.entry(field)
            .ifPresent(
                entry ->
                    flag(
                        INVALID,
                        entry.key().line(),
                        "invalid field '" + field + "' in recording rule"));
      }
    }
    for (String field : List.of("for", "keep_firing_for")) {
      rule.entry(field).ifPresent(entry -> duration(entry, field));
    }
    for (String field : List.of("labels", "annotations")) {
      rule.get(field)
          .filter(
              value ->
                  !(value instanceof MapNode) && !(value instanceof ScalarNode s && s.isNull()))
          .ifPresent(
              value -> flag(INVALID, value.line(), field + " must be a map, not " + kind(value)));
      rule.map(field)
          .ifPresent(
              map -> {
                for (MapNode.Entry entry : map.entries()) {
                  String key = entry.key().value();
                  if (!LABEL_NAME.matcher(key).matches() || key.startsWith("__")) {
                    flag(
                        INVALID,
                        entry.key().line(),
                        "invalid "
                            + (field.equals("labels") ? "label" : "annotation")
                            + " name: "
                            + key);
                  }
                  entry
                      .value()
                      .asScalar()
                      .map(ScalarNode::value)
                      .map(GoTemplate::problem)
                      .ifPresent(
                          problem ->
                              flag(TEMPLATE, entry.key().line(), key + ": template: " + problem));
                }
              });
    }
    Node exprNode = rule.get("expr").orElse(null);
    if (exprNode != null && !(exprNode instanceof ScalarNode)) {
      flag(INVALID, exprNode.line(), "expr must be a string, not " + kind(exprNode));
      return;
    }
    ScalarNode expr = (ScalarNode) exprNode;
    if (expr == null || expr.isNull() || expr.value().isBlank()) {
      flag(INVALID, rule.line(), "field 'expr' must be set in rule");
      return;
    }
    Expr query;
    try {
      query = PromQl.parse(expr.value());
    } catch (PromQlSyntaxException e) {
      if (e.isLimit()) {
        throw new InvalidArgumentsException(
            file.name()
                + ", line "
                + expr.line()
                + ": "
                + e.problem()
                + " (a limit of this review; Prometheus itself may accept it)");
      }
      flag(INVALID, lineOf(expr, e.position()), "could not parse expression: " + e.problem());
      return;
    }
    rules.add(new Parsed(rule, isAlert, isAlert ? alert : record, expr, query));
  }

  /** The practices, run once the file's rules are known. */
  private void practices() {
    Set<String> seen = new HashSet<>();
    boolean fastBurn = false;
    boolean burnAlerts = false;
    for (Parsed rule : rules) {
      StringBuilder identity = new StringBuilder(rule.name()).append('\0').append(rule.query());
      rule.node()
          .map("labels")
          .ifPresent(
              labels ->
                  labels
                      .entries()
                      .forEach(
                          entry ->
                              identity
                                  .append('\0')
                                  .append(entry.key().value())
                                  .append('=')
                                  .append(
                                      entry.value().asScalar().map(ScalarNode::value).orElse(""))));
      if (!seen.add(identity.toString())) {
        flag(
            DUPLICATE_RULE,
            rule.node().line(),
            rule.name() + " is defined twice with the same expression and labels");
      }
      ranges(rule);
      absent(rule);
      if (!rule.alert()) {
        if (!rule.name().contains(":")) {
          flag(
              RECORD_NAME,
              rule.node().line(),
              "recording rule " + rule.name() + " is not named level:metric:operations");
        }
        continue;
      }
      MapNode node = rule.node();
      String forText = node.text("for").orElse("0s");
      if (PromQl.parseDuration(forText).filter(d -> !d.isZero()).isEmpty()) {
        flag(
            MISSING_FOR,
            node.line(),
            "alert " + rule.name() + " has no for: it fires on the first evaluation");
      }
      if (node.text("labels", "severity").isEmpty()) {
        flag(MISSING_SEVERITY, node.line(), "alert " + rule.name() + " has no severity label");
      }
      if (node.text("annotations", "summary").isEmpty()
          && node.text("annotations", "description").isEmpty()) {
        flag(
            MISSING_SUMMARY,
            node.line(),
            "alert " + rule.name() + " has neither a summary nor a description");
      }
      if (node.text("annotations", "runbook_url").isEmpty()
          && node.text("annotations", "runbook").isEmpty()) {
        flag(MISSING_RUNBOOK, node.line(), "alert " + rule.name() + " has no runbook_url");
      }
      node.map("labels")
          .ifPresent(
              labels ->
                  labels
                      .entries()
                      .forEach(
                          entry -> {
                            if (entry
                                .value()
                                .asScalar()
                                .map(
                                    s ->
                                        s.value().contains("$value")
                                            || s.value().contains(".Value"))
                                .orElse(false)) {
                              flag(
                                  VALUE_IN_LABEL,
                                  entry.key().line(),
                                  "alert "
                                      + rule.name()
                                      + " label "
                                      + entry.key().value()
                                      + " changes with its value");
                            }
                          }));
      if (!hasCondition(rule.query())) {
        flag(
            NO_COMPARISON,
            rule.expr().line(),
            "alert " + rule.name() + " has no comparison: it fires for every series");
      }
      if (settings.objective() != null) {
        Double factor = slo(rule);
        if (factor != null) {
          burnAlerts = true;
          fastBurn |= factor >= 10;
        }
      }
    }
    if (settings.objective() != null && !rules.isEmpty() && valid && !fastBurn) {
      flag(
          SLO_FAST_BURN,
          1,
          burnAlerts
              ? "no alert burns the error budget of the "
                  + percent(settings.objective())
                  + " SLO at 10x or faster"
              : "no alert in the file is a burn-rate alert for the "
                  + percent(settings.objective())
                  + " SLO");
    }
  }

  private void ranges(Parsed rule) {
    Duration minimum = settings.scrapeInterval().multipliedBy(2);
    PromQl.walk(rule.query())
        .forEach(
            expr -> {
              if (expr instanceof Call call
                  && RATES.contains(call.function())
                  && call.args().getFirst() instanceof MatrixSelector matrix
                  && matrix.range().compareTo(minimum) < 0) {
                flag(
                    SHORT_RANGE,
                    lineOf(rule.expr(), call.position()),
                    call.function()
                        + "("
                        + name(matrix.selector())
                        + "["
                        + PromQl.format(matrix.range())
                        + "]) covers less than two scrape intervals of "
                        + PromQl.format(settings.scrapeInterval()));
              }
            });
  }

  private void absent(Parsed rule) {
    PromQl.walk(rule.query())
        .forEach(
            expr -> {
              if (expr instanceof Call call
                  && call.function().equals("absent")
                  && !call.args().isEmpty()) {
                Expr argument = unwrap(call.args().getFirst());
                if (!(argument instanceof VectorSelector selector)) {
                  flag(
                      ABSENT,
                      lineOf(rule.expr(), call.position()),
                      "absent() over "
                          + kind(argument)
                          + " fires whenever it is empty and carries no labels");
                } else if (selector.matchers().stream().anyMatch(LabelMatcher::isRegex)) {
                  flag(
                      ABSENT,
                      lineOf(rule.expr(), call.position()),
                      "absent("
                          + name(selector)
                          + ") with regex matchers: its alert carries no labels from them");
                }
              }
            });
  }

  /**
   * The burn-rate factor of a burn-rate alert, flagging a different objective or a factor under 1;
   * {@code null} for other alerts. A burn-rate alert compares an error ratio with {@code k * (1 -
   * objective)} (Pyrra's form, and ours with the objective written out), or compares a recording
   * rule named for an error ratio or a burn rate (Sloth's {@code slo:sli_error:ratio_rate5m},
   * slo_report's) with a constant read as {@code k} times the SLO's error budget.
   */
  private Double slo(Parsed rule) {
    double budget = 1 - settings.objective();
    Double written = null;
    for (Expr expr : PromQl.walk(rule.query()).toList()) {
      if (expr instanceof Binary binary
          && binary.op().equals("-")
          && Double.valueOf(1).equals(constant(binary.lhs()))) {
        Double used = constant(binary.rhs());
        if (used != null && used > 0.5 && used < 1) {
          if (Math.abs(used - settings.objective()) > 1e-9) {
            flag(
                SLO_OBJECTIVE,
                lineOf(rule.expr(), binary.rhs().position()),
                "alert "
                    + rule.name()
                    + " uses the objective "
                    + percent(used)
                    + "; the SLO is "
                    + percent(settings.objective()));
          }
          written = 1 - used;
        }
      }
    }
    Double factor = null;
    for (Expr expr : PromQl.walk(rule.query()).toList()) {
      if (expr instanceof Binary binary && List.of(">", ">=").contains(binary.op())) {
        Double threshold = constant(binary.rhs());
        boolean ratio =
            PromQl.walk(binary.lhs())
                .anyMatch(
                    e ->
                        e instanceof VectorSelector selector
                            && selector.metricName() != null
                            && ERROR_RATIO.matcher(selector.metricName()).matches());
        if (threshold != null && (written != null || ratio)) {
          double found = threshold / (written != null ? written : budget);
          if (found < 1 - 1e-9) {
            flag(
                SLO_BURN,
                lineOf(rule.expr(), binary.rhs().position()),
                "alert "
                    + rule.name()
                    + " fires at a burn rate of "
                    + String.format(java.util.Locale.ROOT, "%.2f", found)
                    + ", under 1");
          }
          factor = factor == null ? found : Math.max(factor, found);
        }
      }
    }
    return factor;
  }

  /** The value of an expression of number literals, or {@code null} when it has a selector. */
  private static Double constant(Expr expr) {
    return switch (expr) {
      case NumberLiteral number -> number.value();
      case Paren paren -> constant(paren.expr());
      case Binary binary -> {
        Double lhs = constant(binary.lhs());
        Double rhs = constant(binary.rhs());
        if (lhs == null || rhs == null) {
          yield null;
        }
        yield switch (binary.op()) {
          case "+" -> lhs + rhs;
          case "-" -> lhs - rhs;
          case "*" -> lhs * rhs;
          case "/" -> lhs / rhs;
          default -> null;
        };
      }
      default -> null;
    };
  }

  private static boolean hasCondition(Expr query) {
    return PromQl.walk(query)
        .anyMatch(
            expr ->
                expr instanceof Binary binary
                        && List.of(">", "<", ">=", "<=", "==", "!=", "and", "unless")
                            .contains(binary.op())
                    || expr instanceof Call call
                        && (call.function().startsWith("absent")
                            || call.function().equals("predict_linear"))
                    || expr instanceof Aggregate aggregate
                        && (aggregate.op().equals("topk") || aggregate.op().equals("bottomk")));
  }

  private static Expr unwrap(Expr expr) {
    return expr instanceof Paren paren ? unwrap(paren.expr()) : expr;
  }

  private void unknownFields(MapNode map, Set<String> allowed, String type) {
    for (MapNode.Entry entry : map.entries()) {
      if (!allowed.contains(entry.key().value())) {
        flag(
            INVALID,
            entry.key().line(),
            "field " + entry.key().value() + " not found in type " + type);
      }
    }
  }

  private void duration(MapNode.Entry entry, String field) {
    String text = entry.value().asScalar().map(ScalarNode::value).orElse("");
    if (PromQl.parseDuration(text).isEmpty()) {
      flag(INVALID, entry.key().line(), field + ": not a valid duration string: \"" + text + "\"");
    }
  }

  /**
   * The file line of a position in an expression: exact in a literal block ({@code |}), whose lines
   * are the file's; the expression's first line in other styles, whose line breaks were folded or
   * escaped.
   */
  private static int lineOf(ScalarNode expr, int position) {
    return switch (expr.style()) {
      case LITERAL -> {
        int line = expr.line() + 1;
        String text = expr.value();
        int end = Math.min(position, text.length());
        for (int i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
          line++;
        }
        yield line;
      }
      case FOLDED -> expr.line() + 1;
      default -> expr.line();
    };
  }

  private static String name(VectorSelector selector) {
    return selector.metricName() == null
        ? "{...}"
        : selector.metricName() + (selector.matchers().isEmpty() ? "" : "{...}");
  }

  private static String kind(Object node) {
    String name =
        node.getClass()
            .getSimpleName()
            .replaceAll("([a-z])([A-Z])", "$1 $2")
            .toLowerCase(java.util.Locale.ROOT);
    return name.startsWith("a") ? "an " + name : "a " + name;
  }

  private static String percent(double ratio) {
    return new java.math.BigDecimal(ratio * 100)
            .round(new java.math.MathContext(6))
            .stripTrailingZeros()
            .toPlainString()
        + " %";
  }

  private void flag(Rule rule, int line, String message) {
    if (rule == INVALID || rule == TEMPLATE) {
      valid = false;
    }
    report.accept(rule.at(file, Math.max(1, line), message));
  }
}
