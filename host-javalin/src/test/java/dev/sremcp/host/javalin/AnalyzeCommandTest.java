package dev.sremcp.host.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sremcp.inference.ExplainSettings;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.testkit.ollama.FakeOllamaServer;
import dev.sremcp.testkit.ollama.FakeOllamaServer.Reply;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AnalyzeCommandTest {

  @TempDir Path directory;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Deterministic unless a test points it at an Ollama: a developer's own is never asked. */
  private Map<String, String> environment = Map.of("SREMCP_INFERENCE", "off");

  private int run(String... args) {
    CommandLine command = SreMcpCommand.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    ((AnalyzeCommand) command.getSubcommands().get("analyze").getCommand()).environment =
        environment;
    return command.execute(args);
  }

  private String file(String name, String content) throws IOException {
    return Files.writeString(directory.resolve(name), content).toString();
  }

  @Test
  void printsTheReportAndExitsZeroWhenNothingReachesTheThreshold() throws IOException {
    String slo =
        file("slo.json", "{\"target\":99.9,\"window\":\"30d\",\"good\":999500,\"total\":1000000}");

    assertThat(run("analyze", "slo_report", slo)).isZero();
    assertThat(out.toString()).startsWith("# slo_report").contains("50% of the error budget spent");
  }

  @Test
  void exitsOneWhenAFindingReachesTheThresholdAndPrintsJsonOnRequest() throws IOException {
    String slo =
        file("slo.json", "{\"target\":99.9,\"window\":\"30d\",\"good\":990,\"total\":1000}");

    int code = run("analyze", "slo_report", slo, "--json", "--fail-on", "critical");

    assertThat(code).isEqualTo(1);
    JsonNode report = Json.MAPPER.readTree(out.toString());
    assertThat(report.path("findings").get(0).path("ruleId").asText())
        .isEqualTo("slo.budget-exhausted");
    assertThat(run("analyze", "slo_report", slo, "--fail-on", "none")).isZero();
  }

  @Test
  void exitsTwoWithTheReasonForInputThatCannotBeAnalyzed() throws IOException {
    String impossible =
        file("bad.json", "{\"target\":99.9,\"window\":\"30d\",\"good\":2,\"total\":1}");
    String notJson = file("notjson.json", "target: 99.9");

    assertThat(run("analyze", "slo_report", impossible)).isEqualTo(2);
    assertThat(run("analyze", "slo_report", notJson)).isEqualTo(2);
    assertThat(run("analyze", "slo_report", directory.resolve("missing.json").toString()))
        .isEqualTo(2);
    assertThat(run("analyze", "no_such_tool", impossible)).isEqualTo(2);
    assertThat(err.toString())
        .contains("good (2.0) cannot exceed total (1.0)")
        .contains("is not valid JSON")
        .contains("no such file")
        .contains("unknown tool 'no_such_tool'");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void refusesArgumentsThatFailTheToolsSchema() throws IOException {
    String wrong =
        file("wrong.json", "{\"target\":\"high\",\"window\":\"30d\",\"good\":1,\"total\":1}");

    assertThat(run("analyze", "slo_report", wrong)).isEqualTo(2);
    assertThat(err.toString()).contains("invalid arguments for slo_report").contains("target");
  }

  @Test
  void streamsALogFileAndFailsOnItsErrors() throws IOException {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      log.append("2026-11-24T10:00:")
          .append(String.format("%02d", i % 60))
          .append("Z INFO served ")
          .append(i)
          .append('\n');
    }
    log.append("2026-11-24T10:01:00Z FATAL disk /dev/sda1 is full\n");
    String file = file("app.log", log.toString());

    assertThat(run("analyze", "analyze_logs", file, "--fail-on", "high")).isEqualTo(1);
    assertThat(out.toString())
        .startsWith("# analyze_logs")
        .contains("5001 lines")
        .contains("disk <*> is full")
        .contains(file + ":5001");
  }

  @Test
  void anEmptyOrBinaryLogExitsTwoWithTheReason() throws IOException {
    assertThat(run("analyze", "analyze_logs", file("empty.log", ""))).isEqualTo(2);
    assertThat(err.toString()).contains("empty");
    Files.write(directory.resolve("binary.log"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2});
    assertThat(run("analyze", "analyze_logs", directory.resolve("binary.log").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("binary");
  }

  @Test
  void findsTheFirstErrorOfACiLog() throws IOException {
    String ci =
        file(
            "build.log",
            "[INFO] Building app\n[ERROR] /src/App.java:[3,5] cannot find symbol\n"
                + "[INFO] BUILD FAILURE\n[ERROR] Failed to execute goal compile\n");

    assertThat(run("analyze", "analyze_ci_failure", ci, "--json", "--fail-on", "none")).isZero();
    assertThat(out.toString()).contains("\"category\" : \"compile\"").contains("\"line\" : 2");
  }

  @Test
  void reviewsSeveralManifestsTogetherAndGatesOnSeverity() throws IOException {
    String deployment =
        file(
            "deployment.yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                    - name: web
                      image: nginx:1.25.3
                      securityContext:
                        privileged: true
            """);
    String service =
        file(
            "service.yaml",
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector: {app: web}
              ports:
                - port: 80
            """);

    int code =
        run("analyze", "review_kubernetes", deployment, service, "--json", "--fail-on", "critical");

    assertThat(code).as(err.toString()).isEqualTo(1);
    JsonNode report = Json.MAPPER.readTree(out.toString());
    assertThat(report.path("files").size()).isEqualTo(2);
    JsonNode privileged = report.path("findings").get(0);
    assertThat(privileged.path("ruleId").asText()).isEqualTo("k8s.privileged-container");
    assertThat(privileged.path("evidence").get(0).path("file").asText()).isEqualTo(deployment);
    assertThat(privileged.path("evidence").get(0).path("line").asInt()).isEqualTo(16);
    assertThat(report.toString()).doesNotContain("k8s.dangling-service");
    assertThat(run("analyze", "review_kubernetes", deployment, service, "--fail-on", "none"))
        .isZero();
  }

  @Test
  void reviewsADockerfileAsHadolintIsUsedInPipelines() throws IOException {
    String dockerfile =
        file("Dockerfile", "FROM node:20.11.1-slim\nUSER 1000\nCMD [\"node\", \"app.js\"]\n");
    String bad = file("Dockerfile.bad", "FROM node:latest\nCMD node app.js\n");

    assertThat(run("analyze", "review_dockerfile", dockerfile)).isZero();
    assertThat(run("analyze", "review_dockerfile", dockerfile, bad, "--fail-on", "medium"))
        .isEqualTo(1);
    assertThat(out.toString()).contains("dockerfile.latest-tag").contains(bad + ":1");
  }

  @Test
  void explainsWithTheOllamaItIsPointedAtUnlessToldNotTo() throws Exception {
    String dockerfile = file("Dockerfile", "FROM node:latest\nCMD node app.js\n");
    try (FakeOllamaServer ollama = FakeOllamaServer.start(ExplainSettings.DEFAULT_MODEL)) {
      ollama.replyWith(
          Reply.content(
              "{\"summary\":\"Pin the base image so builds repeat.\",\"notes\":[],"
                  + "\"hypotheses\":[]}"));
      environment = Map.of("SREMCP_OLLAMA_URLS", ollama.uri().toString());

      assertThat(run("analyze", "review_dockerfile", dockerfile, "--json", "--fail-on", "none"))
          .as(err.toString())
          .isZero();
      JsonNode explained = Json.MAPPER.readTree(out.toString());
      assertThat(explained.at("/llm/used").asBoolean()).isTrue();
      assertThat(explained.at("/llm/explanation").asText()).contains("Pin the base image");
      assertThat(err.toString()).contains("explaining with Ollama");
      assertThat(ollama.generations()).isEqualTo(1);

      out.getBuffer().setLength(0);
      assertThat(
              run(
                  "analyze",
                  "review_dockerfile",
                  dockerfile,
                  "--json",
                  "--fail-on",
                  "none",
                  "--no-explain"))
          .isZero();
      assertThat(Json.MAPPER.readTree(out.toString()).at("/llm/used").asBoolean()).isFalse();
      assertThat(ollama.generations()).as("--no-explain asks nothing").isEqualTo(1);
    }
  }

  @Test
  void withoutAnOllamaTheReportIsDeterministicAndSaysWhy() throws Exception {
    String dockerfile = file("Dockerfile", "FROM node:latest\nCMD node app.js\n");
    FakeOllamaServer gone = FakeOllamaServer.start(ExplainSettings.DEFAULT_MODEL);
    gone.kill();
    environment = Map.of("SREMCP_OLLAMA_URLS", gone.uri().toString());

    assertThat(run("analyze", "review_dockerfile", dockerfile, "--json", "--fail-on", "none"))
        .isZero();
    JsonNode report = Json.MAPPER.readTree(out.toString());
    assertThat(report.at("/llm/used").asBoolean()).isFalse();
    assertThat(report.at("/llm/reason").asText()).contains("deterministic result is complete");
    assertThat(report.path("findings")).isNotEmpty();
    assertThat(err.toString()).doesNotContain("explaining with Ollama");
  }

  @Test
  void aBombOrTooLargeABundleExitsTwoWithTheLimit() throws IOException {
    StringBuilder bomb = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
    String previous = "a";
    for (String name : java.util.List.of("b", "c", "d", "e", "f", "g", "h")) {
      bomb.append(name).append(": &").append(name).append(" [");
      bomb.append(String.join(",", java.util.Collections.nCopies(10, "*" + previous)))
          .append("]\n");
      previous = name;
    }
    assertThat(run("analyze", "review_kubernetes", file("bomb.yaml", bomb.toString())))
        .isEqualTo(2);
    assertThat(err.toString()).contains("1000000 nodes");
    String deployment =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n---\n";
    String bundle =
        file("bundle.yaml", deployment.repeat(50 * 1024 * 1024 / deployment.length() + 1));
    assertThat(Files.size(Path.of(bundle))).isGreaterThan(50L * 1024 * 1024);
    assertThat(run("analyze", "review_kubernetes", bundle)).isEqualTo(2);
    assertThat(err.toString()).contains("8388608 characters");
  }
}
