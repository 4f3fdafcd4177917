package dev.sremcp.domain.promql;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Parses PromQL expressions as Prometheus 2.42 does, type checks included, and walks the resulting
 * trees.
 */
public final class PromQl {

  /** The longest expression accepted, in characters. */
  public static final int MAX_LENGTH = 65_536;

  /** The deepest nesting of expressions accepted. */
  public static final int MAX_DEPTH = Parser.MAX_DEPTH;

  private PromQl() {}

  /**
   * Parses and type-checks an expression.
   *
   * @throws PromQlSyntaxException at the first syntax or type error, with Prometheus's message, or
   *     when the expression is longer than {@value #MAX_LENGTH} characters or nests deeper than
   *     {@value #MAX_DEPTH} levels
   */
  public static Expr parse(String expression) {
    Objects.requireNonNull(expression, "expression");
    if (expression.length() > MAX_LENGTH) {
      throw new PromQlSyntaxException(
          expression,
          0,
          "expression is "
              + expression.length()
              + " characters long, more than the limit of "
              + MAX_LENGTH,
          true);
    }
    return new Parser(expression).parse();
  }

  /**
   * Every node of the tree in pre-order: a node comes before its children, and children come in the
   * order they are written.
   */
  public static Stream<Expr> walk(Expr root) {
    Objects.requireNonNull(root, "root");
    List<Expr> nodes = new ArrayList<>();
    Deque<Expr> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Expr node = pending.pop();
      nodes.add(node);
      List<Expr> children = children(node);
      for (int i = children.size() - 1; i >= 0; i--) {
        pending.push(children.get(i));
      }
    }
    return nodes.stream();
  }

  /**
   * A duration as Prometheus reads one in queries and rule files ({@code 1h30m}, {@code 0}), or
   * empty when the text is not one or is out of range.
   */
  public static Optional<Duration> parseDuration(String text) {
    return Optional.ofNullable(DurationText.parse(Objects.requireNonNull(text, "text")).duration());
  }

  /** Writes a duration the way Prometheus does, e.g. {@code 5m}, {@code 1h30m} or {@code -1d}. */
  public static String format(Duration duration) {
    return DurationText.format(Objects.requireNonNull(duration, "duration"));
  }

  /** The direct children of a node, in the order they are written. */
  static List<Expr> children(Expr node) {
    return switch (node) {
      case NumberLiteral number -> List.of();
      case StringLiteral string -> List.of();
      case VectorSelector selector -> List.of();
      case MatrixSelector matrix -> List.of(matrix.selector());
      case Subquery subquery -> List.of(subquery.expr());
      case Call call -> call.args();
      case Aggregate aggregate ->
          aggregate.param() == null
              ? List.of(aggregate.expr())
              : List.of(aggregate.param(), aggregate.expr());
      case Binary binary -> List.of(binary.lhs(), binary.rhs());
      case Unary unary -> List.of(unary.expr());
      case Paren paren -> List.of(paren.expr());
    };
  }
}
