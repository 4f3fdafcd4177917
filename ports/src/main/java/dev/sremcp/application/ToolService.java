package dev.sremcp.application;

import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.AnalysisReport;
import dev.sremcp.domain.report.LlmUse;
import dev.sremcp.domain.report.UsageCharge;
import dev.sremcp.domain.tool.Analyzer;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import dev.sremcp.domain.tool.ToolDescriptor;
import dev.sremcp.ports.in.ListToolsUseCase;
import dev.sremcp.ports.in.RunToolUseCase;
import dev.sremcp.ports.in.ToolCall;
import dev.sremcp.ports.in.ToolOutcome;
import java.lang.System.Logger.Level;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;

/**
 * Runs the analyzers as tools: finds the analyzer, runs it, and turns what happens into an outcome.
 */
public final class ToolService implements RunToolUseCase, ListToolsUseCase {

  private static final System.Logger LOG = System.getLogger(ToolService.class.getName());

  private final Map<String, Analyzer> analyzers;

  public ToolService(List<Analyzer> analyzers) {
    Map<String, Analyzer> byName = new HashMap<>();
    for (Analyzer analyzer : analyzers) {
      if (byName.putIfAbsent(analyzer.descriptor().name(), analyzer) != null) {
        throw new IllegalArgumentException(
            "two analyzers are named " + analyzer.descriptor().name());
      }
    }
    this.analyzers = Map.copyOf(byName);
  }

  @Override
  public List<ToolDescriptor> listTools() {
    return analyzers.values().stream()
        .map(Analyzer::descriptor)
        .sorted(Comparator.comparing(ToolDescriptor::name))
        .toList();
  }

  @Override
  public ToolOutcome run(ToolCall call) {
    Analyzer analyzer = analyzers.get(call.tool());
    if (analyzer == null) {
      return new ToolOutcome.UnknownTool(call.tool());
    }
    try {
      Analysis analysis = analyzer.analyze(Arguments.of(call.arguments()), call.context());
      return new ToolOutcome.Completed(
          new AnalysisReport(
              call.tool(),
              analysis,
              LlmUse.notUsed(
                  analyzer.descriptor().explainable()
                      ? "no inference engine is configured"
                      : call.tool() + " is deterministic: it has no language-model part"),
              UsageCharge.unmetered()));
    } catch (InvalidArgumentsException e) {
      return new ToolOutcome.Rejected(call.tool(), e.getMessage());
    } catch (CancellationException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      String reference = UUID.randomUUID().toString();
      LOG.log(Level.ERROR, "tool " + call.tool() + " failed, reference " + reference, e);
      return new ToolOutcome.Failed(
          call.tool(),
          call.tool()
              + " failed on our side; nothing was charged. The error is logged under reference "
              + reference
              + ".");
    }
  }
}
