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
  private final int limit;

  /** Findings kept per severity, in the order found: at most MAX_LIMIT of each, all counted. */
  private final Map<Severity, Map<String, Finding>> kept = new EnumMap<>(Severity.class);

  private final Map<Severity, Integer> counts = new EnumMap<>(Severity.class);

  /**
   * A report for one call: its {@code limit} is read now, so a bad one is refused before any work.
   */
  public ReviewReport(ReviewInput input, Arguments arguments) {
    this.input = input;
    this.limit = limit(arguments);
    for (Severity severity : Severity.values()) {
      kept.put(severity, new LinkedHashMap<>());
      counts.put(severity, 0);
    }
  }

  /**
   * Adds a finding, unless its rule is ignored or the same finding is already there. Beyond {@link
   * #MAX_LIMIT} findings of a severity, the rest are counted but not kept: no result carries them,
   * and a file of a million findings stays in bounded memory.
   */
  public void add(Finding finding) {
    if (input.ignores(finding.ruleId())) {
      return;
    }
    Map<String, Finding> same = kept.get(finding.severity());
    Evidence first = finding.evidence().isEmpty() ? null : finding.evidence().getFirst();
    String key =
        finding.ruleId()
            + '\0'
            + (first == null ? "" : first.file() + ':' + line(finding))
            + '\0'
            + finding.message();
    if (same.containsKey(key)) {
      return;
    }
    if (same.size() < MAX_LIMIT) {
      same.put(key, finding);
    }
    counts.merge(finding.severity(), 1, Integer::sum);
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
  public Analysis analysis(List<ReviewDetails.ReviewedFile> files, String units, List<Rule> rules) {
    String reviewed = files.size() == 1 ? files.getFirst().name() : files.size() + " " + units;
    Map<String, Integer> bySeverity = new LinkedHashMap<>();
    counts.forEach((severity, count) -> bySeverity.put(severity.id(), count));
    int applied = (int) rules.stream().filter(rule -> !input.ignores(rule.id())).count();
    ReviewDetails details = new ReviewDetails(files, bySeverity, applied);
    List<Finding> sorted = new ArrayList<>();
    kept.values().forEach(same -> sorted.addAll(same.values()));
    sorted.sort(ORDER);
    List<Finding> returned = sorted.subList(0, Math.min(limit, sorted.size()));
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    Truncation truncation =
        new Truncation(returned.size(), limit, returned.size() < total, input.lines(), null);
    return new Analysis(summary(reviewed, total, sorted), returned, truncation, details);
  }

  private String summary(String reviewed, int total, List<Finding> sorted) {
    if (total == 0) {
      return reviewed + ": no findings.";
    }
    StringBuilder text = new StringBuilder();
    counts.forEach(
        (severity, count) -> {
          if (count > 0) {
            text.append(text.isEmpty() ? "" : ", ").append(count).append(' ');
            text.append(severity.id());
          }
        });
    return reviewed
        + ": "
        + total
        + (total == 1 ? " finding (" : " findings (")
        + text
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
