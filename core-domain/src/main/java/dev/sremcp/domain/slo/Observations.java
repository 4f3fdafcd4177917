package dev.sremcp.domain.slo;

import java.util.List;

/** What was observed of a service: totals over the window, or a time series. */
public sealed interface Observations {

  /** Good and total events over the SLO window. */
  record EventCounts(double good, double total) implements Observations {}

  /**
   * Good and total events over time, sorted by time.
   *
   * @param cumulative whether the points are counter readings (as Prometheus counters are) rather
   *     than the events of each interval
   */
  record EventSeries(List<SeriesPoint> points, boolean cumulative) implements Observations {
    public EventSeries {
      points = List.copyOf(points);
    }
  }
}
