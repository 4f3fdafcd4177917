package dev.sremcp.domain.slo;

import dev.sremcp.domain.slo.Observations.EventCounts;
import dev.sremcp.domain.slo.Observations.EventSeries;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the arguments of {@code slo_report} into a {@link SloRequest}. */
final class SloArguments {

  private static final Set<String> SLI_FIELDS = Set.of("errorQuery", "totalQuery");

  /** The most points a series may have. */
  static final int MAX_POINTS = 10_000;

  private SloArguments() {}

  static SloRequest decode(Arguments arguments) {
    BigDecimal target =
        arguments
            .exactNumber("target")
            .map(number -> new BigDecimal(number.toString()))
            .orElseThrow(() -> new InvalidArgumentsException("target is required, e.g. 99.9"));
    SloWindow window = SloWindow.parse(arguments.requiredString("window"));
    PrometheusMetric metric =
        arguments.string("metric").map(PrometheusMetric::parse).orElse(PrometheusMetric.DEFAULT);
    String name =
        arguments.string("name").map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    return new SloRequest(target, window, observations(arguments), metric, name, sli(arguments));
  }

  private static SliQueries sli(Arguments arguments) {
    Object value = arguments.raw("sli").orElse(null);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?> sli)) {
      throw new InvalidArgumentsException(
          "sli must be an object with errorQuery and totalQuery, PromQL with {{.window}}");
    }
    for (Object key : sli.keySet()) {
      if (!SLI_FIELDS.contains(key)) {
        throw new InvalidArgumentsException(
            "sli has an unknown field '" + key + "'; it takes errorQuery and totalQuery");
      }
    }
    return new SliQueries(query(sli, "errorQuery"), query(sli, "totalQuery"));
  }

  private static String query(Map<?, ?> sli, String field) {
    Object query = sli.get(field);
    if (query != null && !(query instanceof String)) {
      throw new InvalidArgumentsException("sli." + field + " must be a string of PromQL");
    }
    return (String) query;
  }

  private static Observations observations(Arguments arguments) {
    boolean counts = arguments.has("good") || arguments.has("total");
    boolean series = arguments.has("series");
    if (counts == series) {
      throw new InvalidArgumentsException(
          counts
              ? "give either good and total, or series, not both"
              : "give the observations: good and total (event counts over the window), or series"
                  + " (timestamped good/total points)");
    }
    if (counts) {
      if (!arguments.has("good") || !arguments.has("total")) {
        throw new InvalidArgumentsException("good and total go together: give both");
      }
      return new EventCounts(arguments.requiredNumber("good"), arguments.requiredNumber("total"));
    }
    List<Arguments> items = arguments.objects("series");
    if (items.size() > MAX_POINTS) {
      throw new InvalidArgumentsException(
          "series has "
              + items.size()
              + " points; the limit is "
              + MAX_POINTS
              + ": aggregate to a coarser step");
    }
    List<SeriesPoint> points = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Arguments item = items.get(i);
      points.add(
          new SeriesPoint(
              i, time(item), item.requiredNumber("good"), item.requiredNumber("total")));
    }
    points.sort(Comparator.comparing(SeriesPoint::time));
    return new EventSeries(points, arguments.flag("cumulative", false));
  }

  /** An RFC 3339 timestamp, or Unix seconds as Prometheus writes them. */
  private static Instant time(Arguments item) {
    Object value =
        item.raw("time")
            .orElseThrow(
                () -> new InvalidArgumentsException(item.qualified("time") + " is required"));
    if (value instanceof Number seconds) {
      double epoch = seconds.doubleValue();
      if (!Double.isFinite(epoch) || Math.abs(epoch) > 1e11) {
        throw new InvalidArgumentsException(
            item.qualified("time") + " is not a plausible Unix time: " + value);
      }
      return Instant.ofEpochMilli(Math.round(epoch * 1000));
    }
    if (value instanceof String text) {
      try {
        return OffsetDateTime.parse(text.strip()).toInstant();
      } catch (DateTimeParseException e) {
        throw new InvalidArgumentsException(
            item.qualified("time")
                + " must be an RFC 3339 time such as 2026-11-24T10:00:00Z, or Unix seconds; got '"
                + text
                + "'");
      }
    }
    throw new InvalidArgumentsException(
        item.qualified("time") + " must be an RFC 3339 string or a number of Unix seconds");
  }
}
