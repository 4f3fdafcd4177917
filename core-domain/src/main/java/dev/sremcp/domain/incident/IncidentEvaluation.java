package dev.sremcp.domain.incident;

import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Arguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores {@code analyze_incident} on scenarios with a known answer: top-1 and top-3 accuracy on
 * those with a cause, and the precision and recall of its abstentions on those without one. An
 * abstention on a scenario with a cause counts as a miss for top-1 and top-3.
 */
public final class IncidentEvaluation {

  private IncidentEvaluation() {}

  /**
   * One scenario.
   *
   * @param expectedCause a {@link Cause} id, or {@code null} when the inputs support no cause
   */
  public record Scenario(String id, String expectedCause, Map<String, Object> arguments) {
    public Scenario {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(arguments, "arguments");
      if (expectedCause != null) {
        Cause.fromId(expectedCause);
      }
    }
  }

  /** What the analysis said of one scenario. */
  public record Outcome(
      String id,
      String expected,
      boolean abstained,
      List<String> ranked,
      double topConfidence,
      boolean top1,
      boolean top3,
      String error) {}

  /** The scores, and each scenario's outcome. */
  public record Score(
      int withCause,
      int withoutCause,
      double top1,
      double top3,
      double abstentionPrecision,
      double abstentionRecall,
      List<Outcome> outcomes) {}

  public static Score score(List<Scenario> scenarios) {
    IncidentAnalyzer analyzer = new IncidentAnalyzer();
    List<Outcome> outcomes = new ArrayList<>();
    int withCause = 0;
    int top1 = 0;
    int top3 = 0;
    int abstained = 0;
    int rightAbstentions = 0;
    int withoutCause = 0;
    for (Scenario scenario : scenarios) {
      boolean hasCause = scenario.expectedCause() != null;
      if (hasCause) {
        withCause++;
      } else {
        withoutCause++;
      }
      Outcome outcome;
      try {
        Analysis analysis =
            analyzer.analyze(Arguments.of(scenario.arguments()), AnalysisContext.detached());
        IncidentDetails details = (IncidentDetails) analysis.details();
        List<String> ranked =
            details.hypotheses().stream().map(IncidentDetails.Hypothesis::cause).toList();
        boolean first =
            hasCause && !details.abstained() && scenario.expectedCause().equals(ranked.getFirst());
        boolean inTop3 =
            hasCause
                && !details.abstained()
                && ranked.subList(0, Math.min(3, ranked.size())).contains(scenario.expectedCause());
        outcome =
            new Outcome(
                scenario.id(),
                scenario.expectedCause(),
                details.abstained(),
                ranked,
                details.hypotheses().isEmpty() ? 0 : details.hypotheses().getFirst().confidence(),
                first,
                inTop3,
                null);
      } catch (RuntimeException e) {
        outcome =
            new Outcome(
                scenario.id(),
                scenario.expectedCause(),
                false,
                List.of(),
                0,
                false,
                false,
                e.getMessage());
      }
      outcomes.add(outcome);
      top1 += outcome.top1() ? 1 : 0;
      top3 += outcome.top3() ? 1 : 0;
      if (outcome.abstained()) {
        abstained++;
        rightAbstentions += hasCause ? 0 : 1;
      }
    }
    return new Score(
        withCause,
        withoutCause,
        ratio(top1, withCause),
        ratio(top3, withCause),
        abstained == 0 ? (withoutCause == 0 ? 1 : 0) : ratio(rightAbstentions, abstained),
        ratio(rightAbstentions, withoutCause),
        outcomes);
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? 1 : (double) part / whole;
  }
}
