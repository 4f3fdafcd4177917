package dev.sremcp.domain.runbook;

import dev.sremcp.domain.promql.Aggregate;
import dev.sremcp.domain.promql.Binary;
import dev.sremcp.domain.promql.Call;
import dev.sremcp.domain.promql.Expr;
import dev.sremcp.domain.promql.LabelMatcher;
import dev.sremcp.domain.promql.MatrixSelector;
import dev.sremcp.domain.promql.NumberLiteral;
import dev.sremcp.domain.promql.Paren;
import dev.sremcp.domain.promql.StringLiteral;
import dev.sremcp.domain.promql.Subquery;
import dev.sremcp.domain.promql.Unary;
import dev.sremcp.domain.promql.ValueType;
import dev.sremcp.domain.promql.VectorMatching;
import dev.sremcp.domain.promql.VectorSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * Which labels the result of an expression carries: whether a label survives its aggregations,
 * which labels each alert carries, and the expression rewritten to keep a label it aggregates away
 * (the breakdown a responder runs).
 */
final class ResultLabels {

  private ResultLabels() {}

  /**
   * Whether the series of the result still carry {@code label}, when the series read carry it;
   * false when an aggregation (or a function such as {@code absent}) drops it.
   */
  static boolean keeps(Expr expr, String label) {
    return switch (expr) {
      case VectorSelector selector -> true;
      case MatrixSelector matrix -> true;
      case NumberLiteral number -> false;
      case StringLiteral string -> false;
      case Paren paren -> keeps(paren.expr(), label);
      case Unary unary -> keeps(unary.expr(), label);
      case Subquery subquery -> keeps(subquery.expr(), label);
      case Aggregate aggregate -> {
        if (Shape.KEEPING.contains(aggregate.op())) {
          yield keeps(aggregate.expr(), label);
        }
        boolean listed = aggregate.grouping().contains(label);
        yield (aggregate.without() != listed) && keeps(aggregate.expr(), label);
      }
      case Call call ->
          switch (call.function()) {
            case "histogram_quantile" -> !label.equals("le") && keeps(call.args().get(1), label);
            case "absent", "absent_over_time", "scalar", "vector", "time", "pi" -> false;
            default ->
                call.args().stream()
                    .filter(a -> a.type() == ValueType.VECTOR || a.type() == ValueType.MATRIX)
                    .findFirst()
                    .map(a -> keeps(a, label))
                    .orElse(false);
          };
      case Binary binary -> {
        if (binary.lhs().type() == ValueType.SCALAR) {
          yield keeps(binary.rhs(), label);
        }
        if (binary.rhs().type() == ValueType.SCALAR) {
          yield keeps(binary.lhs(), label);
        }
        VectorMatching matching = binary.matching();
        boolean matched =
            matching == null
                || Shape.SET_OPERATORS.contains(binary.op())
                || matching.cardinality() != VectorMatching.Cardinality.ONE_TO_ONE
                || (matching.on() == matching.labels().contains(label));
        Expr side =
            matching != null && matching.cardinality() == VectorMatching.Cardinality.ONE_TO_MANY
                ? binary.rhs()
                : binary.lhs();
        yield matched && keeps(side, label);
      }
    };
  }

