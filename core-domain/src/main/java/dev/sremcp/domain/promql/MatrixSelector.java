package dev.sremcp.domain.promql;

import java.time.Duration;
import java.util.Objects;

/**
 * A range vector selector such as {@code http_requests_total[5m]}. An offset or {@code @} modifier
 * written after the range is kept on the inner selector, as Prometheus does.
 */
public record MatrixSelector(VectorSelector selector, Duration range, int position)
    implements Expr {

  public MatrixSelector {
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(range, "range");
  }

  @Override
  public ValueType type() {
    return ValueType.MATRIX;
  }
}
