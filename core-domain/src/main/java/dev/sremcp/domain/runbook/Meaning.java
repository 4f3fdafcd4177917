package dev.sremcp.domain.runbook;

import dev.sremcp.domain.promql.Aggregate;
import dev.sremcp.domain.promql.Binary;
import dev.sremcp.domain.promql.Call;
import dev.sremcp.domain.promql.Expr;
import dev.sremcp.domain.promql.MatrixSelector;
import dev.sremcp.domain.promql.PromQl;
import dev.sremcp.domain.promql.Subquery;
import dev.sremcp.domain.promql.ValueType;
import dev.sremcp.domain.promql.VectorSelector;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The "what it means" of a runbook: an alert's expression, its for and its labels in words. */
final class Meaning {

  private static final int MAX_SELECTORS = 6;
  private static final int MAX_AGGREGATES = 4;
  private static final int CLIP = 160;
  private static final Map<String, String> OPERATORS =
      Map.of(
          ">", "above",
          ">=", "at or above",
          "<", "below",
          "<=", "at or below",
          "==", "equal to",
          "!=", "not equal to");
  private static final Pattern ACTION = Pattern.compile("\\{\\{-?(.*?)-?}}", Pattern.DOTALL);
  private static final Pattern LABEL_REF =
      Pattern.compile("(?:\\$labels|\\.Labels)\\.([a-zA-Z_][a-zA-Z0-9_]*)");

  private Meaning() {}

  /** The operator in words: {@code above}, {@code at or below}. */
  static String operator(String op) {
    return OPERATORS.getOrDefault(op, op);
  }

  /** A number of seconds as a duration ({@code 4h}), or the expression as written. */
  static String seconds(Expr expr) {
    Double value = Shape.constant(expr);
    if (value != null && value > 0 && value < 1e10 && value == Math.rint(value)) {
      return PromQl.format(Duration.ofSeconds(value.longValue()));
    }
    return "`" + QueryText.of(expr) + "` seconds";
  }

  /** A threshold as a number, with the expression when it is written otherwise. */
  static String threshold(Expr expr) {
    Double value = Shape.constant(expr);
    String written = QueryText.of(Shape.unwrap(expr));
    if (value == null) {
      return clip(written);
    }
    String number = QueryText.number(round(value));
    return number.equals(written) ? number : number + " (" + clip(written) + ")";
  }

  /** The bullet points, in Markdown. */
  static List<String> of(AlertRule rule, Shape shape) {
    List<String> lines = new ArrayList<>();
    List<VectorSelector> selectors = shape.selectors();
    if (!selectors.isEmpty()) {
      StringBuilder reads = new StringBuilder("Reads ");
      for (int i = 0; i < Math.min(MAX_SELECTORS, selectors.size()); i++) {
        reads
            .append(i == 0 ? "" : ", ")
            .append(code(clip(QueryText.of(Shape.plain(selectors.get(i))))));
      }
      if (selectors.size() > MAX_SELECTORS) {
        reads.append(" and ").append(selectors.size() - MAX_SELECTORS).append(" more selectors");
      }
      lines.add(reads.append('.').toString());
    }
    for (Call call : shape.calls()) {
      String words = function(call);
      if (words != null) {
        lines.add(words);
      }
    }
    Set<String> seen = new LinkedHashSet<>();
    for (Aggregate aggregate : shape.aggregates()) {
      String words = aggregate(aggregate);
      if (seen.size() < MAX_AGGREGATES && seen.add(words)) {
        lines.add(words);
      }
    }
    boolean ratio =
        PromQl.walk(shape.root())
            .anyMatch(
                e ->
                    e instanceof Binary b
                        && b.op().equals("/")
                        && b.lhs().type() == ValueType.VECTOR
                        && b.rhs().type() == ValueType.VECTOR);
    if (ratio) {
      lines.add("Divides one measurement by another: the value is a ratio.");
    }
    lines.addAll(conditions(shape, ratio));
    lines.add(
        rule.forDuration() == null
            ? "No `for`: it fires at the first evaluation where the condition holds, so a single"
                + " bad evaluation (a scrape gap, a restart) can fire it."
            : "`for: "
                + rule.forDuration()
                + "`: the condition must hold at every evaluation for "
                + rule.forDuration()
                + " before the alert fires; until then the alert is pending.");
    lines.add(
        rule.severity() == null
            ? "No `severity` label: Alertmanager routes it by its default route."
            : "Severity label: `" + rule.severity() + "`.");
    lines.add(labels(ResultLabels.alertLabels(shape.root())));
    return lines;
  }

