package dev.sremcp.domain.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A lasting change of level in a metric series: where it starts, the level before and after, and
 * whether the series ran into a ceiling.
 *
 * @param before the median level before the shift
 * @param after the median level from the shift on, until the series returns to its old level
 * @param peak the most extreme value in that time
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
    CERTIFICATE(
        "(?i)ssl_earliest_cert_expiry|(ssl|tls|cert)\\w*_expir|expir\\w*_(ssl|tls|cert)|x509|"
            + "tls_cert|ssl_cert|cert\\w*_not_?after"),
    DNS("(?i)\\bdns|coredns|resolver|resolv"),
    STEAL("(?i)steal"),
    /** Whether targets answer: {@code up}, blackbox probes, healthy hosts or replicas. */
    AVAILABILITY(
        "(?i)^up\\b|\\bup\\s*(\\{|==|!=|<|\\))|probe_success|replicas_available|"
            + "(?<![a-z])available_replicas|(?<!un)healthy_hosts|membership_healthy|"
            + "(?<!un)_healthy\\b"),
    ERRORS(
        "(?i)5_?xx|5\\.\\.|\\berrors?\\b|_errors?_|fail|exception|timeout|refused|status=~?\"5|"
            + "code=~?\"5|outcome!=|outcome=~?\"(server|client)_error|(status|code)!~\"[23]|"
            + "(status|code)!=\"200|error_?(ratio|rate)"),
    LATENCY("(?i)latency|duration|_seconds_bucket|quantile|\\bp9\\d|response_time"),
    RESTARTS("(?i)restart|oom"),
    DISK(
        "(?i)disk|filesystem|\\bfs_|_fs_|volume|inode|io_time|iops|blkio|iowait|pressure_io|"
            + "io_pressure|(read|writ)(e|es|ten)?_bytes"),
    MEMORY("(?i)memory|heap|\\brss\\b|working_set|\\bmem_"),
    CPU("(?i)cpu|(?<![a-z])load\\d*\\b|throttl"),
    CONNECTIONS(
        "(?i)connection|\\bconn_|pool|threads|queue|backlog|sockets|file_descriptors|\\bfds\\b|"
            + "open_files|files_open|open_fds|max_fds|filefd|"
            + "pg_stat_activity"),
    TRAFFIC(
        "(?i)requests|\\brps\\b|\\bqps\\b|throughput|request_?(rate|count)|requestcount|traffic|"
            + "sessions|messages_in|invocations"),
    OTHER("$^");

    private final Pattern words;

    Kind(String words) {
      this.words = Pattern.compile(words);
    }

    static Kind of(Series series) {
      Kind named = named(series.words());
      Outcome outcome = Outcome.of(series.labels());
      if (outcome == Outcome.NONE || !(named == ERRORS || named == TRAFFIC || named == OTHER)) {
        return named; // a latency with a status label stays a latency
      }
      return switch (outcome) {
        case FAILED -> ERRORS; // requests answered 5xx or 429, or a gRPC Unavailable
        case SUCCEEDED -> named == TRAFFIC ? TRAFFIC : OTHER;
        default -> OTHER; // client errors are neither the service's errors nor its traffic
      };
    }

    private static Kind named(String words) {
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

  /**
   * What the status label of a series of requests says of them, when it has one: succeeded (2xx,
   * 3xx, OK), failed (5xx, 429, a server-side gRPC code), or neither (other 4xx, a cache miss).
   */
  enum Outcome {
    NONE,
    SUCCEEDED,
    FAILED,
    NEITHER;

    private static final List<String> LABELS =
        List.of(
            "code",
            "status",
            "status_code",
            "response_code",
            "http_status",
            "http_code",
            "grpc_code",
            "rpc_grpc_status_code",
            "outcome",
            "result");

    private static final Pattern FAILED_VALUE =
        Pattern.compile(
            "(?i)5\\d\\d|5xx|429|server_error|error|failure|failed|timeout|unavailable|"
                + "deadline_?exceeded|internal|unknown|resource_?exhausted|aborted|data_?loss|"
                + "1[03-5]|[248]"); // gRPC codes by number
    private static final Pattern SUCCEEDED_VALUE =
        Pattern.compile("(?i)[23]\\d\\d|[23]xx|ok|success|succeeded|0");

    /** The label of {@code labels} that holds the outcome, or {@code null}. */
    static String label(Map<String, String> labels) {
      for (String label : LABELS) {
        String value = labels.get(label);
        if (value != null && !value.isBlank()) {
          return label;
        }
      }
      return null;
    }

    static Outcome of(Map<String, String> labels) {
      String label = label(labels);
      if (label == null) {
        return NONE;
      }
      String value = labels.get(label);
      if (SUCCEEDED_VALUE.matcher(value).matches()) {
        return SUCCEEDED;
      }
      return FAILED_VALUE.matcher(value).matches() ? FAILED : NEITHER;
    }
  }

  /**
   * Requests split by status, summed back into their traffic: a surge answered with 401s and 5xx
   * shows in no one status, only in the total. One total for each query and set of other labels
   * that has at least two statuses.
   */
  static List<Series> totalsOverOutcomes(List<Series> all) {
    Map<List<Object>, List<Series>> groups = new LinkedHashMap<>();
    for (Series series : all) {
      String label = Outcome.label(series.labels());
      String words = series.name() + " " + series.query();
      if (label == null
          || !Kind.TRAFFIC.words.matcher(words).find()
          || Kind.LATENCY.words.matcher(words).find()) {
        continue; // summing latencies over statuses means nothing
      }
      Map<String, String> rest = new TreeMap<>(series.labels());
      rest.remove(label);
      groups
          .computeIfAbsent(
              List.of(series.name(), String.valueOf(series.query()), rest), k -> new ArrayList<>())
          .add(series);
    }
    List<Series> totals = new ArrayList<>();
    for (Map.Entry<List<Object>, List<Series>> group : groups.entrySet()) {
      if (group.getValue().size() < 2) {
        continue;
      }
      TreeMap<Long, Double> sum = new TreeMap<>();
      for (Series series : group.getValue()) {
        for (int i = 0; i < series.seconds().length; i++) {
          sum.merge(series.seconds()[i], series.values()[i], Double::sum);
        }
      }
      Series first = group.getValue().getFirst();
      @SuppressWarnings("unchecked")
      Map<String, String> rest = (Map<String, String>) group.getKey().get(2);
      totals.add(
          new Series(
              first.name(),
              first.query(),
              rest,
              sum.keySet().stream().mapToLong(Long::longValue).toArray(),
              sum.values().stream().mapToDouble(Double::doubleValue).toArray()));
    }
    return totals;
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
          double[] tail = Arrays.copyOfRange(v, i, recovered(v, i, median, threshold));
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

  /**
   * Where the episode that starts at {@code from} ends: the first point from which the series stays
   * back within the threshold of its old level for {@link #SUSTAINED} points, or the end. An
   * incident that was mitigated is measured by its level while it lasted, not by the calm after.
   */
  private static int recovered(double[] v, int from, double median, double threshold) {
    for (int j = from + SUSTAINED; j + SUSTAINED <= v.length; j++) {
      boolean back = true;
      for (int k = j; k < j + SUSTAINED && back; k++) {
        back = Math.abs(v[k] - median) <= threshold;
      }
      if (back) {
        return j;
      }
    }
    return v.length;
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
    boolean counts = Arrays.stream(all).allMatch(x -> x == Math.rint(x));
    if (counts && peak <= 2) {
      return false; // a queue of one or two, a pool using two: a count, not a ratio or a ceiling
    }
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
