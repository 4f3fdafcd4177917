package dev.sremcp.domain.promql;

import java.util.Objects;

/**
 * A binary operation such as {@code a / on(job) b} or {@code x > bool 0}. Keyword operators ({@code
 * and}, {@code or}, {@code unless}, {@code atan2}) are in lower case. The vector matching is
 * present exactly when both sides are instant vectors.
 */
public record Binary(
    String op, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching, int position)
    implements Expr {

  public Binary {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(lhs, "lhs");
    Objects.requireNonNull(rhs, "rhs");
  }

  /** Scalar when both sides are scalars, otherwise an instant vector. */
  @Override
  public ValueType type() {
    if (lhs.type() == ValueType.SCALAR && rhs.type() == ValueType.SCALAR) {
      return ValueType.SCALAR;
    }
    return ValueType.VECTOR;
  }
}
