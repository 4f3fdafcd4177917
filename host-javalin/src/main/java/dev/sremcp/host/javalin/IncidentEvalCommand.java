package dev.sremcp.host.javalin;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.sremcp.domain.incident.IncidentEvaluation;
import dev.sremcp.mcp.jsonrpc.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sre-mcp incident-eval DIR}: {@code analyze_incident} scored on scenario files with a known
 * answer, deterministic only: top-1 and top-3 accuracy, and the precision and recall of its
 * abstentions.
 */
@Command(
    name = "incident-eval",
    mixinStandardHelpOptions = true,
    description =
        "Score analyze_incident on labelled incident scenarios (*.json or *.json.gz: {id,"
            + " expected: {cause},"
            + " arguments}): top-1 and top-3 accuracy, abstention precision and recall.")
final class IncidentEvalCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "DIR",
      description =
          "A folder of scenario files: {\"id\", \"expected\": {\"cause\": \"bad-deploy\" or"
              + " null}, \"arguments\": {the analyze_incident arguments}}.")
  Path directory;

  @Option(
      names = "--min-top1",
      defaultValue = "0",
      description = "Exit 1 when top-1 accuracy is below this (a floor for CI).")
  double minTop1;

  @Option(
      names = "--min-top3",
      defaultValue = "0",
      description = "Exit 1 when top-3 accuracy is below this.")
  double minTop3;

  @Option(
      names = "--min-abstention",
      defaultValue = "0",
      description = "Exit 1 when abstention precision or recall is below this.")
  double minAbstention;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(directory)) {
      err.println("sre-mcp incident-eval: " + directory + " is not a folder");
      return 2;
    }
    List<IncidentEvaluation.Scenario> scenarios;
    try {
      scenarios = read(directory);
    } catch (IllegalArgumentException e) {
      err.println("sre-mcp incident-eval: " + e.getMessage());
      return 2;
    }
    if (scenarios.isEmpty()) {
      err.println("sre-mcp incident-eval: " + directory + " holds no *.json or *.json.gz scenario");
      return 2;
    }
    long started = System.nanoTime();
    IncidentEvaluation.Score score = IncidentEvaluation.score(scenarios);
    double seconds = (System.nanoTime() - started) / 1e9;
    out.print(score.table());
    out.printf("in %.1f s%n", seconds);
    boolean met = true;
    if (score.top1() < minTop1) {
      out.printf("top-1 %.3f is below --min-top1 %.3f%n", score.top1(), minTop1);
      met = false;
    }
    if (score.top3() < minTop3) {
      out.printf("top-3 %.3f is below --min-top3 %.3f%n", score.top3(), minTop3);
      met = false;
    }
    if (Math.min(score.abstentionPrecision(), score.abstentionRecall()) < minAbstention) {
      out.printf("abstention precision or recall is below --min-abstention %.3f%n", minAbstention);
      met = false;
    }
    out.flush();
    return met ? 0 : 1;
  }

  static List<IncidentEvaluation.Scenario> read(Path directory) throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(directory)) {
      files = listed.filter(IncidentEvalCommand::isScenario).sorted().toList();
    }
    List<IncidentEvaluation.Scenario> scenarios = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Path file : files) {
      String name = file.getFileName().toString().replaceFirst("\\.json(\\.gz)?$", "");
      if (!seen.add(name)) {
        throw new IllegalArgumentException(
            file + ": the scenario " + name + " is there twice, as .json and as .json.gz");
      }
      try (InputStream in = open(file)) {
        scenarios.add(
            IncidentEvaluation.Scenario.of(
                Json.MAPPER.readValue(in, new TypeReference<Map<String, Object>>() {}),
                file.toString()));
      } catch (IOException e) {
        throw new IllegalArgumentException(file + " is not a readable scenario: " + e.getMessage());
      }
    }
    return scenarios;
  }

  /** A scenario file: {@code .json}, or {@code .json.gz} as the test resources keep them. */
  static boolean isScenario(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".json") || name.endsWith(".json.gz");
  }

  static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (!file.getFileName().toString().endsWith(".gz")) {
      return in;
    }
    try {
      return new GZIPInputStream(in, 64 * 1024);
    } catch (IOException e) {
      in.close(); // not gzip: the file is closed before the error goes up
      throw e;
    }
  }
}
