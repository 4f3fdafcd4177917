package dev.sremcp.domain.review;

import dev.sremcp.domain.report.Evidence;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.report.Severity;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One review rule and everything its documentation page says: a stable id, how severe a breach is,
 * why it matters, how to fix it, and which rules of the peer linters it covers.
 *
 * @param id stable identifier, e.g. {@code dockerfile.latest-tag}
 * @param title what is wrong, in a few words
 * @param rationale why it matters
 * @param fix how to fix it
 * @param peers the peer rules it covers, as {@code tool:id}, e.g. {@code hadolint:DL3007}
 */
public record Rule(
    String id, Severity severity, String title, String rationale, String fix, List<String> peers) {

  private static final Pattern ID = Pattern.compile("[a-z0-9]+\\.[a-z0-9-]+");

  public Rule {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("rule ids read tool.kebab-case: " + id);
    }
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(rationale, "rationale");
    Objects.requireNonNull(fix, "fix");
    peers = List.copyOf(peers);
  }

  /** A rule, its peers listed last. */
  public static Rule of(
      String id, Severity severity, String title, String rationale, String fix, String... peers) {
    return new Rule(id, severity, title, rationale, fix, List.of(peers));
  }

  /** A finding of this rule on one line of a file. */
  public Finding at(SourceFile file, int line, String message) {
    return finding(message, Evidence.atLine(file.name(), line, file.excerpt(line)));
  }

  /** A finding of this rule on lines {@code start} to {@code end} of a file. */
  public Finding at(SourceFile file, int start, int end, String message) {
    return start == end
        ? at(file, start, message)
        : finding(message, Evidence.atLines(file.name(), start, end, file.excerpt(start)));
  }

  /** A finding of this rule with the evidence given. */
  public Finding finding(String message, Evidence... evidence) {
    return Finding.rule(id, severity, title, message, List.of(evidence), fix);
  }
}
