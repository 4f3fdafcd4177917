package dev.sremcp.domain.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Usage series paired with the limit series beside them, and when each reached its limit: how a
 * resource running out shows in metrics that have no lasting shift.
 */
final class Limits {

  private Limits() {}

  private static final Pattern LIMIT_WORD =
      Pattern.compile("(?i)^(max|maximum|limits?|capacity|size)$");
  private static final Set<String> MEASURE_WORDS =
      Set.of(
          "max",
          "maximum",
          "limit",
          "limits",
          "capacity",
          "size",
          "open",
          "used",
          "usage",
          "current",
          "active",
          "spec",
          "status",
          "total",
          "count",
          "bytes",
          "available",
          "avail",
          "free",
          "remaining");

  /** What is left of a resource, rather than what is used. */
  private static final Pattern LEFT_WORD =
      Pattern.compile("(?i)(^|_)(available|avail|free|remaining)(_|$)");

  /** A usage series that came within 2 % of its limit at {@code at}. */
  record Reached(Series used, Series limit, String limitName, Instant at) {}

  /**
   * The series that reached their limit from {@code from} to {@code to}, each limit given as a
   * series beside it with the same name but for {@code max} or {@code limit} and the same labels:
   * {@code process_files_open_files} at {@code process_files_max_files}, {@code
   * hikaricp_connections_active} at {@code hikaricp_connections_max}, {@code
   * kubelet_volume_stats_available_bytes} at nothing of {@code
   * kubelet_volume_stats_capacity_bytes}. A slow leak reaches its ceiling without a shift in level.
   */
  static List<Reached> reached(List<Series> all, Instant from, Instant to) {
    // each series' name and stem once; usage series indexed by stem
    Map<Set<String>, List<Series>> usageByStem = new HashMap<>();
    List<Series> limits = new ArrayList<>();
    Map<Series, String> names = new IdentityHashMap<>();
    for (Series series : all) {
      String name = metricName(series);
      if (name == null || series.values().length == 0 || STATISTIC.matcher(name).find()) {
        continue; // histograms and counters are not levels; Micrometer's _max is not a limit
      }
      names.put(series, name);
      if (isLimit(name)) {
        limits.add(series);
      } else {
        usageByStem.computeIfAbsent(stem(name), k -> new ArrayList<>()).add(series);
      }
    }
    List<Reached> reached = new ArrayList<>();
    for (Series limit : limits) {
      String limitName = names.get(limit);
      for (Series used : usageByStem.getOrDefault(stem(limitName), List.of())) {
        if (sameWhereBoth(used.labels(), limit.labels())) {
          Instant at = reached(used, limit, names.get(used), from, to);
          if (at != null) {
            reached.add(new Reached(used, limit, limitName, at));
          }
        }
      }
    }
    return reached;
  }

  /** Names of histograms, summaries and counters, whose values are not a resource's level. */
  private static final Pattern STATISTIC =
      Pattern.compile("(?i)_(seconds|bucket|sum|created|total)(_|$)");

  /**
   * Whether a series is a configured ceiling: {@code max_connections}, {@code memory_limit_bytes};
   * not a size ({@code cache_size}), nor what is left under a limit ({@code rate_limit_remaining},
   * {@code max_avail}).
   */
  static boolean isCeiling(Series series) {
    String name = metricName(series);
    return name != null
        && !STATISTIC.matcher(name).find()
        && !LEFT_WORD.matcher(name).find()
        && Stream.of(name.split("_")).anyMatch(word -> CEILING_WORD.matcher(word).matches());
  }

  private static final Pattern CEILING_WORD = Pattern.compile("(?i)^(max|maximum|limits?)$");

  private static boolean isLimit(String name) {
    return Stream.of(name.split("_")).anyMatch(word -> LIMIT_WORD.matcher(word).matches());
  }

  private static final Pattern SELECTOR =
      Pattern.compile("\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{[^}]*\\})?\\s*");

  /** The metric's name: its {@code __name__}, or the name a bare selector query selects. */
  private static String metricName(Series series) {
    if (series.query() == null || !series.name().equals(series.query())) {
      return series.name();
    }
    Matcher selector = SELECTOR.matcher(series.query());
    return selector.matches() ? selector.group(1) : null;
  }

  private static Set<String> stem(String name) {
    Set<String> stem = new HashSet<>(List.of(name.toLowerCase(Locale.ROOT).split("_")));
    stem.removeAll(MEASURE_WORDS);
    return stem;
  }

  private static boolean sameWhereBoth(Map<String, String> a, Map<String, String> b) {
    for (Map.Entry<String, String> entry : a.entrySet()) {
      String other = b.get(entry.getKey());
      if (other != null && !other.equals(entry.getValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * When a series first came within 2 % of its limit (or, for what is left, such as {@code
   * available_bytes}, within 2 % of nothing) from {@code from} to {@code to}. A series that sat at
   * its limit all along (an autoscaler at its maximum for days) counts too: a known limitation,
   * left as measured.
   */
  private static Instant reached(
      Series used, Series limit, String usedName, Instant from, Instant to) {
    boolean left = LEFT_WORD.matcher(usedName).find(); // what is left, not what is used
    int j = 0;
    for (int i = 0; i < used.values().length; i++) {
      long at = used.seconds()[i];
      while (j + 1 < limit.seconds().length && limit.seconds()[j + 1] <= at) {
        j++;
      }
      double ceiling = limit.values()[j];
      Instant when = Instant.ofEpochSecond(at);
      boolean full = left ? used.values()[i] <= 0.02 * ceiling : used.values()[i] >= 0.98 * ceiling;
      if (ceiling > 0 && full && !when.isBefore(from) && !when.isAfter(to)) {
        return when;
      }
    }
    return null;
  }
}
