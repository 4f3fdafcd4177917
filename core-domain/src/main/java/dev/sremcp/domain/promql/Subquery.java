package dev.sremcp.domain.promql;

import java.time.Duration;
import java.util.Objects;

/**
 * A subquery such as {@code rate(x[5m])[1h:1m]}. The step is null when omitted ({@code [1h:]}); the
 * offset and {@code @} modifier are null when absent.
 */
public record Subquery(
    Expr expr, Duration range, Duration step, Duration offset, AtModifier at, int position)
    implements Expr {

  public Subquery {
    Objects.requireNonNull(expr, "expr");
    Objects.requireNonNull(range, "range");
  }

  @Override
  public ValueType type() {
    return ValueType.MATRIX;
  }

  Subquery withOffset(Duration newOffset) {
    return new Subquery(expr, range, step, newOffset, at, position);
  }

  Subquery withAt(AtModifier newAt) {
    return new Subquery(expr, range, step, offset, newAt, position);
  }
}
