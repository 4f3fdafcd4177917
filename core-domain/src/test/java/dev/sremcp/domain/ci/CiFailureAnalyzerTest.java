package dev.sremcp.domain.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.Severity;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture is the output of a real failing build run on the development machine (the
 * resources' README says how each was made, and generate.sh makes them again); fixtures.json holds
 * what a person reading each log found: the failing step, the first real error, the category, the
 * failing tests and whether it is flaky.
 */
class CiFailureAnalyzerTest {

  private static final String FOLDER = "/dev/sremcp/domain/ci/";

  static Stream<JsonNode> fixtures() throws IOException {
    try (InputStream in =
        CiFailureAnalyzerTest.class.getResourceAsStream(FOLDER + "fixtures.json")) {
      List<JsonNode> list = new ArrayList<>();
      new ObjectMapper().readTree(in).forEach(list::add);
      return list.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void findsTheFailingStepTheFirstErrorAndTheTests(JsonNode fixture) throws IOException {
    Analysis analysis = analyze(read(fixture.get("file").asText()), fixture.get("file").asText());
    CiDetails details = (CiDetails) analysis.details();

    assertThat(details.firstError()).as("first error").isNotNull();
    assertThat(details.firstError().line()).isEqualTo(fixture.get("firstErrorLine").asInt());
    assertThat(details.firstError().text()).contains(fixture.get("firstErrorContains").asText());
    assertThat(details.category()).isEqualTo(fixture.get("category").asText());
    assertThat(details.failingStep())
        .isEqualTo(
            fixture.get("failingStep").isNull() ? null : fixture.get("failingStep").asText());
    assertThat(details.runner()).isEqualTo(fixture.get("format").asText());
    List<String> tests = new ArrayList<>();
    fixture.get("failingTests").forEach(test -> tests.add(test.asText()));
    assertThat(details.failingTests()).containsExactlyInAnyOrderElementsOf(tests);
    assertThat(details.flakiness().flaky()).isEqualTo(fixture.get("flaky").asBoolean());
    assertThat(analysis.findings().getFirst().ruleId()).isEqualTo("ci.first-error");
    assertThat(analysis.findings().getFirst().evidence().getFirst().startLine())
        .isEqualTo(fixture.get("firstErrorLine").asInt());
  }

  @Test
  void theCascadeAloneIsNotAnError() {
    Analysis analysis =
        analyze(
            """
            [INFO] BUILD FAILURE
            [ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.5.2:test
            [ERROR] -> [Help 1]
            ##[error]Process completed with exit code 1.
            """,
            "ci.log");
    CiDetails details = (CiDetails) analysis.details();

    assertThat(details.firstError()).isNull();
    assertThat(details.exitCode()).isEqualTo(1);
    assertThat(analysis.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.ruleId()).isEqualTo("ci.no-error-found");
              assertThat(f.severity()).isEqualTo(Severity.INFO);
            });
  }

  @Test
  void oddLinesAreReadAndTheEvidenceCoversTheContextShown() {
    Analysis analysis = analyze("error: x\n\nfoo\nFAILED - a::b\n", "ci.log");

    assertThat(analysis.findings().getFirst().evidence().getFirst().endLine()).isEqualTo(4);
  }

  @Test
  void emptyAndBinaryInputAreRefusedWithTheReason() {
    assertThatThrownBy(() -> analyze("", "ci.log"))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> analyze("PK\u0003\u0004\u0000\u0000binary", "ci.log"))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("binary");
  }

  private static Analysis analyze(String content, String name) {
    return new CiFailureAnalyzer()
        .analyze(
            Arguments.of(Map.of("content", content, "name", name)), AnalysisContext.detached());
  }

  private static String read(String file) throws IOException {
    try (InputStream in = CiFailureAnalyzerTest.class.getResourceAsStream(FOLDER + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
