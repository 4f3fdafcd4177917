package dev.sremcp.domain.promql;

import java.util.List;
import java.util.Objects;

/**
 * How a binary operation between two instant vectors pairs their series: {@code on} or {@code
 * ignoring} labels, and the {@code group_left} or {@code group_right} cardinality with its extra
 * labels.
 */
public record VectorMatching(
    Cardinality cardinality, List<String> labels, boolean on, List<String> include) {

  /** Which side of a vector matching may have more than one series per match group. */
  public enum Cardinality {
    ONE_TO_ONE,
    MANY_TO_ONE,
    ONE_TO_MANY,
    MANY_TO_MANY
  }

  public VectorMatching {
    Objects.requireNonNull(cardinality, "cardinality");
    labels = List.copyOf(labels);
    include = List.copyOf(include);
  }
}