  /** What firing means, in one sentence. */
  static String firing(AlertRule rule, Shape shape) {
    List<String> labels = ResultLabels.alertLabels(shape.root());
    String each =
        labels == null
            ? "each series the expression returns"
            : labels.isEmpty() ? "the expression as a whole" : "each " + String.join(", ", labels);
    String held =
        rule.forDuration() == null
            ? "held at the latest evaluation"
            : "held at every evaluation for at least " + rule.forDuration();
    return "**Firing** means: for "
        + each
        + ", the condition above has "
        + held
        + (labels != null && labels.isEmpty()
            ? ". There is at most one alert; it resolves once the condition stops holding."
            : ". Each is a separate alert, which resolves on its own once the condition stops"
                + " holding.");
  }

  /** What the {@code {{ }}} templates of the annotations stand for. */
  static List<String> templates(AlertRule rule) {
    Set<String> found = new LinkedHashSet<>();
    for (String text : rule.annotations().values()) {
      Matcher action = ACTION.matcher(text);
      while (action.find() && found.size() < 10) {
        String inside = action.group(1).strip();
        Matcher label = LABEL_REF.matcher(inside);
        if (label.find()) {
          found.add(
              code("{{ " + inside + " }}")
                  + ": the `"
                  + label.group(1)
                  + "` label of the alert, filled in when it fires");
        } else if (inside.contains("$value") || inside.contains(".Value")) {
          found.add(
              code("{{ " + inside + " }}")
                  + ": the expression's value when the alert was evaluated");
        } else if (!inside.isEmpty()) {
          found.add(code("{{ " + inside + " }}") + ": a Go template, filled in when it fires");
        }
      }
    }
    return List.copyOf(found);
  }

  private static List<String> conditions(Shape shape, boolean ratio) {
    List<String> lines = new ArrayList<>();
    List<Shape.Condition> conditions = shape.conditions();
    for (Shape.Condition condition : conditions) {
      String value = code(clip(QueryText.of(condition.value())));
      if (condition.vectors()) {
        lines.add(
            "Fires where "
                + value
                + " is "
                + operator(condition.op())
                + " "
                + code(clip(QueryText.of(condition.threshold())))
                + " for the same labels.");
        continue;
      }
      Double threshold = Shape.constant(condition.threshold());
      String written = QueryText.of(Shape.unwrap(condition.threshold()));
      String text;
      if (threshold == null) {
        text = code(clip(written));
      } else {
        String number = QueryText.number(round(threshold));
        text = number.equals(written) ? number : number + " (" + code(clip(written)) + ")";
        if (ratio && threshold > 0 && threshold < 1) {
          text += ", that is " + QueryText.number(round(threshold * 100)) + " %";
        }
      }
      lines.add("Fires where " + value + " is " + operator(condition.op()) + " " + text + ".");
    }
    if (conditions.size() > 1) {
      lines.add(
          "The conditions are combined with "
              + (PromQl.walk(shape.root())
                      .anyMatch(e -> e instanceof Binary b && b.op().equals("or"))
                  ? "`and`/`or`"
                  : "`and`")
              + " as written: with `and`, all must hold for the same labels.");
    }
    if (conditions.isEmpty() && !shape.calls("absent") && !shape.calls("absent_over_time")) {
      lines.add(
          "Has no comparison: it fires for every series the expression returns, whatever its"
              + " value.");
    }
    return lines;
  }

