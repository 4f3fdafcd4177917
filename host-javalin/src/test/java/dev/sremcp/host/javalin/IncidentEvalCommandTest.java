package dev.sremcp.host.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code incident-eval} reads scenarios as JSON or gzipped JSON, and holds its floors. */
class IncidentEvalCommandTest {

  private static final String ALERT =
      """
      {"version": "4", "status": "firing", "alerts": [{"status": "firing",
       "labels": {"alertname": "HighErrorRate", "service": "checkout", "severity": "critical"},
       "annotations": {"summary": "5xx above 5 percent"},
       "startsAt": "2026-03-14T10:05:00Z", "endsAt": "0001-01-01T00:00:00Z"}]}
      """;

  private static String scenario(String id, String cause, String changes) {
    return """
        {"id": "%s", "expected": {"cause": %s},
         "arguments": {"alerts": [%s], "changes": [%s]}}
        """
        .formatted(id, cause == null ? "null" : "\"" + cause + "\"", ALERT, changes);
  }

  @Test
  void readsJsonAndGzippedScenariosAndFailsBelowItsFloor(@TempDir Path folder) throws Exception {
    Files.writeString(
        folder.resolve("deploy.json"),
        scenario(
            "deploy",
            "bad-deploy",
            """
            {"time": "2026-03-14T10:01:00Z", "service": "checkout",
             "description": "Argo CD: checkout synced to 2.41.0 (was 2.40.3)"}"""));
    try (OutputStream gz =
        new GZIPOutputStream(Files.newOutputStream(folder.resolve("none.json.gz")))) {
      gz.write(scenario("none", null, "").getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(folder.resolve("notes.txt"), "not a scenario");

    StringWriter printed = new StringWriter();
    CommandLine command = SreMcpCommand.commandLine();
    command.setOut(new PrintWriter(printed));
    int met = command.execute("incident-eval", folder.toString(), "--min-top1", "0.9");
    int unmet = command.execute("incident-eval", folder.toString(), "--min-abstention", "1.01");

    assertThat(printed.toString())
        .containsPattern("deploy +bad-deploy +top-1 +bad-deploy")
        .containsPattern("none +\\(none\\) +ok +abstained")
        .contains("1 scenarios with a cause, 1 without")
        .contains("top-1 accuracy 1.000");
    assertThat(met).isZero();
    assertThat(unmet).isEqualTo(1);
  }

  @Test
  void aFileThatIsNotGzipIsRefusedWithItsName(@TempDir Path folder) throws Exception {
    Files.writeString(folder.resolve("broken.json.gz"), "{}");
    StringWriter errors = new StringWriter();
    CommandLine command = SreMcpCommand.commandLine();
    command.setErr(new PrintWriter(errors));

    int exit = command.execute("incident-eval", folder.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(errors.toString()).contains("broken.json.gz is not a readable scenario");
  }
}
