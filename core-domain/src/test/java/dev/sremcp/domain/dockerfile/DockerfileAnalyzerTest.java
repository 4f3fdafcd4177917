package dev.sremcp.domain.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.report.Severity;
import dev.sremcp.domain.review.Expectations;
import dev.sremcp.domain.review.ReviewDetails;
import dev.sremcp.domain.review.Rule;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class DockerfileAnalyzerTest {

  private static final Map<String, Object> LABEL_SETTINGS =
      Map.of(
          "labels",
          Map.of(
              "org.opencontainers.image.source", "url",
              "org.opencontainers.image.created", "rfc3339",
              "org.opencontainers.image.licenses", "spdx",
              "org.opencontainers.image.version", "semver"),
          "strictLabels",
          true,
          "allowedRegistries",
          List.of("docker.io", "ghcr.io"));

  private final DockerfileAnalyzer analyzer = new DockerfileAnalyzer();

  private Analysis review(String name, Map<String, Object> settings) {
    Map<String, Object> arguments = new HashMap<>(settings);
    arguments.put("name", name);
    arguments.put("content", Expectations.resource(getClass(), name));
    arguments.put("limit", 1000);
    return analyzer.analyze(Arguments.of(arguments), AnalysisContext.detached());
  }

  @Test
  void findsEveryPlantedDefectAtItsLine() {
    for (String name : List.of("insecure.Dockerfile", "stages.Dockerfile", "minimal.Dockerfile")) {
      Analysis analysis = review(name, Map.of());
      Expectations.assertPlanted(
          analysis, name, Expectations.resource(getClass(), name), Severity.MEDIUM);
    }
  }

  @Test
  void checksLabelsAgainstASchemaAndRegistriesAgainstAnAllowedList() {
    Analysis analysis = review("labels.Dockerfile", LABEL_SETTINGS);
    Expectations.assertPlanted(
        analysis,
        "labels.Dockerfile",
        Expectations.resource(getClass(), "labels.Dockerfile"),
        Severity.INFO);
  }

  @Test
  void aHardenedDockerfileHasNoFindings() {
    Analysis analysis = review("hardened.Dockerfile", Map.of());
    assertThat(analysis.findings()).extracting(Finding::message).isEmpty();
    assertThat(analysis.summary()).isEqualTo("hardened.Dockerfile: no findings.");
  }

  @Test
  void everyRuleIsExercisedByAFixture() {
    Set<String> fired = new HashSet<>();
    for (String name : List.of("insecure.Dockerfile", "stages.Dockerfile", "minimal.Dockerfile")) {
      review(name, Map.of()).findings().forEach(finding -> fired.add(finding.ruleId()));
    }
    review("labels.Dockerfile", LABEL_SETTINGS)
        .findings()
        .forEach(finding -> fired.add(finding.ruleId()));
    assertThat(fired).containsAll(DockerfileRules.ALL.stream().map(Rule::id).toList());
  }

  @Test
  void inlineIgnoresAndTheIgnoreArgumentSkipRules() {
    String dockerfile =
        """
        FROM python:3.12.2-slim
        # hadolint ignore=DL3013,DL3042
        RUN pip install flask
        # sre-mcp ignore=dockerfile.unpinned-packages
        RUN pip install --no-cache-dir requests
        USER 10001
        CMD ["python", "-m", "app"]
        """;
    Analysis analysis =
        analyzer.analyze(
            Arguments.of(
                Map.of("content", dockerfile, "ignore", List.of("dockerfile.missing-healthcheck"))),
            AnalysisContext.detached());
    assertThat(analysis.findings())
        .extracting(Finding::ruleId)
        .containsExactly("dockerfile.consecutive-run");
  }

  @Test
  void parsesContinuationsHeredocsAndBothForms() {
    Dockerfile parsed =
        Dockerfile.parse(
            """
            # escape=`
            ARG TAG=1.2
            FROM example/app:${TAG} AS base
            RUN echo a `
              # a comment inside the continuation
              && echo b
            RUN <<EOF
            set -e
            apt-get update
            EOF
            COPY --chown=1000:1000 --from=base ["a b", "/dst/"]
            """);
    assertThat(parsed.directives()).containsEntry("escape", "`");
    assertThat(parsed.stages())
        .singleElement()
        .satisfies(
            stage -> {
              assertThat(stage.image()).isEqualTo("example/app:1.2");
              assertThat(stage.name()).isEqualTo("base");
            });
    List<Instruction> instructions = parsed.instructions();
    assertThat(instructions.get(2).rest()).isEqualTo("echo a   && echo b");
    assertThat(instructions.get(2).line()).isEqualTo(4);
    assertThat(instructions.get(2).endLine()).isEqualTo(6);
    assertThat(instructions.get(3).heredocs().getFirst().body())
        .isEqualTo("set -e\napt-get update\n");
    assertThat(instructions.get(3).endLine()).isEqualTo(10);
    assertThat(instructions.get(4).flags())
        .containsEntry("chown", "1000:1000")
        .containsEntry("from", "base");
    assertThat(instructions.get(4).exec()).containsExactly("a b", "/dst/");
    assertThat(instructions.get(4).line()).isEqualTo(11);
  }

  @Test
  void splitsShellCommands() {
    List<Shell.Command> commands =
        Shell.commands(
            "set -eux; curl -fsSL 'https://x/y z' | sudo -E bash -s -- --yes && echo \"a|b\" || true");
    assertThat(commands)
        .extracting(Shell.Command::program)
        .containsExactly("set", "curl", "bash", "echo", "true");
    assertThat(commands.get(1).pipesOut()).isTrue();
    assertThat(commands.get(2).pipedIn()).isTrue();
    assertThat(commands.get(1).arguments()).containsExactly("-fsSL", "https://x/y z");
    assertThat(commands.get(3).arguments()).containsExactly("a|b");
  }

  @Test
  void refusesWhatCannotBeReviewed() {
    assertThatThrownBy(() -> analyzer.analyze(Arguments.of(Map.of()), AnalysisContext.detached()))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("give content");
    assertThatThrownBy(
            () ->
                analyzer.analyze(
                    Arguments.of(Map.of("content", "FROM a\u0000\u0001\u0002")),
                    AnalysisContext.detached()))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("binary");
    assertThatThrownBy(
            () ->
                analyzer.analyze(
                    Arguments.of(Map.of("content", "FROM a", "ignore", List.of("DL3008"))),
                    AnalysisContext.detached()))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("not a rule of this review");
    String huge = "RUN true\n".repeat(1_000_000);
    assertThatThrownBy(
            () ->
                analyzer.analyze(Arguments.of(Map.of("content", huge)), AnalysisContext.detached()))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("8388608 characters");
  }

  @Test
  void reviewsSeveralFilesAndReportsEach() {
    Analysis analysis =
        analyzer.analyze(
            Arguments.of(
                Map.of(
                    "files",
                    List.of(
                        Map.of("name", "a/Dockerfile", "content", "FROM alpine:latest\n"),
                        Map.of(
                            "name",
                            "b/Dockerfile",
                            "content",
                            "FROM alpine:3.19.1\nUSER 1000\n")))),
            AnalysisContext.detached());
    ReviewDetails details = (ReviewDetails) analysis.details();
    assertThat(details.files())
        .extracting(ReviewDetails.ReviewedFile::name)
        .containsExactly("a/Dockerfile", "b/Dockerfile");
    assertThat(analysis.findings())
        .anySatisfy(
            finding -> {
              assertThat(finding.ruleId()).isEqualTo("dockerfile.latest-tag");
              assertThat(finding.evidence().getFirst().file()).isEqualTo("a/Dockerfile");
              assertThat(finding.fix()).isNotBlank();
            });
    assertThat(analysis.summary()).startsWith("2 Dockerfiles: ");
  }
}
