package dev.sremcp.domain.incident;

import static dev.sremcp.domain.incident.IncidentInput.object;
import static dev.sremcp.domain.incident.IncidentInput.strings;
import static dev.sremcp.domain.incident.IncidentInput.text;

import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads Prometheus {@code /api/v1/query_range} (or {@code /api/v1/query}) responses, given as they
 * came or as {@code {"query": ..., "response": ...}}.
 */
final class MetricPayloads {

  private MetricPayloads() {}

  static List<Series> read(Object value, String path) {
    Map<String, Object> item = object(value, path);
    String query = text(item.get("query"));
    Map<String, Object> response = item;
    String responsePath = path;
    if (item.get("response") instanceof Map<?, ?> inner) {
      response = object(inner, path + ".response");
      responsePath = path + ".response";
    }
    if ("error".equals(text(response.get("status")))) {
      throw new InvalidArgumentsException(
          responsePath
              + " is a failed query ("
              + text(response.get("error"))
              + "); send the responses of queries that succeeded");
    }
    if (!(response.get("data") instanceof Map<?, ?> data)) {
      throw new InvalidArgumentsException(
          responsePath
              + " is not a Prometheus query_range response: it has no data; give the JSON of"
              + " /api/v1/query_range, or {\"query\": ..., \"response\": <that JSON>}");
    }
    Object result = data.get("result");
    if (!(result instanceof List<?> results)) {
      throw new InvalidArgumentsException(responsePath + ".data.result must be an array");
    }
    List<Series> series = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      String seriesPath = responsePath + ".data.result[" + i + "]";
      Map<String, Object> one = object(results.get(i), seriesPath);
      Map<String, String> labels = strings(one.get("metric"));
      List<?> values =
          one.get("values") instanceof List<?> list
              ? list
              : one.get("value") instanceof List<?> point ? List.of(point) : List.of();
      long[] seconds = new long[values.size()];
      double[] numbers = new double[values.size()];
      int n = 0;
      for (int j = 0; j < values.size(); j++) {
        if (!(values.get(j) instanceof List<?> point) || point.size() != 2) {
          throw new InvalidArgumentsException(
              seriesPath + ".values[" + j + "] must be a pair [unix seconds, \"value\"]");
        }
        double time = number(point.get(0), seriesPath + ".values[" + j + "][0]");
        if (!(time >= 0 && time < LATEST)) {
          throw new InvalidArgumentsException(
              seriesPath
                  + ".values["
                  + j
                  + "][0] is not a time: unix seconds from 0 to 32503680000 (year 3000), not "
                  + point.get(0));
        }
        double number = number(point.get(1), seriesPath + ".values[" + j + "][1]");
        if (Double.isFinite(number)) {
          seconds[n] = (long) Math.floor(time);
          numbers[n++] = number;
        }
      }
      String name = labels.getOrDefault("__name__", query == null ? "series " + i : query);
      labels.remove("__name__");
      long[] times = Arrays.copyOf(seconds, n);
      double[] sorted = Arrays.copyOf(numbers, n);
      sortByTime(times, sorted);
      series.add(new Series(name, query, labels, times, sorted));
    }
    return series;
  }

  private static double number(Object value, String path) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof String text) {
      return switch (text.strip()) {
        case "NaN" -> Double.NaN;
        case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
        case "-Inf" -> Double.NEGATIVE_INFINITY;
        default -> {
          try {
            yield Double.parseDouble(text.strip());
          } catch (NumberFormatException e) {
            throw new InvalidArgumentsException(path + " is not a number: '" + text + "'");
          }
        }
      };
    }
    throw new InvalidArgumentsException(path + " must be a number or a numeric string");
  }

  /** Prometheus returns points in order; a hand-made excerpt may not. */
  /** 3000-01-01T00:00:00Z in unix seconds: the latest time a point may have. */
  private static final double LATEST = 32_503_680_000d;

  private static void sortByTime(long[] times, double[] values) {
    for (int i = 1; i < times.length; i++) {
      if (times[i] < times[i - 1]) {
        Integer[] order = new Integer[times.length];
        for (int k = 0; k < order.length; k++) {
          order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
        long[] t = times.clone();
        double[] v = values.clone();
        for (int k = 0; k < order.length; k++) {
          times[k] = t[order[k]];
          values[k] = v[order[k]];
        }
        return;
      }
    }
  }
}
