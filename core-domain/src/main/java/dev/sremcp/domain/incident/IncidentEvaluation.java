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

    /**
     * A scenario file as parsed JSON: {@code {"id", "expected": {"cause"}, "arguments"}}.
     *
     * @param name the file's name, the id when the file has none
     * @throws IllegalArgumentException naming what the file lacks
     */
    public static Scenario of(Map<String, Object> file, String name) {
      Object expected = file.get("expected") instanceof Map<?, ?> map ? map.get("cause") : null;
      if (!(file.get("arguments") instanceof Map<?, ?> arguments)) {
        throw new IllegalArgumentException(name + " has no arguments object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> typed = (Map<String, Object>) arguments;
      String id = file.get("id") instanceof String s ? s : name;
      try {
        return new Scenario(id, expected == null ? null : expected.toString(), typed);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + ": " + e.getMessage());
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
      List<Outcome> outcomes) {

    /** One line per scenario, then the scores, as plain text. */
    public String table() {
      StringBuilder text = new StringBuilder();
      text.append(
          "%-48s %-20s %-7s %s%n"
              .formatted("scenario", "expected", "result", "ranked (top confidence)"));
      for (Outcome o : outcomes) {
        String result =
            o.error() != null
                ? "ERROR"
                : o.expected() == null
                    ? (o.abstained() ? "ok" : "MISS")
                    : o.top1() ? "top-1" : o.top3() ? "top-3" : "MISS";
        text.append(
            "%-48s %-20s %-7s %s%s%n"
                .formatted(
                    o.id(),
                    o.expected() == null ? "(none)" : o.expected(),
                    result,
                    o.abstained() ? "abstained; " : "",
                    o.error() != null
                        ? o.error()
                        : String.join(", ", o.ranked().subList(0, Math.min(4, o.ranked().size())))
                            + " (%.2f)".formatted(o.topConfidence())));
      }
      text.append(
          ("%n%d scenarios with a cause, %d without%ntop-1 accuracy %.3f, top-3 accuracy %.3f,"
                  + " abstention precision %.3f, recall %.3f%n")
              .formatted(
                  withCause, withoutCause, top1, top3, abstentionPrecision, abstentionRecall));
      return text.toString();
    }
  }

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
