package dev.sremcp.domain.kubernetes;

import dev.sremcp.domain.review.ReviewReport;
import dev.sremcp.domain.review.Rule;

/** Where the checks report: drops what an object's ignore annotations switch off. */
final class Findings {

  private final ReviewReport report;

  Findings(ReviewReport report) {
    this.report = report;
  }

  /** Reports a finding of {@code rule} about {@code object}, at a line of its file. */
  void add(Rule rule, Manifest object, int line, String message) {
    if (!object.suppresses(rule)) {
      report.add(rule.at(object.file(), line, message));
    }
  }
}
