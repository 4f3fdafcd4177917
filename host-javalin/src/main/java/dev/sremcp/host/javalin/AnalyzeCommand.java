package dev.sremcp.host.javalin;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sremcp.application.ToolService;
import dev.sremcp.domain.report.ReportText;
import dev.sremcp.domain.report.Severity;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.ToolDescriptor;
import dev.sremcp.inference.ExplainSettings;
import dev.sremcp.inference.OllamaLanguageModel;
import dev.sremcp.mcp.engine.SchemaValidator;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.tools.ReportJson;
import dev.sremcp.mcp.tools.ToolSchemas;
import dev.sremcp.persistence.local.LocalExplanationCache;
import dev.sremcp.ports.in.ToolCall;
import dev.sremcp.ports.in.ToolOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sre-mcp analyze TOOL FILE...}: one analysis without a server, for pipelines. Exits 1 when
 * a finding reaches {@code --fail-on}, 2 when the input cannot be analyzed, 3 on an internal
 * failure.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = "Run one analysis on files and print the report.")
final class AnalyzeCommand implements Callable<Integer> {

  static final int FINDINGS_AT_THRESHOLD = 1;
  static final int UNUSABLE_INPUT = 2;
  static final int INTERNAL_FAILURE = 3;

  /** One command explains one report: the cache only has to be there. */
  private static final int EXPLANATIONS_CACHED = 1;

  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "The tool, e.g. slo_report.")
  String tool;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      description =
          "Input files (- for standard input). Tools that read text take the files' contents;"
              + " others, such as slo_report, take one JSON file of arguments.")
  List<Path> files;

  @Option(names = "--json", description = "Print the structured result as JSON.")
  boolean json;

  @Option(
      names = "--fail-on",
      defaultValue = "high",
      description =
          "Exit 1 when a finding is this severe or more: critical, high, medium, low, info, or"
              + " none (default ${DEFAULT-VALUE}).")
  String failOn;

  @Option(
      names = "--no-explain",
      description =
          "Deterministic analysis only: do not ask Ollama to explain the findings (also"
              + " SREMCP_INFERENCE=off). Without it, a tool that explains asks Ollama at"
              + " SREMCP_OLLAMA_URLS (default http://127.0.0.1:11434) when one answers.")
  boolean noExplain;

  /** Where the explain settings come from: the process's environment, or a test's. */
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Severity threshold =
        "none".equals(failOn) ? null : Severity.fromId(failOn.toLowerCase(Locale.ROOT));
    ToolService tools = Composition.tools();
    ToolDescriptor descriptor =
        tools.listTools().stream()
            .filter(candidate -> candidate.name().equals(tool))
            .findFirst()
            .orElse(null);
    if (descriptor == null) {
      err.println(
          "sre-mcp analyze: unknown tool '"
              + tool
              + "'; the tools are "
              + tools.listTools().stream().map(ToolDescriptor::name).toList());
      return UNUSABLE_INPUT;
    }
    ArgumentFiles.Read arguments;
    try {
      arguments = ArgumentFiles.read(ToolSchemas.input(descriptor), files);
    } catch (IllegalArgumentException e) {
      err.println("sre-mcp analyze: " + e.getMessage());
      return UNUSABLE_INPUT;
    }
    List<String> problems =
        new SchemaValidator(ToolSchemas.input(descriptor)).problems(arguments.validated());
    if (!problems.isEmpty()) {
      err.println(
          "sre-mcp analyze: invalid arguments for " + tool + ": " + String.join("; ", problems));
      return UNUSABLE_INPUT;
    }
    ExplainSettings explain = ExplainSettings.fromEnvironment(environment);
    boolean explaining = !noExplain && explain.enabled() && descriptor.explainable();
    try (OllamaLanguageModel model =
        explaining ? new OllamaLanguageModel(explain.ollama()) : null) {
      if (model != null) {
        if (model.health().available()) {
          err.println("sre-mcp analyze: explaining with Ollama (--no-explain skips it)");
        }
        tools =
            Composition.tools(
                explain.explainer(model, new LocalExplanationCache(EXPLANATIONS_CACHED)));
      }
      return report(
          tools.run(new ToolCall(tool, arguments.arguments(), AnalysisContext.detached())),
          threshold,
          out,
          err);
    }
  }

  private int report(ToolOutcome outcome, Severity threshold, PrintWriter out, PrintWriter err)
      throws JsonProcessingException {
    return switch (outcome) {
      case ToolOutcome.Completed completed -> {
        out.println(
            json
                ? Json.MAPPER
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(ReportJson.of(completed.report()))
                : ReportText.render(completed.report()));
        Severity worst = completed.report().worstSeverity();
        yield threshold != null && worst != null && worst.atLeast(threshold)
            ? FINDINGS_AT_THRESHOLD
            : 0;
      }
      case ToolOutcome.Rejected rejected -> {
        err.println("sre-mcp analyze: " + rejected.reason());
        yield UNUSABLE_INPUT;
      }
      case ToolOutcome.Failed failed -> {
        err.println("sre-mcp analyze: " + failed.reason());
        yield INTERNAL_FAILURE;
      }
      case ToolOutcome.UnknownTool unknown -> UNUSABLE_INPUT;
      case ToolOutcome.Refused refused -> { // unmetered calls are never refused; kept for totality
        err.println("sre-mcp analyze: " + refused.refusal().message());
        yield INTERNAL_FAILURE;
      }
    };
  }
}
