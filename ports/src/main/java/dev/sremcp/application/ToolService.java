package dev.sremcp.application;

import dev.sremcp.domain.account.Caller;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.explain.ModelTable;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.AnalysisReport;
import dev.sremcp.domain.report.LlmUse;
import dev.sremcp.domain.report.UsageCharge;
import dev.sremcp.domain.tool.AnalysisContext;
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
  private final Explainer explainer;

  /** Tools without explanations: the library's default. */
  public ToolService(List<Analyzer> analyzers) {
    this(analyzers, null);
  }

  /**
   * @param explainer the explain step, or {@code null} when no inference engine is configured
   */
  public ToolService(List<Analyzer> analyzers, Explainer explainer) {
    Map<String, Analyzer> byName = new HashMap<>();
    for (Analyzer analyzer : analyzers) {
      if (byName.putIfAbsent(analyzer.descriptor().name(), analyzer) != null) {
        throw new IllegalArgumentException(
            "two analyzers are named " + analyzer.descriptor().name());
      }
    }
    this.analyzers = Map.copyOf(byName);
    this.explainer = explainer;
  }

  @Override
  public List<ToolDescriptor> listTools() {
    return analyzers.values().stream()
        .map(Analyzer::descriptor)
        .sorted(Comparator.comparing(ToolDescriptor::name))
        .toList();
  }

  private static ToolOutcome completed(ToolCall call, Analysis analysis, LlmUse llm) {
    return new ToolOutcome.Completed(
        new AnalysisReport(call.tool(), analysis, llm, UsageCharge.unmetered()));
  }

  /** A context that remembers the last progress reported, so later progress can go on from it. */
  private static final class ProgressFloor implements AnalysisContext {
    private final AnalysisContext context;
    private volatile double floor;

    ProgressFloor(AnalysisContext context) {
      this.context = context;
    }

    double floor() {
      return floor;
    }

    @Override
    public boolean isCancelled() {
      return context.isCancelled();
    }

    @Override
    public void progress(double done, double total, String message) {
      floor = Math.max(floor, done);
      context.progress(done, total, message);
    }
  }

  @Override
  public ToolOutcome run(ToolCall call) {
    Analyzer analyzer = analyzers.get(call.tool());
    if (analyzer == null) {
      return new ToolOutcome.UnknownTool(call.tool());
    }
    try {
      Arguments arguments = Arguments.of(call.arguments());
      Caller caller = call.metering() == null ? null : call.metering().caller();
      Tier tier = caller == null ? null : caller.tier();
      String model = arguments.string("model").orElse(null);
      if (explainer != null
          && model != null
          && explainer.models().choose(tier, model) instanceof ModelTable.Choice.Refused refused) {
        return new ToolOutcome.Rejected(call.tool(), refused.message());
      }
      ProgressFloor context = new ProgressFloor(call.context());
      Analysis analysis = analyzer.analyze(arguments, context);
      if (!analyzer.descriptor().explainable()) {
        return completed(
            call,
            analysis,
            LlmUse.notUsed(call.tool() + " is deterministic: it has no language-model part"));
      }
      if (explainer == null) {
        return completed(call, analysis, LlmUse.notUsed("no inference engine is configured"));
      }
      Explainer.Request request =
          new Explainer.Request(
              call.tool(),
              analysis,
              tier,
              caller == null ? "local" : caller.account().toString(),
              arguments.flag("explain", true),
              model,
              context,
              context.floor());
      Explainer.Explained explained;
      try {
        explained = explainer.explain(request);
      } catch (InvalidArgumentsException | CancellationException e) {
        throw e;
      } catch (RuntimeException e) {
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.ERROR, "explaining " + call.tool() + " failed, reference " + reference, e);
        return completed(
            call,
            analysis,
            LlmUse.notUsed(
                "the explanation failed on our side (reference "
                    + reference
                    + "); the deterministic result is complete without it"));
      }
      return completed(call, explained.analysis(), explained.llm());
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