  private static String labels(List<String> labels) {
    if (labels == null) {
      return "One alert per series the expression returns, carrying that series' labels.";
    }
    if (labels.isEmpty()) {
      return "At most one alert: the result has no labels beyond the rule's own.";
    }
    return "One alert per "
        + String.join(", ", labels.stream().map(l -> "`" + l + "`").toList())
        + ": the labels the expression keeps.";
  }

  private static String function(Call call) {
    String range = range(call);
    String f = "`" + call.function() + "()`";
    return switch (call.function()) {
      case "rate" ->
          f + ": the per-second rate of increase of a counter, averaged over " + range + ".";
      case "irate" ->
          f + ": the per-second rate from the last two samples within " + range + " (spiky).";
      case "increase" -> f + ": how much a counter grew over " + range + ".";
      case "delta", "idelta" -> f + ": how much a gauge changed over " + range + ".";
      case "deriv" -> f + ": the per-second slope of a gauge over " + range + ".";
      case "histogram_quantile" ->
          f
              + ": the "
              + quantile(call.args().getFirst())
              + " estimated from histogram buckets (`le`): that share of observations is at or"
              + " below it.";
      case "absent" ->
          f + ": 1 when no series matches, nothing otherwise: it fires on missing data.";
      case "absent_over_time" ->
          f + ": 1 when no sample arrived in " + range + ": it fires on missing data.";
      case "predict_linear" ->
          f
              + ": extrapolates the trend of "
              + range
              + " linearly, "
              + seconds(call.args().get(1))
              + " ahead.";
      case "avg_over_time",
          "max_over_time",
          "min_over_time",
          "sum_over_time",
          "count_over_time",
          "last_over_time",
          "quantile_over_time",
          "stddev_over_time" ->
          f
              + ": the "
              + call.function().replace("_over_time", "")
              + " of each series over "
              + range
              + ".";
      case "changes" -> f + ": how many times the value changed in " + range + ".";
      case "resets" -> f + ": how many times a counter reset (restarts) in " + range + ".";
      case "time" -> f + ": the current time, in Unix seconds.";
      case "label_replace", "label_join" -> f + ": rewrites labels; the values are unchanged.";
      case "clamp", "clamp_min", "clamp_max" -> f + ": bounds the value.";
      default -> f + ": applies " + call.function() + " to its argument.";
    };
  }

  private static String aggregate(Aggregate aggregate) {
    String op = "`" + aggregate.op() + "`";
    if (aggregate.param() != null) {
      return op + ": keeps " + code(clip(QueryText.of(aggregate.param()))) + " of the series.";
    }
    if (aggregate.without()) {
      return op
          + " without ("
          + String.join(", ", aggregate.grouping())
          + "): combines the series, dropping those labels.";
    }
    if (aggregate.grouping().isEmpty()) {
      return op + ": combines all series into one; every label is aggregated away.";
    }
    return op
        + " by ("
        + String.join(", ", aggregate.grouping())
        + "): one value per "
        + String.join(", ", aggregate.grouping())
        + "; every other label is aggregated away.";
  }

  private static String range(Call call) {
    for (Expr arg : call.args()) {
      if (arg instanceof MatrixSelector matrix) {
        return "the last " + PromQl.format(matrix.range());
      }
      if (arg instanceof Subquery subquery) {
        return "the last " + PromQl.format(subquery.range());
      }
    }
    return "its range";
  }

  private static String quantile(Expr phi) {
    Double value = Shape.constant(phi);
    if (value == null || value <= 0 || value >= 1) {
      return "quantile " + code(clip(QueryText.of(phi)));
    }
    return QueryText.number(round(value * 100))
        + "th percentile (p"
        + QueryText.number(round(value * 100)).replace(".", "")
        + ")";
  }

  private static double round(double value) {
    if (!Double.isFinite(value)) {
      return value;
    }
    return new BigDecimal(value).round(new MathContext(6)).doubleValue();
  }

  private static String clip(String text) {
    return text.length() <= CLIP ? text : text.substring(0, CLIP - 1) + "…";
  }

  /** Inline code that survives backticks in the text. */
  static String code(String text) {
    String flat = text.replace('\n', ' ');
    return flat.contains("`") ? "`` " + flat + " ``" : "`" + flat + "`";
  }
}
