package dev.sremcp.domain.slo;

import java.time.Instant;
import java.util.Objects;

/**
 * Good and total events at one instant: either the events of the interval that ends there, or
 * counter readings, as the series says.
 *
 * @param index the point's position in the input, 0-based, for evidence
 */
public record SeriesPoint(int index, Instant time, double good, double total) {

  public SeriesPoint {
    Objects.requireNonNull(time, "time");
  }
}
