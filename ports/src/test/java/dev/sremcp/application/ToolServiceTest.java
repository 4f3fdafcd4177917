package dev.sremcp.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.slo.SloAnalyzer;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Analyzer;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.ToolDescriptor;
import dev.sremcp.ports.in.ToolCall;
import dev.sremcp.ports.in.ToolOutcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class ToolServiceTest {

  private static Analyzer failing(String name, RuntimeException failure) {
    return new Analyzer() {
      @Override
      public ToolDescriptor descriptor() {
        return new ToolDescriptor(name, "t", "d", Tier.FREE, false, "{\"type\":\"object\"}", "{}");
      }

      @Override
      public Analysis analyze(Arguments arguments, AnalysisContext context) {
        throw failure;
      }
    };
  }

  private static ToolCall call(String tool, Map<String, Object> arguments) {
    return new ToolCall(tool, arguments, AnalysisContext.detached());
  }

  @Test
  void listsToolsByName() {
    ToolService service =
        new ToolService(List.of(new SloAnalyzer(), failing("a_tool", new IllegalStateException())));

    assertThat(service.listTools())
        .extracting(ToolDescriptor::name)
        .containsExactly("a_tool", "slo_report");
  }

  @Test
  void completesAnAnalysisWithoutTheModelAndWithoutCharge() {
    ToolOutcome outcome =
        new ToolService(List.of(new SloAnalyzer()))
            .run(
                call(
                    "slo_report",
                    Map.of("target", 99.9, "window", "30d", "good", 999, "total", 1000)));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            ToolOutcome.Completed.class,
            completed -> {
              assertThat(completed.report().llm().used()).isFalse();
              assertThat(completed.report().llm().reason()).contains("deterministic");
              assertThat(completed.report().usage().unitsCharged()).isZero();
            });
  }

  @Test
  void rejectsUnusableArgumentsWithTheAnalyzersReason() {
    ToolOutcome outcome =
        new ToolService(List.of(new SloAnalyzer()))
            .run(call("slo_report", Map.of("target", 100, "window", "30d", "good", 1, "total", 1)));

    assertThat(outcome)
        .isEqualTo(
            new ToolOutcome.Rejected(
                "slo_report",
                "target is a percentage above 1 and below 100, e.g. 99.9; got 100 (a 100% target leaves"
                    + " no error budget)"));
  }

  @Test
  void reportsAnUnknownTool() {
    assertThat(new ToolService(List.of()).run(call("nope", Map.of())))
        .isEqualTo(new ToolOutcome.UnknownTool("nope"));
  }

  @Test
  void turnsAnAnalyzerCrashIntoAFailureWithAReferenceAndNoInternals() {
    ToolOutcome outcome =
        new ToolService(List.of(failing("broken", new IllegalStateException("secret internals"))))
            .run(call("broken", Map.of()));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            ToolOutcome.Failed.class,
            failed -> {
              assertThat(failed.reason())
                  .contains("failed on our side")
                  .contains("reference")
                  .doesNotContain("secret");
            });
  }

  @Test
  void letsCancellationThrough() {
    ToolService service =
        new ToolService(List.of(failing("slow", new CancellationException("gone"))));

    assertThatThrownBy(() -> service.run(call("slow", Map.of())))
        .isInstanceOf(CancellationException.class);
  }

  @Test
  void refusesTwoAnalyzersWithOneName() {
    assertThatThrownBy(() -> new ToolService(List.of(new SloAnalyzer(), new SloAnalyzer())))
        .hasMessageContaining("two analyzers are named slo_report");
  }
}
