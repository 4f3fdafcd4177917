package dev.sremcp.domain.report;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What an analyzer returns: a one-line summary, findings (most severe first), how complete they
 * are, and the tool's own fields.
 */
public record Analysis(
    String summary, List<Finding> findings, Truncation truncation, ToolDetails details) {

  public Analysis {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(truncation, "truncation");
    Objects.requireNonNull(details, "details");
    findings = findings.stream().sorted(Comparator.comparing(Finding::severity)).toList();
    if (findings.size() != truncation.returned()) {
      throw new IllegalArgumentException(
          "truncation says "
              + truncation.returned()
              + " findings were returned, but there are "
              + findings.size());
    }
  }
}
