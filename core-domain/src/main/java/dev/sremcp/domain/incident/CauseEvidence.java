package dev.sremcp.domain.incident;

import dev.sremcp.domain.incident.IncidentDetails.Hypothesis;
import dev.sremcp.domain.incident.IncidentDetails.Support;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The evidence for one cause, its confidence, and the title of its strongest piece. */
final class CauseEvidence {

  private final Cause cause;
  private final List<Support> supports = new ArrayList<>();
  private String title;
  private double titleWeight = -1;
  private double scale = 1;
  private String via;

  CauseEvidence(Cause cause) {
    this.cause = cause;
  }

  void offer(String title, Support support) {
    add(support);
    if (title != null && support.weight() > titleWeight) {
      this.title = title;
      this.titleWeight = support.weight();
    }
  }

  void add(Support support) {
    if (supports.size() < 50) {
      supports.add(support);
    }
  }

  /** Weighs again the pieces that {@code which} picks, noting why in their text. */
  void reweigh(Predicate<Support> which, double factor, String why) {
    supports.replaceAll(
        s ->
            which.test(s)
                ? new Support(
                    s.kind(), s.time(), s.text() + why, s.ref(), Math.min(1, s.weight() * factor))
                : s);
  }

  /** Names the change that may have caused this mechanism, in the hypothesis' title. */
  void causedBy(String change) {
    via = change;
  }

  void scale(double factor) {
    scale *= factor;
  }

  double confidence() {
    double none = 1;
    // one source of a kind counts fully, each further one of the same kind half as much as the
    // one before (from a quarter): forty similar log lines are not forty pieces of evidence
    Map<String, Integer> seen = new HashMap<>();
    for (Support s :
        supports.stream().sorted(Comparator.comparingDouble(Support::weight).reversed()).toList()) {
      int n = seen.merge(s.kind(), 1, Integer::sum);
      double weight = n == 1 ? s.weight() : s.weight() / Math.pow(2, n);
      none *= 1 - weight;
    }
    return Math.min(Investigation.MAX_CONFIDENCE, (1 - none) * scale);
  }

  Hypothesis build(int rank) {
    List<Support> evidence =
        supports.stream()
            .sorted(Comparator.comparingDouble(Support::weight).reversed())
            .limit(10)
            .map(s -> new Support(s.kind(), s.time(), s.text(), s.ref(), round(s.weight())))
            .toList();
    String text = title == null ? cause.noun() : title;
    if (via != null) {
      text += " (the change \"" + via + "\" may have caused it)";
    }
    return new Hypothesis(rank, cause.id(), text, round(confidence()), evidence);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
