package dev.sremcp.host.javalin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The miner against the LogHub-2k ground truth that {@code ../shared/benchmarks} holds (read in
 * place, never copied): the floor of mean GA 0.95 and PA 0.70, with the formats given and
 * with headers detected.
 */
class LoghubEvalCommandTest {

  private static final Path LOGHUB = Path.of("..", "..", "shared", "benchmarks", "loghub-2k");

  @Test
  void meetsTheAccuracyFloorWithAndWithoutTheFormats() throws Exception {
    assertThat(LOGHUB.resolve("settings.json"))
        .as("the benchmark data beside the checkout")
        .exists();
    List<LoghubEvalCommand.System> systems = LoghubEvalCommand.systems(LOGHUB);
    assertThat(systems).hasSize(8);
    Map<String, String> formats =
        Map.of(
            "HDFS", "<Date> <Time> <Pid> <Level> <Component>: <Content>",
            "Apache", "\\[<Time>\\] \\[<Level>\\] <Content>");

    for (Map<String, String> given : List.of(formats, Map.<String, String>of())) {
      List<LoghubEvalCommand.Result> results = LoghubEvalCommand.evaluate(systems, given, null);
      double ga =
          results.stream().mapToDouble(r -> r.scores().groupingAccuracy()).average().orElseThrow();
      double pa =
          results.stream().mapToDouble(r -> r.scores().parsingAccuracy()).average().orElseThrow();
      assertThat(ga).as("mean GA").isGreaterThanOrEqualTo(0.95);
      assertThat(pa).as("mean PA").isGreaterThanOrEqualTo(0.70);
    }
  }

  @Test
  void writesOneTemplatePerLineAndPrintsBothRuns(@TempDir Path out) {
    StringWriter printed = new StringWriter();
    CommandLine command = SreMcpCommand.commandLine();
    command.setOut(new PrintWriter(printed));

    int exit = command.execute("loghub-eval", LOGHUB.toString(), "--out", out.toString());

    assertThat(exit).isZero();
    assertThat(printed.toString())
        .contains("With the header formats of settings.json:")
        .contains("With headers detected automatically (no settings):")
        .contains("mean");
    assertThat(out.resolve("HDFS_2k.log_structured.csv"))
        .content(StandardCharsets.UTF_8)
        .startsWith("LineId,EventTemplate\n1,\"PacketResponder <*> for block <*> terminating\"\n");
  }

  @Test
  void aFolderWithoutSystemsIsAClearError(@TempDir Path empty) throws Exception {
    StringWriter errors = new StringWriter();
    CommandLine command = SreMcpCommand.commandLine();
    command.setErr(new PrintWriter(errors));
    Files.writeString(empty.resolve("settings.json"), "{}");

    assertThat(command.execute("loghub-eval", empty.toString())).isEqualTo(2);
    assertThat(errors.toString()).contains("holds no system folder");
  }

  @Test
  void scoresFollowTheBenchmarksDefinitions() {
    // truth: A A B C ; parsed: x x y y -> group A exact (2 lines), B and C merged
    ParsingScores scores =
        ParsingScores.of(List.of("A", "A", "B", "C"), List.of("A", "A", "y", "y"));

    assertThat(scores.groupingAccuracy()).isEqualTo(0.5);
    assertThat(scores.parsingAccuracy()).isEqualTo(0.5);
    // 1 correct group of 2 parsed and 3 truth: F1 = 2 * (1/2 * 1/3) / (1/2 + 1/3) = 0.4
    assertThat(scores.groupF1()).isCloseTo(0.4, within(1e-9));
    assertThat(scores.templateF1()).isCloseTo(0.4, within(1e-9));
  }
}
