package dev.sremcp.domain.runbook;

import dev.sremcp.domain.promql.Aggregate;
import dev.sremcp.domain.promql.Binary;
import dev.sremcp.domain.promql.Call;
import dev.sremcp.domain.promql.Expr;
import dev.sremcp.domain.promql.MatrixSelector;
import dev.sremcp.domain.promql.NumberLiteral;
import dev.sremcp.domain.promql.Paren;
import dev.sremcp.domain.promql.PromQl;
import dev.sremcp.domain.promql.Subquery;
import dev.sremcp.domain.promql.Unary;
import dev.sremcp.domain.promql.ValueType;
import dev.sremcp.domain.promql.VectorSelector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a runbook needs to know of an alert's expression: its conditions (comparisons against a
 * threshold), the counters it rates and the selectors it reads. {@link ResultLabels} says which
 * labels its result keeps.
 */
final class Shape {

  /** The most conditions read from one expression. */
  static final int MAX_CONDITIONS = 4;

  static final Set<String> COMPARISONS = Set.of(">", ">=", "<", "<=", "==", "!=");
  static final Set<String> SET_OPERATORS = Set.of("and", "or", "unless");
  private static final Set<String> COUNTER_FUNCTIONS = Set.of("rate", "irate", "increase");
  static final Set<String> KEEPING = Set.of("topk", "bottomk", "limitk", "limit_ratio");
  private static final Map<String, String> FLIPPED =
      Map.of(">", "<", ">=", "<=", "<", ">", "<=", ">=", "==", "==", "!=", "!=");

  /**
   * One comparison the alert fires on.
   *
   * @param value the side that is measured: the vector side, or the left side of two vectors
   * @param threshold the other side: a scalar, or the right side of two vectors
   * @param op the operator as read with {@code value} on the left (flipped when written {@code 0.5
   *     < x})
   * @param vectors true when both sides are vectors
   */
  record Condition(Expr value, Expr threshold, String op, boolean vectors) {}

  /**
   * A counter read by {@code rate}, {@code irate} or {@code increase}.
   *
   * @param grouping the {@code by} labels of the aggregation around it, or {@code null} when it is
   *     not summed by labels
   */
  record Counter(Call call, MatrixSelector matrix, List<String> grouping) {}

  private final Expr root;
  private final List<Condition> conditions = new ArrayList<>();
  private final List<Counter> counters = new ArrayList<>();

  Shape(Expr root) {
    this.root = root;
    conditions(root);
    counters(root, null);
  }

  Expr root() {
    return root;
  }

  List<Condition> conditions() {
    return List.copyOf(conditions);
  }

  List<Counter> counters() {
    return List.copyOf(counters);
  }

  /** The distinct selectors, in the order written. */
  List<VectorSelector> selectors() {
    Set<String> seen = new LinkedHashSet<>();
    List<VectorSelector> found = new ArrayList<>();
    PromQl.walk(root)
        .forEach(
            expr -> {
              if (expr instanceof VectorSelector selector
                  && seen.add(QueryText.of(plain(selector)))) {
                found.add(selector);
              }
            });
    return found;
  }

  /** The distinct metric names, in the order written. */
  List<String> metrics() {
    return selectors().stream()
        .map(VectorSelector::metricName)
        .filter(name -> name != null)
        .distinct()
        .toList();
  }

  /** The distinct functions called, in the order written. */
  List<Call> calls() {
    Set<String> seen = new LinkedHashSet<>();
    return PromQl.walk(root)
        .filter(expr -> expr instanceof Call)
        .map(expr -> (Call) expr)
        .filter(call -> seen.add(call.function()))
        .toList();
  }

  boolean calls(String function) {
    return PromQl.walk(root)
        .anyMatch(e -> e instanceof Call call && call.function().equals(function));
  }

  /** The aggregations, outermost first. */
  List<Aggregate> aggregates() {
    return PromQl.walk(root).filter(e -> e instanceof Aggregate).map(e -> (Aggregate) e).toList();
  }

  /** A selector without its offset and {@code @} modifier. */
  static VectorSelector plain(VectorSelector selector) {
    return new VectorSelector(selector.metricName(), selector.matchers(), null, null, 0);
  }

  private void conditions(Expr expr) {
    Expr node = unwrap(expr);
    if (conditions.size() >= MAX_CONDITIONS || !(node instanceof Binary binary)) {
      return;
    }
    if (SET_OPERATORS.contains(binary.op())) {
      conditions(binary.lhs());
      if (!binary.op().equals("unless")) {
        conditions(binary.rhs());
      }
    } else if (COMPARISONS.contains(binary.op()) && !binary.returnBool()) {
      boolean lhsScalar = binary.lhs().type() == ValueType.SCALAR;
      boolean rhsScalar = binary.rhs().type() == ValueType.SCALAR;
      if (lhsScalar && !rhsScalar) {
        conditions.add(new Condition(binary.rhs(), binary.lhs(), FLIPPED.get(binary.op()), false));
      } else if (!lhsScalar) {
        conditions.add(new Condition(binary.lhs(), binary.rhs(), binary.op(), !rhsScalar));
      }
    }
  }

  private void counters(Expr expr, List<String> grouping) {
    switch (expr) {
      case Aggregate aggregate -> {
        List<String> inner =
            aggregate.without() || KEEPING.contains(aggregate.op())
                ? grouping
                : aggregate.grouping();
        if (aggregate.param() != null) {
          counters(aggregate.param(), grouping);
        }
        counters(aggregate.expr(), inner);
      }
      case Call call -> {
        if (COUNTER_FUNCTIONS.contains(call.function())
            && call.args().getFirst() instanceof MatrixSelector matrix) {
          if (counters.stream().noneMatch(c -> same(c.matrix(), matrix))) {
            counters.add(new Counter(call, matrix, grouping));
          }
        } else {
          call.args().forEach(arg -> counters(arg, grouping));
        }
      }
      default -> children(expr).forEach(child -> counters(child, grouping));
    }
  }

  private static boolean same(MatrixSelector a, MatrixSelector b) {
    return QueryText.of(a).equals(QueryText.of(b));
  }

  private static List<Expr> children(Expr expr) {
    return switch (expr) {
      case Binary binary -> List.of(binary.lhs(), binary.rhs());
      case Paren paren -> List.of(paren.expr());
      case Unary unary -> List.of(unary.expr());
      case Subquery subquery -> List.of(subquery.expr());
      case Aggregate aggregate -> List.of(aggregate.expr());
      case Call call -> call.args();
      default -> List.of();
    };
  }

  /** The value of an expression of number literals, or {@code null} when it reads series. */
  static Double constant(Expr expr) {
    return switch (expr) {
      case NumberLiteral number -> number.value();
      case Paren paren -> constant(paren.expr());
      case Unary unary -> {
        Double inner = constant(unary.expr());
        yield inner == null ? null : unary.op().equals("-") ? -inner : inner;
      }
      case Binary binary -> {
        Double lhs = constant(binary.lhs());
        Double rhs = constant(binary.rhs());
        if (lhs == null || rhs == null || binary.returnBool()) {
          yield null;
        }
        yield switch (binary.op()) {
          case "+" -> lhs + rhs;
          case "-" -> lhs - rhs;
          case "*" -> lhs * rhs;
          case "/" -> lhs / rhs;
          case "^" -> Math.pow(lhs, rhs);
          default -> null;
        };
      }
      default -> null;
    };
  }

  static Expr unwrap(Expr expr) {
    return expr instanceof Paren paren ? unwrap(paren.expr()) : expr;
  }
}
