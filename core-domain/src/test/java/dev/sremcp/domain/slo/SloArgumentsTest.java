package dev.sremcp.domain.slo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments.ArgumentSet;
import org.junit.jupiter.params.provider.FieldSource;

/** Impossible or unusable input is refused with a message that names the argument and the limit. */
class SloArgumentsTest {

  private static Map<String, Object> base(Object... pairs) {
    Map<String, Object> values =
        new HashMap<>(Map.of("target", 99.9, "window", "30d", "good", 90, "total", 100));
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] == null) {
        values.remove((String) pairs[i]);
      } else {
        values.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return values;
  }

  static final List<ArgumentSet> REFUSALS =
      List.of(
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a 100% target", base("target", 100), "below 100 percent"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a zero target", base("target", 0), "above 0"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "more good than total",
              base("good", 120),
              "good (120.0) cannot exceed total (100.0)"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a negative count", base("good", -1), "good cannot be negative"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a count past the limit",
              base("good", 1e16, "total", 1e16),
              "above the limit of 1e15 events"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "no traffic", base("good", 0, "total", 0), "total is 0"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a window in unknown units", base("window", "30x"), "window must be a duration"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a window under a day", base("window", "12h"), "between 1d and 366d"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "good without total", base("total", null), "good and total go together"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "counts and a series", base("series", List.of()), "not both"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "no observations", base("good", null, "total", null), "give the observations"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a target of the wrong type",
              base("target", "high"),
              "target must be a number, not a string"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a malformed metric",
              base("metric", "rate(x[5m])"),
              "metric must be a Prometheus metric name"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "an unreadable time",
              base(
                  "good",
                  null,
                  "total",
                  null,
                  "series",
                  List.of(Map.of("time", "yesterday", "good", 1, "total", 1))),
              "series[0].time must be an RFC 3339 time"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "two points at one time",
              base(
                  "good",
                  null,
                  "total",
                  null,
                  "series",
                  List.of(
                      Map.of("time", 1_800_000_000, "good", 1, "total", 1),
                      Map.of("time", 1_800_000_000, "good", 1, "total", 1))),
              "the same time as another point"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a single counter reading",
              base(
                  "good",
                  null,
                  "total",
                  null,
                  "cumulative",
                  true,
                  "series",
                  List.of(Map.of("time", 1_800_000_000, "good", 1, "total", 1))),
              "at least two readings"));

  @ParameterizedTest
  @FieldSource("REFUSALS")
  void refusesWithAClearMessage(Map<String, Object> arguments, String message) {
    assertThatThrownBy(
            () -> new SloAnalyzer().analyze(Arguments.of(arguments), AnalysisContext.detached()))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining(message);
  }

  @Test
  void refusesASeriesOverTheLimitNamingTheLimit() {
    List<Map<String, Object>> points = new ArrayList<>();
    for (int i = 0; i <= SloArguments.MAX_POINTS; i++) {
      points.add(Map.of("time", 1_800_000_000 + i * 60, "good", 1, "total", 1));
    }

    assertThatThrownBy(
            () ->
                new SloAnalyzer()
                    .analyze(
                        Arguments.of(base("good", null, "total", null, "series", points)),
                        AnalysisContext.detached()))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("10001 points; the limit is 10000");
  }
}
