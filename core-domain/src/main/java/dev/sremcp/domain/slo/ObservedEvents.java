package dev.sremcp.domain.slo;

import dev.sremcp.domain.slo.Observations.EventCounts;
import dev.sremcp.domain.slo.Observations.EventSeries;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Observations reduced to what the report needs: the good and total events inside the SLO window,
 * how much of the window they cover, and for a series the events of each interval, from which error
 * ratios over trailing ranges are read.
 *
 * <p>Event counts are taken to cover the whole window, as their argument says. A series is cut to
 * the window that ends at its last point; if it is shorter, it covers part of the window, and
 * nothing is assumed about the rest.
 */
final class ObservedEvents {

  /** Larger counts are refused: no service sees more events in a year, and sums stay exact. */
  static final double MAX_COUNT = 1e15;

  /** The events of a trailing range of the series, and where in the input they come from. */
  record Slice(double good, double total, int firstIndex, int lastIndex, int points) {
    double errorRatio() {
      return (total - good) / total;
    }
  }

  private final double good;
  private final double total;
  private final List<SeriesPoint> intervals;
  private final Duration resolution;
  private final Duration covered;
  private final double coverage;

  private ObservedEvents(
      double good,
      double total,
      List<SeriesPoint> intervals,
      Duration resolution,
      Duration covered,
      SloWindow window) {
    if (total <= 0) {
      throw new InvalidArgumentsException(
          intervals.isEmpty()
              ? "total is 0: with no events there is no availability to report"
              : "the series has no events in the "
                  + window.text()
                  + " window that ends at its last point");
    }
    this.good = good;
    this.total = total;
    this.intervals = intervals;
    this.resolution = resolution;
    this.covered = covered;
    this.coverage = Math.min(1.0, (double) covered.toSeconds() / window.length().toSeconds());
  }

  static ObservedEvents of(Observations observations, SloWindow window) {
    return switch (observations) {
      case EventCounts counts -> {
        checkCounts("good", counts.good(), "total", counts.total());
        yield new ObservedEvents(
            counts.good(), counts.total(), List.of(), Duration.ZERO, window.length(), window);
      }
      case EventSeries series -> ofSeries(series, window);
    };
  }

  private static ObservedEvents ofSeries(EventSeries series, SloWindow window) {
    List<SeriesPoint> points = series.points();
    if (points.isEmpty()) {
      throw new InvalidArgumentsException("series is empty: give at least one point");
    }
    for (SeriesPoint point : points) {
      String at = "series[" + point.index() + "]";
      checkCounts(at + ".good", point.good(), at + ".total", point.total());
    }
    for (int i = 1; i < points.size(); i++) {
      if (!points.get(i).time().isAfter(points.get(i - 1).time())) {
        throw new InvalidArgumentsException(
            "series["
                + points.get(i).index()
                + "] has the same time as another point: each time may appear once");
      }
    }
    List<SeriesPoint> all = series.cumulative() ? increases(points) : points;
    if (all.isEmpty()) {
      throw new InvalidArgumentsException(
          "a cumulative series needs at least two readings: the first is the baseline");
    }
    Duration resolution = medianGap(points);
    Instant last = points.getLast().time();
    Instant windowStart = last.minus(window.length());
    Instant seriesStart =
        series.cumulative() ? points.getFirst().time() : points.getFirst().time().minus(resolution);
    List<SeriesPoint> inWindow =
        all.stream().filter(point -> point.time().isAfter(windowStart)).toList();
    Duration covered =
        Duration.between(seriesStart.isAfter(windowStart) ? seriesStart : windowStart, last);
    double good = inWindow.stream().mapToDouble(SeriesPoint::good).sum();
    double total = inWindow.stream().mapToDouble(SeriesPoint::total).sum();
    return new ObservedEvents(good, total, inWindow, resolution, covered, window);
  }

  /** Counter readings to per-interval increases; a reading below the last is a counter reset. */
  private static List<SeriesPoint> increases(List<SeriesPoint> readings) {
    List<SeriesPoint> result = new ArrayList<>(readings.size() - 1);
    for (int i = 1; i < readings.size(); i++) {
      SeriesPoint before = readings.get(i - 1);
      SeriesPoint now = readings.get(i);
      double total = now.total() >= before.total() ? now.total() - before.total() : now.total();
      double good = now.good() >= before.good() ? now.good() - before.good() : now.good();
      result.add(new SeriesPoint(now.index(), now.time(), Math.min(good, total), total));
    }
    return result;
  }

  private static Duration medianGap(List<SeriesPoint> points) {
    if (points.size() < 2) {
      return Duration.ZERO;
    }
    List<Duration> gaps = new ArrayList<>(points.size() - 1);
    for (int i = 1; i < points.size(); i++) {
      gaps.add(Duration.between(points.get(i - 1).time(), points.get(i).time()));
    }
    gaps.sort(null);
    return gaps.get(gaps.size() / 2);
  }

  private static void checkCounts(String goodName, double good, String totalName, double total) {
    if (good < 0 || total < 0) {
      throw new InvalidArgumentsException(
          (good < 0 ? goodName : totalName) + " cannot be negative: event counts start at 0");
    }
    if (good > MAX_COUNT || total > MAX_COUNT) {
      throw new InvalidArgumentsException(
          (good > MAX_COUNT ? goodName : totalName) + " is above the limit of 1e15 events");
    }
    if (good > total) {
      throw new InvalidArgumentsException(
          goodName + " (" + good + ") cannot exceed " + totalName + " (" + total + ")");
    }
  }

  double good() {
    return good;
  }

  double total() {
    return total;
  }

  double bad() {
    return total - good;
  }

  boolean isSeries() {
    return !intervals.isEmpty();
  }

  /** The series' points inside the window (all intervals of counter readings). */
  int pointsInWindow() {
    return intervals.size();
  }

  Duration resolution() {
    return resolution;
  }

  /** How much of the window the observations cover. */
  Duration covered() {
    return covered;
  }

  /** {@link #covered()} as a share of the window: 1 for event counts. */
  double coverage() {
    return coverage;
  }

  /** Whether the observations reach back at least {@code range} from their end. */
  boolean covers(Duration range) {
    return isSeries() && covered.compareTo(range) >= 0;
  }

  /**
   * The events of the intervals ending within {@code range} of the last point (at least the last
   * interval), or empty when none of them saw any event.
   */
  Optional<Slice> trailing(Duration range) {
    Instant from = intervals.getLast().time().minus(range);
    double sliceGood = 0;
    double sliceTotal = 0;
    int first = intervals.size() - 1;
    for (int i = intervals.size() - 1; i >= 0; i--) {
      SeriesPoint point = intervals.get(i);
      if (i < intervals.size() - 1 && !point.time().isAfter(from)) {
        break;
      }
      sliceGood += point.good();
      sliceTotal += point.total();
      first = i;
    }
    if (sliceTotal <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Slice(
            sliceGood,
            sliceTotal,
            intervals.get(first).index(),
            intervals.getLast().index(),
            intervals.size() - first));
  }
}
