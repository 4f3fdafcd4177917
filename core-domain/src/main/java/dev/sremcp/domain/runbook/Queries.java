package dev.sremcp.domain.runbook;

import dev.sremcp.domain.promql.Aggregate;
import dev.sremcp.domain.promql.Binary;
import dev.sremcp.domain.promql.Call;
import dev.sremcp.domain.promql.Expr;
import dev.sremcp.domain.promql.LabelMatcher;
import dev.sremcp.domain.promql.MatrixSelector;
import dev.sremcp.domain.promql.NumberLiteral;
import dev.sremcp.domain.promql.Paren;
import dev.sremcp.domain.promql.PromQl;
import dev.sremcp.domain.promql.ValueType;
import dev.sremcp.domain.promql.VectorSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The PromQL a responder pastes into Prometheus, each built as a tree and written by {@link
 * QueryText}, so each parses: the alert expression, its current value without the threshold, a
 * breakdown, the alert's own series, and what the category adds (the raw counters, the status
 * codes, the request rate behind a percentile, the targets, the days a certificate has left, the
 * trend a prediction extrapolates).
 */
final class Queries {

  /** What a query is for, so that the steps of a runbook can point at it. */
  enum Kind {
    EXPRESSION,
    CURRENT,
    BREAKDOWN,
    ALERTS,
    FOR_STATE,
    COUNTER,
    CODES,
    REQUESTS,
    TARGETS,
    SERIES,
    DAYS_LEFT,
    PREDICTION,
    TREND
  }

  /**
   * One query and what it shows.
   *
   * @param kinds what it is for: more than one when two purposes gave the same query
   */
  record Draft(Set<Kind> kinds, String purpose, String query) {

    Draft {
      kinds = Set.copyOf(kinds);
    }
  }

  /** Past this length, an expression is shown as it is and nothing is derived from it. */
  static final int MAX_DERIVED_CHARS = 4_000;

