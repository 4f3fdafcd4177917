package dev.sremcp.domain.review;

import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.Evidence;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.report.Severity;
import dev.sremcp.domain.report.Truncation;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import dev.sremcp.domain.tool.ToolDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what a review's rules find, drops the rules the caller ignores and exact repeats, and
 * makes the analysis: findings most severe first, then by file and line, at most {@code limit} of
 * them.
 */
public final class ReviewReport {

  /** Findings a result carries unless the call sets {@code limit}. */
  public static final int DEFAULT_LIMIT = 200;

  /** The most findings a result may carry. */
  public static final int MAX_LIMIT = 1_000;

  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparing(finding -> file(finding))
          .thenComparingInt(ReviewReport::line)
          .thenComparing(Finding::ruleId);

  private final ReviewInput input;
  private final Map<String, Finding> findings = new LinkedHashMap<>();

  public ReviewReport(ReviewInput input) {
    this.input = input;
  }

  /** Adds a finding, unless its rule is ignored or the same finding is already there. */
  public void add(Finding finding) {
    if (!input.ignores(finding.ruleId())) {
      Evidence first = finding.evidence().isEmpty() ? null : finding.evidence().getFirst();
      findings.putIfAbsent(
          finding.ruleId()
              + '\0'
              + (first == null ? "" : first.file() + ':' + line(finding))
              + '\0'
              + finding.message(),
          finding);
    }
  }

  /**
   * The descriptor of a review tool: its input schema {@code <name>.input.schema.json} beside
   * {@code owner}, and the details every review shares.
   */
  public static ToolDescriptor descriptor(
      Class<?> owner, String name, String title, String description, Tier tier) {
    return new ToolDescriptor(
        name,
        title,
        description,
        tier,
        true,
        ToolDescriptor.resource(owner, name + ".input.schema.json"),
        ToolDescriptor.resource(ReviewReport.class, "review.details.schema.json"));
  }

  /**
   * The analysis: its summary names what was reviewed and the findings by severity; its details
   * list the files and the rules applied.
   */
  public Analysis analysis(
      Arguments arguments, List<ReviewDetails.ReviewedFile> files, String units, List<Rule> rules) {
    String reviewed = files.size() == 1 ? files.getFirst().name() : files.size() + " " + units;
    Map<String, Integer> counts = new LinkedHashMap<>();
    bySeverity().forEach((severity, count) -> counts.put(severity.id(), count));
    int applied = (int) rules.stream().filter(rule -> !input.ignores(rule.id())).count();
    ReviewDetails details = new ReviewDetails(files, counts, applied);
    int limit = limit(arguments);
    List<Finding> sorted = new ArrayList<>(findings.values());
    sorted.sort(ORDER);
    List<Finding> returned = sorted.subList(0, Math.min(limit, sorted.size()));
    Truncation truncation =
        new Truncation(
            returned.size(), limit, returned.size() < sorted.size(), input.lines(), null);
    return new Analysis(summary(reviewed, sorted), returned, truncation, details);
  }

  private Map<Severity, Integer> bySeverity() {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity severity : Severity.values()) {
      counts.put(severity, 0);
    }
    findings.values().forEach(finding -> counts.merge(finding.severity(), 1, Integer::sum));
    return counts;
  }

  private String summary(String reviewed, List<Finding> sorted) {
    if (sorted.isEmpty()) {
      return reviewed + ": no findings.";
    }
    StringBuilder counts = new StringBuilder();
    bySeverity()
        .forEach(
            (severity, count) -> {
              if (count > 0) {
                counts.append(counts.isEmpty() ? "" : ", ").append(count).append(' ');
                counts.append(severity.id());
              }
            });
    return reviewed
        + ": "
        + sorted.size()
        + (sorted.size() == 1 ? " finding (" : " findings (")
        + counts
        + "); the first: "
        + sorted.getFirst().title()
        + '.';
  }

  private static int limit(Arguments arguments) {
    double limit = arguments.number("limit").orElse(DEFAULT_LIMIT);
    if (limit != Math.rint(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidArgumentsException(
          "limit must be a whole number from 1 to " + MAX_LIMIT + ", not " + limit);
    }
    return (int) limit;
  }

  private static String file(Finding finding) {
    return finding.evidence().isEmpty() ? "" : finding.evidence().getFirst().file();
  }

  private static int line(Finding finding) {
    if (finding.evidence().isEmpty()) {
      return 0;
    }
    Evidence evidence = finding.evidence().getFirst();
    return evidence.line() != null
        ? evidence.line()
        : evidence.startLine() != null ? evidence.startLine() : 0;
  }
}
