package dev.sremcp.domain.promql;

/** A number such as {@code 42}, {@code 0x1f}, {@code 1e-3}, {@code Inf} or {@code NaN}. */
public record NumberLiteral(double value, int position) implements Expr {

  @Override
  public ValueType type() {
    return ValueType.SCALAR;
  }
}
