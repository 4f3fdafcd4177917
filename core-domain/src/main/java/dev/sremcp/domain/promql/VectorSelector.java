package dev.sremcp.domain.promql;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An instant vector selector such as {@code http_requests_total{job="api"} offset 5m}. The metric
 * name is null when the selector has only braces; the matchers are the ones written in the braces
 * (the name is not repeated among them). The offset and {@code @} modifier are null when absent.
 */
public record VectorSelector(
    String metricName, List<LabelMatcher> matchers, Duration offset, AtModifier at, int position)
    implements Expr {

  public VectorSelector {
    matchers = List.copyOf(Objects.requireNonNull(matchers, "matchers"));
  }

  @Override
  public ValueType type() {
    return ValueType.VECTOR;
  }

  VectorSelector withOffset(Duration newOffset) {
    return new VectorSelector(metricName, matchers, newOffset, at, position);
  }

  VectorSelector withAt(AtModifier newAt) {
    return new VectorSelector(metricName, matchers, offset, newAt, position);
  }
}
