package dev.sremcp.domain.promql;

import java.util.Objects;

/** An expression in parentheses; it has the type of the expression inside. */
public record Paren(Expr expr, int position) implements Expr {

  public Paren {
    Objects.requireNonNull(expr, "expr");
  }

  @Override
  public ValueType type() {
    return expr.type();
  }
}
