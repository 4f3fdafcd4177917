package dev.sremcp.domain.incident;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A lasting change of level in a metric series: where it starts, the level before and after, and
 * whether the series ran into a ceiling.
 *
 * @param before the median level before the shift
 * @param after the median level from the shift on
 * @param peak the most extreme value from the shift on
 * @param saturated whether the series reached 90 % of a ratio or percentage, or sat pinned at its
 *     maximum
 */
record Shift(
    Series series,
    Kind kind,
    Instant from,
    double before,
    double after,
    double peak,
    boolean saturated) {

  /** What a series measures, read from its name, query and labels. */
  enum Kind {
    CERTIFICATE("(?i)ssl_earliest_cert_expiry|cert\\w*_expir|x509|tls_cert"),
    DNS("(?i)\\bdns|coredns|resolver|resolv"),
    STEAL("(?i)steal"),
    ERRORS(
        "(?i)5xx|5\\.\\.|\\berrors?\\b|_errors?_|fail|exception|timeout|refused|status=~?\"5|"
            + "code=~?\"5"),
    LATENCY("(?i)latency|duration|_seconds_bucket|quantile|\\bp9\\d|response_time"),
    RESTARTS("(?i)restart|oom"),
    DISK("(?i)disk|filesystem|\\bfs_|volume|inode"),
    MEMORY("(?i)memory|heap|\\brss\\b|working_set|\\bmem_"),
    CPU("(?i)cpu|load\\d*\\b|throttl"),
    CONNECTIONS(
        "(?i)connection|\\bconn_|pool|threads|queue|backlog|sockets|file_descriptors|\\bfds\\b"),
    TRAFFIC(
        "(?i)requests|\\brps\\b|\\bqps\\b|throughput|request_rate|traffic|sessions|messages_in"),
    OTHER("$^");

    private final Pattern words;

    Kind(String words) {
      this.words = Pattern.compile(words);
    }

    static Kind of(Series series) {
      String words = series.words();
      for (Kind kind : values()) {
        if (kind.words.matcher(words).find()) {
          return kind;
        }
      }
      return OTHER;
    }

    boolean resource() {
      return this == CPU || this == MEMORY || this == DISK || this == CONNECTIONS;
    }

    String noun() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Points in a row past the threshold that make a shift, not a blip. */
  private static final int SUSTAINED = 3;

  private static final Pattern RATIO_NAME =
      Pattern.compile("(?i)ratio|utili[sz]ation|usage|percent|pct|used|saturation|fraction");

  boolean rising() {
    return after > before;
  }

  /** How many times the level after is the level before (for rises from a positive level). */
  double factor() {
    return before <= 0 ? Double.POSITIVE_INFINITY : after / before;
  }

  /** The first lasting shift of a series, if it has one. */
  static Optional<Shift> of(Series series) {
    double[] v = series.values();
    int n = v.length;
    if (n < 6) {
      return Optional.empty();
    }
    Kind kind = Kind.of(series);
    for (int baseline : new int[] {Math.max(3, n / 3), Math.max(3, n / 8)}) {
      double[] head = Arrays.copyOf(v, baseline);
      double median = median(head);
      double mad = 1.4826 * median(Arrays.stream(head).map(x -> Math.abs(x - median)).toArray());
      double scale = Math.max(Math.abs(median), maxAbs(v) * 0.05);
      double threshold = Math.max(5 * mad, Math.max(0.3 * Math.abs(median), 0.1 * scale));
      if (threshold == 0) {
        threshold = 1e-9;
      }
      for (int i = baseline; i + SUSTAINED <= n; i++) {
        if (sustained(v, i, median, threshold)) {
          double[] tail = Arrays.copyOfRange(v, i, n);
          double after = median(tail);
          boolean up = after > median;
          double peak =
              up
                  ? Arrays.stream(tail).max().orElse(after)
                  : Arrays.stream(tail).min().orElse(after);
          return Optional.of(
              new Shift(
                  series,
                  kind,
                  Instant.ofEpochSecond(series.seconds()[i]),
                  median,
                  after,
                  peak,
                  up && saturated(series, kind, v, tail, peak)));
        }
      }
    }
    return Optional.empty();
  }

  /** The point and the next ones stay on the same side, past the threshold. */
  private static boolean sustained(double[] v, int i, double median, double threshold) {
    double first = v[i] - median;
    if (Math.abs(first) <= threshold) {
      return false;
    }
    int past = 0;
    int end = Math.min(v.length, i + SUSTAINED + 1);
    for (int j = i; j < end; j++) {
      double d = v[j] - median;
      if (Math.abs(d) > threshold && Math.signum(d) == Math.signum(first)) {
        past++;
      }
    }
    return past >= Math.min(SUSTAINED, end - i);
  }

  private static boolean saturated(
      Series series, Kind kind, double[] all, double[] tail, double peak) {
    if (!kind.resource()) {
      return false;
    }
    double max = maxAbs(all);
    boolean ratio = max <= 1.5 && RATIO_NAME.matcher(series.words()).find() || max <= 1.0;
    if (ratio) {
      return peak >= 0.9;
    }
    boolean percent = max <= 100 && RATIO_NAME.matcher(series.words()).find();
    if (percent) {
      return peak >= 90;
    }
    // a count that rose and then sat at its ceiling: a pool or a limit reached
    int pinned = 0;
    for (double x : tail) {
      if (x >= peak * 0.999) {
        pinned++;
      }
    }
    return pinned >= Math.max(SUSTAINED, tail.length / 3);
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static double maxAbs(double[] values) {
    double max = 0;
    for (double x : values) {
      max = Math.max(max, Math.abs(x));
    }
    return max;
  }
}