  static final int MAX_QUERIES = 14;
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Pattern CERT =
      Pattern.compile(
          ".*(ssl_earliest_cert_expiry|cert_not_after|expiration_timestamp|cert_expir).*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final Map<String, Draft> drafts = new LinkedHashMap<>();

  private Queries() {}

  static List<Draft> of(AlertRule rule, Shape shape, Category category) {
    Queries queries = new Queries();
    queries.add(
        Kind.EXPRESSION,
        "The alert expression: the series that meet the condition now (empty when nothing"
            + " would fire)",
        rule.expression());
    if (rule.expression().length() <= MAX_DERIVED_CHARS) {
      queries.current(shape);
      queries.breakdown(shape, category);
      queries.categoryQueries(shape, category);
    }
    queries.alerts(rule);
    return List.copyOf(queries.drafts.values());
  }

  private void add(Kind kind, String purpose, String query) {
    Draft same = drafts.get(query);
    if (same != null) {
      Set<Kind> kinds = EnumSet.copyOf(same.kinds());
      kinds.add(kind);
      drafts.put(query, new Draft(kinds, same.purpose(), query));
    } else if (drafts.size()
        < MAX_QUERIES - (kind == Kind.ALERTS || kind == Kind.FOR_STATE ? 0 : 2)) {
      drafts.put(query, new Draft(Set.of(kind), purpose, query));
    }
  }

  private void add(Kind kind, String purpose, Expr query) {
    add(kind, purpose, QueryText.of(query));
  }

  private void current(Shape shape) {
    List<Shape.Condition> conditions = shape.conditions();
    for (int i = 0; i < conditions.size(); i++) {
      Shape.Condition condition = conditions.get(i);
      String which = conditions.size() > 1 ? " (condition " + (i + 1) + ")" : "";
      if (condition.vectors()) {
        add(Kind.CURRENT, "Left side of the comparison" + which, condition.value());
        add(Kind.CURRENT, "Right side of the comparison" + which, condition.threshold());
      } else {
        add(
            Kind.CURRENT,
            "Current value without the threshold"
                + which
                + ": the alert fires where it is "
                + Meaning.operator(condition.op())
                + " "
                + Meaning.threshold(condition.threshold()),
            condition.value());
      }
    }
  }

  private void breakdown(Shape shape, Category category) {
    List<Shape.Condition> conditions = shape.conditions();
    Expr base = conditions.isEmpty() ? shape.root() : conditions.getFirst().value();
    if (base.type() != ValueType.VECTOR
        || shape.calls("absent")
        || shape.calls("absent_over_time")) {
      return;
    }
    String op = conditions.isEmpty() ? ">" : conditions.getFirst().op();
    boolean lowIsBad =
        op.startsWith("<")
            || (op.equals("==")
                && Double.valueOf(0).equals(Shape.constant(conditions.getFirst().threshold())));
    String k = lowIsBad ? "bottomk" : "topk";
    String label = category == Category.KUBERNETES ? "namespace" : "instance";
    if (!ResultLabels.keeps(base, label)) {
      Expr split = ResultLabels.breakDown(base, label);
      if (split != null) {
        add(
            Kind.BREAKDOWN,
            "By "
                + label
                + ", which the expression aggregates away: the 10 "
                + (lowIsBad ? "lowest" : "highest"),
            top(k, split));
        return;
      }
    }
    add(
        Kind.BREAKDOWN,
        "The 10 " + (lowIsBad ? "lowest" : "highest") + " series, with all their labels",
        top(k, base));
  }

  private static Expr top(String op, Expr expr) {
    return new Aggregate(op, expr, new NumberLiteral(10, 0), List.of(), false, 0);
  }

  private void categoryQueries(Shape shape, Category category) {
    boolean histogram = shape.calls("histogram_quantile");
    int counters = 0;
    for (Shape.Counter counter : shape.counters()) {
      VectorSelector selector = Shape.plain(counter.matrix().selector());
      String metric = selector.metricName();
      if ((histogram && metric != null && metric.endsWith("_bucket")) || counters++ >= 3) {
        continue;
      }
      Expr increase = call("increase", new MatrixSelector(selector, HOUR, 0));
      add(
          Kind.COUNTER,
          "Raw increase of " + name(selector) + " over the last hour: the counts behind the rate",
          counter.grouping() == null ? increase : sum(counter.grouping(), increase));
    }
    codes(shape);
    requests(shape);
    for (VectorSelector selector : shape.selectors()) {
      String metric = selector.metricName();
      if ("up".equals(metric)) {
        add(Kind.TARGETS, "Scrape status of the targets: 1 up, 0 down", Shape.plain(selector));
      } else if (metric != null && CERT.matcher(metric).matches()) {
        Expr left = new Binary("-", Shape.plain(selector), call("time"), false, null, 0);
        add(
            Kind.DAYS_LEFT,
            "Days until each certificate expires",
            new Binary("/", new Paren(left, 0), new NumberLiteral(86400, 0), false, null, 0));
      }
    }
    absent(shape);
    predictions(shape);
    if (category == Category.KUBERNETES
        || category == Category.SATURATION
        || category == Category.GENERIC) {
      int raw = 0;
      for (VectorSelector selector : shape.selectors()) {
        boolean counted =
            shape.counters().stream()
                .anyMatch(c -> Shape.plain(c.matrix().selector()).equals(Shape.plain(selector)));
        if (!counted && selector.metricName() != null && raw++ < 2) {
          add(Kind.SERIES, "The raw series of " + selector.metricName(), Shape.plain(selector));
        }
      }
    }
  }

  private void codes(Shape shape) {
    for (Shape.Counter counter : shape.counters()) {
      VectorSelector selector = counter.matrix().selector();
      LabelMatcher status = Category.statusMatcher(selector);
      if (status != null) {
        List<LabelMatcher> others =
            selector.matchers().stream().filter(m -> !m.equals(status)).toList();
        VectorSelector all = new VectorSelector(selector.metricName(), others, null, null, 0);
        add(
            Kind.CODES,
            "Rate by " + status.name() + ": which responses make up the errors",
            sum(
                List.of(status.name()),
                call(
                    counter.call().function(),
                    new MatrixSelector(all, counter.matrix().range(), 0))));
        return;
      }
    }
  }

  private void requests(Shape shape) {
    if (!shape.calls("histogram_quantile")) {
      return;
    }
    for (Shape.Counter counter : shape.counters()) {
      VectorSelector selector = counter.matrix().selector();
      String metric = selector.metricName();
      if (metric != null && metric.endsWith("_bucket")) {
        List<LabelMatcher> matchers =
            selector.matchers().stream().filter(m -> !m.name().equals("le")).toList();
        VectorSelector count =
            new VectorSelector(
                metric.substring(0, metric.length() - "_bucket".length()) + "_count",
                matchers,
                null,
                null,
                0);
        List<String> grouping =
            counter.grouping() == null
                ? List.of()
                : counter.grouping().stream().filter(l -> !l.equals("le")).toList();
        add(
            Kind.REQUESTS,
            "Requests per second behind the percentile: at a low rate a percentile is noisy",
            sum(grouping, call("rate", new MatrixSelector(count, counter.matrix().range(), 0))));
        return;
      }
    }
  }

  private void absent(Shape shape) {
    PromQl.walk(shape.root())
        .forEach(
            expr -> {
              if (expr instanceof Call call
                  && call.function().startsWith("absent")
                  && !call.args().isEmpty()) {
                Expr arg = Shape.unwrap(call.args().getFirst());
                VectorSelector selector =
                    arg instanceof MatrixSelector matrix
                        ? matrix.selector()
                        : arg instanceof VectorSelector vector ? vector : null;
                if (selector == null) {
                  return;
                }
                add(
                    Kind.SERIES,
                    "The series whose absence fires the alert: empty while it is missing",
                    Shape.plain(selector));
                selector.matchers().stream()
                    .filter(m -> m.name().equals("job") && m.op().equals("="))
                    .findFirst()
                    .filter(m -> !"up".equals(selector.metricName()))
                    .ifPresent(
                        job ->
                            add(
                                Kind.TARGETS,
                                "Scrape status of the job's targets: 1 up, 0 down",
                                new VectorSelector("up", List.of(job), null, null, 0)));
              }
            });
  }

  private void predictions(Shape shape) {
    PromQl.walk(shape.root())
        .forEach(
            expr -> {
              if (expr instanceof Call call
                  && call.function().equals("predict_linear")
                  && call.args().getFirst() instanceof MatrixSelector matrix) {
                VectorSelector selector = Shape.plain(matrix.selector());
                add(
                    Kind.PREDICTION,
                    "The prediction alone: the value expected "
                        + Meaning.seconds(call.args().get(1))
                        + " ahead",
                    call);
                add(Kind.SERIES, "The current value of " + name(selector), selector);
                add(
                    Kind.TREND,
                    "Change per second over "
                        + PromQl.format(matrix.range())
                        + " (negative: falling)",
                    call("deriv", new MatrixSelector(selector, matrix.range(), 0)));
              }
            });
  }

  private void alerts(AlertRule rule) {
    List<LabelMatcher> matchers = new ArrayList<>();
    matchers.add(new LabelMatcher("alertname", "=", rule.name()));
    rule.labels()
        .forEach(
            (name, value) -> {
              if (LABEL_NAME.matcher(name).matches()
                  && !name.equals("alertname")
                  && !name.equals("alertstate")
                  && !value.contains("{{")) {
                matchers.add(new LabelMatcher(name, "=", value));
              }
            });
    VectorSelector alerts = new VectorSelector("ALERTS", matchers, null, null, 0);
    add(Kind.ALERTS, "This rule's alerts, pending and firing (label alertstate)", alerts);
    VectorSelector state = new VectorSelector("ALERTS_FOR_STATE", matchers, null, null, 0);
    add(
        Kind.FOR_STATE,
        "Seconds since each of this rule's alerts became active",
        new Binary("-", call("time"), state, false, null, 0));
  }

  private static Expr sum(List<String> grouping, Expr expr) {
    return new Aggregate("sum", expr, null, grouping, false, 0);
  }

  private static Call call(String function, Expr... args) {
    return new Call(function, List.of(args), 0);
  }

  /** The selector as written when short, else its metric name. */
  private static String name(VectorSelector selector) {
    String text = QueryText.of(selector);
    return text.length() <= 100 || selector.metricName() == null ? text : selector.metricName();
  }
}
