package dev.sremcp.domain.report;

import java.util.List;
import java.util.Objects;

/**
 * One thing an analysis found, grounded in evidence.
 *
 * @param ruleId stable identifier of the rule that found it, e.g. {@code slo.budget-exhausted}
 * @param confidence from 0 (a guess) to 1 (certain); deterministic rules are usually 1
 * @param fix how to fix it, or {@code null} when no fix is known
 */
public record Finding(
    String ruleId,
    Severity severity,
    String title,
    String message,
    List<Evidence> evidence,
    double confidence,
    Source source,
    String fix) {

  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(source, "source");
    evidence = List.copyOf(evidence);
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be within [0, 1]: " + confidence);
    }
  }

  /** A finding of a deterministic rule, which is certain of what it states. */
  public static Finding rule(
      String ruleId,
      Severity severity,
      String title,
      String message,
      List<Evidence> evidence,
      String fix) {
    return new Finding(ruleId, severity, title, message, evidence, 1.0, Source.RULE, fix);
  }
}
