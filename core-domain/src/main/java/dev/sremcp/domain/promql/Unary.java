package dev.sremcp.domain.promql;

import java.util.Objects;

/**
 * A unary {@code -} or {@code +} in front of an expression that is not a plain number (a sign in
 * front of a number is folded into the {@link NumberLiteral}, as Prometheus does).
 */
public record Unary(String op, Expr expr, int position) implements Expr {

  public Unary {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(expr, "expr");
    if (!op.equals("-") && !op.equals("+")) {
      throw new IllegalArgumentException("unary operator must be + or -: " + op);
    }
  }

  @Override
  public ValueType type() {
    return expr.type();
  }
}
