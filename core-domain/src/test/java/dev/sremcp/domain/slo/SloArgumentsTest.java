package dev.sremcp.domain.slo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments.ArgumentSet;
import org.junit.jupiter.params.provider.FieldSource;

/** Impossible or unusable input is refused with a message that names the argument and the limit. */
class SloArgumentsTest {

  static final List<ArgumentSet> REFUSALS =
      List.of(
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a 100% target",
              SloFixtures.counts("target", 100),
              "target is a percentage above 1 and below 100, e.g. 99.9; got 100 (a 100% target"
                  + " leaves no error budget)"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a zero target",
              SloFixtures.counts("target", 0),
              "target is a percentage above 1 and below 100, e.g. 99.9; got 0"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a target written as a ratio",
              SloFixtures.counts("target", 0.999),
              "got 0.999, which reads as a ratio: as a percentage it is 99.9"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "more good than total",
              SloFixtures.counts("good", 120),
              "good (120.0) cannot exceed total (100.0)"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a negative count", SloFixtures.counts("good", -1), "good cannot be negative"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a count past the limit",
              SloFixtures.counts("good", 1e16, "total", 1e16),
              "above the limit of 1e15 events"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "no traffic", SloFixtures.counts("good", 0, "total", 0), "total is 0"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a window in unknown units",
              SloFixtures.counts("window", "30x"),
              "window must be a duration"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a window under a day", SloFixtures.counts("window", "12h"), "between 1d and 366d"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "good without total",
              SloFixtures.counts("total", null),
              "good and total go together"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "counts and a series", SloFixtures.counts("series", List.of()), "not both"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "no observations",
              SloFixtures.counts("good", null, "total", null),
              "give the observations"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a target of the wrong type",
              SloFixtures.counts("target", "high"),
              "target must be a number, not a string"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "a malformed metric",
              SloFixtures.counts("metric", "rate(x[5m])"),
              "metric must be a Prometheus metric name"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "an unreadable time",
              SloFixtures.counts(
                  "good",
                  null,
                  "total",
                  null,
                  "series",
                  List.of(Map.of("time", "yesterday", "good", 1, "total", 1))),
              "series[0].time must be an RFC 3339 time"),
          org.junit.jupiter.params.provider.Arguments.argumentSet(
              "two points at one time",
              SloFixtures.counts(
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
              SloFixtures.counts(
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
                        Arguments.of(
                            SloFixtures.counts("good", null, "total", null, "series", points)),
                        AnalysisContext.detached()))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("10001 points; the limit is 10000");
  }
}
