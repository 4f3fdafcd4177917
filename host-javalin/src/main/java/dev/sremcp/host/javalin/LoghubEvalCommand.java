package dev.sremcp.host.javalin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.sremcp.domain.logs.DetectedHeader;
import dev.sremcp.domain.logs.LineHeader;
import dev.sremcp.domain.logs.LogFormat;
import dev.sremcp.domain.logs.LogMiner;
import dev.sremcp.domain.logs.TemplateMiner;
import dev.sremcp.mcp.jsonrpc.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sre-mcp loghub-eval DIR [--out OUT]}: the log miner scored against the LogHub benchmark's
 * ground truth, per system and on average, with the header formats of {@code settings.json} and
 * with headers detected automatically.
 */
@Command(
    name = "loghub-eval",
    mixinStandardHelpOptions = true,
    description =
        "Score the log miner on LogHub-style labelled logs: GA, PA, FGA, FTA and speed per"
            + " system, with the formats of DIR/settings.json and with headers detected.")
final class LoghubEvalCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "DIR",
      description =
          "A folder with one folder per system S holding S_2k.log and"
              + " S_2k.log_structured_corrected.csv, and optionally settings.json.")
  Path directory;

  @Option(
      names = "--out",
      paramLabel = "OUT",
      description = "Also write OUT/S_2k.log_structured.csv (LineId,EventTemplate) per system.")
  Path out;

  @Option(
      names = "--min-ga",
      paramLabel = "GA",
      defaultValue = "0",
      description = "Exit with 1 when a run's mean GA is below this (a floor for CI).")
  double minGroupingAccuracy;

  @Option(
      names = "--min-pa",
      paramLabel = "PA",
      defaultValue = "0",
      description = "Exit with 1 when a run's mean PA is below this (a floor for CI).")
  double minParsingAccuracy;

  /** Lines a header is learned from. */
  static final int SAMPLE = 500;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** One system's labelled log. */
  record LabelledLog(String name, Path log, Path truth) {}

  /** One system's result. */
  record Result(String system, ParsingScores scores, int lines, long bytes, long nanos) {
    double linesPerSecond() {
      return lines / (nanos / 1e9);
    }

    double megabytesPerSecond() {
      return bytes / 1e6 / (nanos / 1e9);
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter printer = spec.commandLine().getOut();
    if (!Files.isDirectory(directory)) {
      spec.commandLine().getErr().println("sre-mcp: " + directory + " is not a folder");
      return 2;
    }
    List<LabelledLog> systems = systems(directory);
    if (systems.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "sre-mcp: "
                  + directory
                  + " holds no system folder S with S_2k.log and"
                  + " S_2k.log_structured_corrected.csv");
      return 2;
    }
    Map<String, String> formats = formats(directory.resolve("settings.json"));
    boolean met = true;
    if (!formats.isEmpty()) {
      printer.println("With the header formats of settings.json:");
      met = report(printer, evaluate(systems, formats, out));
      printer.println();
    }
    printer.println("With headers detected automatically (no settings):");
    met &= report(printer, evaluate(systems, Map.of(), formats.isEmpty() ? out : null));
    printer.flush();
    return met ? 0 : 1;
  }

  /** Prints one run; whether its means meet the floors. */
  private boolean report(PrintWriter printer, List<Result> results) {
    ParsingScores mean = print(printer, results);
    boolean met = true;
    if (mean.groupingAccuracy() < minGroupingAccuracy) {
      printer.printf(
          "mean GA %.3f is below --min-ga %.3f%n", mean.groupingAccuracy(), minGroupingAccuracy);
      met = false;
    }
    if (mean.parsingAccuracy() < minParsingAccuracy) {
      printer.printf(
          "mean PA %.3f is below --min-pa %.3f%n", mean.parsingAccuracy(), minParsingAccuracy);
      met = false;
    }
    return met;
  }

  static List<Result> evaluate(List<LabelledLog> systems, Map<String, String> formats, Path out)
      throws IOException {
    List<Result> results = new ArrayList<>();
    for (LabelledLog system : systems) {
      List<String> lines = Files.readAllLines(system.log(), StandardCharsets.UTF_8);
      List<String> truth = truth(system.truth());
      String format = formats.get(system.name());
      long started = System.nanoTime();
      LineHeader header =
          format != null
              ? LogFormat.parse(format)
              : DetectedHeader.learn(lines.subList(0, Math.min(lines.size(), SAMPLE)));
      LogMiner miner = new LogMiner(header);
      List<TemplateMiner.Template> joined = new ArrayList<>(lines.size());
      for (String line : lines) {
        joined.add(miner.add(line));
      }
      long nanos = System.nanoTime() - started;
      List<String> parsed = joined.stream().map(TemplateMiner.Template::text).toList();
      long bytes = Files.size(system.log());
      results.add(
          new Result(system.name(), ParsingScores.of(truth, parsed), lines.size(), bytes, nanos));
      if (out != null) {
        write(out.resolve(system.name() + "_2k.log_structured.csv"), parsed);
      }
    }
    return results;
  }

  static List<LabelledLog> systems(Path directory) throws IOException {
    List<LabelledLog> systems = new ArrayList<>();
    try (Stream<Path> folders = Files.list(directory)) {
      for (Path folder : folders.sorted().toList()) {
        String name = folder.getFileName().toString();
        Path log = folder.resolve(name + "_2k.log");
        Path truth = folder.resolve(name + "_2k.log_structured_corrected.csv");
        if (Files.isRegularFile(log) && Files.isRegularFile(truth)) {
          systems.add(new LabelledLog(name, log, truth));
        }
      }
    }
    return systems;
  }

  private static Map<String, String> formats(Path settings) throws IOException {
    Map<String, String> formats = new TreeMap<>();
    if (Files.isRegularFile(settings)) {
      JsonNode root = Json.MAPPER.readTree(settings.toFile());
      root.properties()
          .forEach(
              entry -> {
                JsonNode format = entry.getValue().get("log_format");
                if (format != null && format.isTextual()) {
                  formats.put(entry.getKey(), format.asText());
                }
              });
    }
    return formats;
  }

  private static List<String> truth(Path csv) throws IOException {
    CsvMapper mapper = new CsvMapper();
    List<String> templates = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        MappingIterator<Map<String, String>> rows =
            mapper
                .readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(reader)) {
      while (rows.hasNext()) {
        String template = rows.next().get("EventTemplate");
        if (template == null) {
          throw new IOException(csv + " has no EventTemplate column");
        }
        templates.add(template);
      }
    }
    return templates;
  }

  private static void write(Path file, List<String> templates) throws IOException {
    Files.createDirectories(file.getParent());
    CsvMapper mapper = new CsvMapper();
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writer.write("LineId,EventTemplate\n");
      for (int i = 0; i < templates.size(); i++) {
        writer.write(
            (i + 1) + "," + mapper.writeValueAsString(new String[] {templates.get(i)}).strip());
        writer.write('\n');
      }
    }
  }

  /** Prints one run, per system and on average; returns the means. */
  private static ParsingScores print(PrintWriter printer, List<Result> results) {
    printer.printf(
        "%-12s %6s %6s %6s %6s %10s %8s%n", "system", "GA", "PA", "FGA", "FTA", "lines/s", "MB/s");
    for (Result r : results) {
      printer.printf(
          "%-12s %6.3f %6.3f %6.3f %6.3f %10.0f %8.2f%n",
          r.system(),
          r.scores().groupingAccuracy(),
          r.scores().parsingAccuracy(),
          r.scores().groupF1(),
          r.scores().templateF1(),
          r.linesPerSecond(),
          r.megabytesPerSecond());
    }
    ParsingScores mean =
        new ParsingScores(
            results.stream().mapToDouble(r -> r.scores().groupingAccuracy()).average().orElse(0),
            results.stream().mapToDouble(r -> r.scores().parsingAccuracy()).average().orElse(0),
            results.stream().mapToDouble(r -> r.scores().groupF1()).average().orElse(0),
            results.stream().mapToDouble(r -> r.scores().templateF1()).average().orElse(0));
    printer.printf(
        "%-12s %6.3f %6.3f %6.3f %6.3f%n",
        "mean", mean.groupingAccuracy(), mean.parsingAccuracy(), mean.groupF1(), mean.templateF1());
    return mean;
  }
}
