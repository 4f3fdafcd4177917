package dev.sremcp.domain.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code analyze_incident} on the evaluation set (test resources, {@code incidents/set}): synthetic
 * but realistic incidents with a known cause, and some where the inputs support none. The floors
 * are those measured (docs/benchmarks.md), a little below, so that a change that makes the analysis
 * worse fails here.
 */
class IncidentEvaluationTest {

  static List<IncidentEvaluation.Scenario> scenarios(String folder)
      throws IOException, URISyntaxException {
    Path directory =
        Path.of(IncidentEvaluationTest.class.getResource("/incidents/" + folder).toURI());
    ObjectMapper mapper = new ObjectMapper();
    List<IncidentEvaluation.Scenario> scenarios = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".json.gz") || f.toString().endsWith(".json"))
              .sorted()
              .toList()) {
        try (InputStream in =
            file.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file), 64 * 1024)
                : Files.newInputStream(file)) {
          @SuppressWarnings("unchecked")
          Map<String, Object> scenario = mapper.readValue(in, Map.class);
          scenarios.add(IncidentEvaluation.Scenario.of(scenario, file.getFileName().toString()));
        }
      }
    }
    return scenarios;
  }

  @Test
  void meetsTheMeasuredAccuracyOnTheEvaluationSet() throws Exception {
    IncidentEvaluation.Score score = IncidentEvaluation.score(scenarios("set"));
    System.out.print(score.table());

    assertThat(score.withCause()).isGreaterThanOrEqualTo(88);
    assertThat(score.withoutCause()).isGreaterThanOrEqualTo(20);
    assertThat(score.outcomes()).allMatch(o -> o.error() == null);
    // measured 2026-11-25 after tuning on it: top-1 1.000, top-3 1.000, abstention 1.000 / 1.000
    assertThat(score.top1()).isGreaterThanOrEqualTo(0.95);
    assertThat(score.top3()).isGreaterThanOrEqualTo(0.97);
    assertThat(score.abstentionPrecision()).isGreaterThanOrEqualTo(0.90);
    assertThat(score.abstentionRecall()).isGreaterThanOrEqualTo(0.95);
  }

  /**
   * Each holdout was scored once, unseen, when it was added (docs/benchmarks.md); these floors only
   * keep a later change from making it worse. Never tune on them: write new unseen scenarios
   * instead.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // measured 2026-11-25 once, untuned: top-1 0.417, top-3 0.833, abstention 0.500 / 1.000
    "holdout, 0.41, 0.83",
    // measured 2026-11-25 once, after the third round of tuning: top-1 0.364, top-3 0.636,
    // abstention 0.600 / 1.000 (top-3 0.727 after the fourth round)
    "holdout2, 0.36, 0.63",
    // measured 2026-11-25 once, after the fourth round: top-1 0.727, top-3 0.909, abstention
    // 0.750 / 1.000; the floor leaves one scenario of slack
    "holdout3, 0.63, 0.81"
  })
  void doesNotFallBelowWhatTheHoldoutMeasuredUnseen(String folder, double top1, double top3)
      throws Exception {
    IncidentEvaluation.Score score = IncidentEvaluation.score(scenarios(folder));
    System.out.print(score.table());

    assertThat(score.outcomes()).allMatch(o -> o.error() == null);
    assertThat(score.top1()).isGreaterThanOrEqualTo(top1);
    assertThat(score.top3()).isGreaterThanOrEqualTo(top3);
    assertThat(score.abstentionRecall()).isGreaterThanOrEqualTo(0.95);
  }
}
