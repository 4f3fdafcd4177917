package dev.sremcp.domain.promql;

import java.util.List;
import java.util.Objects;

/**
 * An aggregation such as {@code sum by (job) (x)} or {@code topk(5, x)}. The operator is in lower
 * case; the parameter is null except for {@code topk}, {@code bottomk}, {@code quantile} and {@code
 * count_values}; the grouping labels are empty when there is no {@code by} or {@code without}
 * clause.
 */
public record Aggregate(
    String op, Expr expr, Expr param, List<String> grouping, boolean without, int position)
    implements Expr {

  public Aggregate {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(expr, "expr");
    grouping = List.copyOf(Objects.requireNonNull(grouping, "grouping"));
  }

  @Override
  public ValueType type() {
    return ValueType.VECTOR;
  }
}