  /**
   * The labels each alert of this expression carries (beside the rule's own), when the expression
   * fixes them by an aggregation; {@code null} when they are those of the series read.
   */
  static List<String> alertLabels(Expr expr) {
    return switch (expr) {
      case VectorSelector selector -> null;
      case MatrixSelector matrix -> null;
      case NumberLiteral number -> List.of();
      case StringLiteral string -> List.of();
      case Paren paren -> alertLabels(paren.expr());
      case Unary unary -> alertLabels(unary.expr());
      case Subquery subquery -> alertLabels(subquery.expr());
      case Aggregate aggregate ->
          Shape.KEEPING.contains(aggregate.op())
              ? alertLabels(aggregate.expr())
              : aggregate.without() ? null : aggregate.grouping();
      case Call call ->
          switch (call.function()) {
            case "histogram_quantile" -> {
              List<String> inner = alertLabels(call.args().get(1));
              yield inner == null ? null : inner.stream().filter(l -> !l.equals("le")).toList();
            }
            case "absent", "absent_over_time" -> {
              Expr arg = Shape.unwrap(call.args().getFirst());
              VectorSelector selector =
                  arg instanceof MatrixSelector m
                      ? m.selector()
                      : arg instanceof VectorSelector v ? v : null;
              yield selector == null
                  ? List.of()
                  : selector.matchers().stream()
                      .filter(m -> m.op().equals("="))
                      .map(LabelMatcher::name)
                      .toList();
            }
            case "scalar", "vector", "time", "pi" -> List.of();
            default -> {
              for (Expr arg : call.args()) {
                if (arg.type() == ValueType.VECTOR || arg.type() == ValueType.MATRIX) {
                  yield alertLabels(arg);
                }
              }
              yield List.of();
            }
          };
      case Binary binary -> {
        if (binary.lhs().type() == ValueType.SCALAR) {
          yield alertLabels(binary.rhs());
        }
        if (binary.rhs().type() == ValueType.SCALAR || binary.matching() == null) {
          yield alertLabels(binary.lhs());
        }
        VectorMatching matching = binary.matching();
        if (matching.on()
            && matching.cardinality() == VectorMatching.Cardinality.ONE_TO_ONE
            && !Shape.SET_OPERATORS.contains(binary.op())) {
          yield matching.labels();
        }
        yield alertLabels(
            matching.cardinality() == VectorMatching.Cardinality.ONE_TO_MANY
                ? binary.rhs()
                : binary.lhs());
      }
    };
  }

  /**
   * The expression with {@code label} added to every aggregation that drops it, so that its result
   * is broken down by that label; {@code null} when that cannot be done safely (an aggregation with
   * a parameter, or a vector matching that ignores the label).
   */
  static Expr breakDown(Expr expr, String label) {
    return switch (expr) {
      case Aggregate aggregate -> {
        if (aggregate.param() != null) {
          yield null;
        }
        Expr inner = breakDown(aggregate.expr(), label);
        if (inner == null) {
          yield null;
        }
        List<String> grouping = new ArrayList<>(aggregate.grouping());
        if (aggregate.without()) {
          grouping.remove(label);
        } else if (!grouping.contains(label)) {
          grouping.add(label);
        }
        yield new Aggregate(
            aggregate.op(), inner, null, grouping, aggregate.without(), aggregate.position());
      }
      case Binary binary -> {
        Expr lhs = breakDown(binary.lhs(), label);
        Expr rhs = breakDown(binary.rhs(), label);
        VectorMatching matching = binary.matching();
        if (lhs == null || rhs == null) {
          yield null;
        }
        if (matching != null) {
          if (!matching.on() && matching.labels().contains(label)) {
            yield null;
          }
          if (matching.on() && !matching.labels().contains(label)) {
            List<String> on = new ArrayList<>(matching.labels());
            on.add(label);
            matching = new VectorMatching(matching.cardinality(), on, true, matching.include());
          }
        }
        yield new Binary(binary.op(), lhs, rhs, binary.returnBool(), matching, binary.position());
      }
      case Paren paren -> {
        Expr inner = breakDown(paren.expr(), label);
        yield inner == null ? null : new Paren(inner, paren.position());
      }
      case Unary unary -> {
        Expr inner = breakDown(unary.expr(), label);
        yield inner == null ? null : new Unary(unary.op(), inner, unary.position());
      }
      case Call call -> {
        List<Expr> args = new ArrayList<>();
        for (Expr arg : call.args()) {
          Expr changed = breakDown(arg, label);
          if (changed == null) {
            yield null;
          }
          args.add(changed);
        }
        yield new Call(call.function(), args, call.position());
      }
      case Subquery subquery -> {
        Expr inner = breakDown(subquery.expr(), label);
        yield inner == null
            ? null
            : new Subquery(
                inner,
                subquery.range(),
                subquery.step(),
                subquery.offset(),
                subquery.at(),
                subquery.position());
      }
      default -> expr;
    };
  }
}
