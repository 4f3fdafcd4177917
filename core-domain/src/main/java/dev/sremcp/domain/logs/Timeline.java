package dev.sremcp.domain.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts over an axis (Unix seconds, or line numbers when a log has no timestamps) in a fixed
 * number of buckets whose width doubles as the axis grows, so any log fits in the same memory.
 * Every series shares the buckets, so a template's counts line up with the totals.
 */
final class Timeline {

  static final int BUCKETS = 64;

  private final List<int[]> series = new ArrayList<>();
  private long origin = Long.MIN_VALUE;
  private long width = 1;

  int[] newSeries() {
    int[] counts = new int[BUCKETS];
    series.add(counts);
    return counts;
  }

  void add(int[] counts, long coordinate) {
    if (origin == Long.MIN_VALUE) {
      origin = coordinate;
    }
    long offset = Math.max(0, coordinate - origin);
    while (offset / width >= BUCKETS) {
      widen();
    }
    counts[(int) (offset / width)]++;
  }

  long origin() {
    return origin;
  }

  long width() {
    return width;
  }

  boolean isEmpty() {
    return origin == Long.MIN_VALUE;
  }

  /** Doubles the bucket width: each pair of buckets becomes one. */
  private void widen() {
    width *= 2;
    for (int[] counts : series) {
      for (int i = 0; i < BUCKETS / 2; i++) {
        counts[i] = counts[2 * i] + counts[2 * i + 1];
      }
      java.util.Arrays.fill(counts, BUCKETS / 2, BUCKETS, 0);
    }
  }
}
