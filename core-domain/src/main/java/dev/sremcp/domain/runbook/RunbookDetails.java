package dev.sremcp.domain.runbook;

import dev.sremcp.domain.report.ToolDetails;
import java.util.List;
import java.util.Objects;

/**
 * What {@code generate_runbook} adds beside the common result fields: one runbook per alerting
 * rule, and all of them as one Markdown document with a table of contents.
 *
 * @param runbooks the runbooks, in the order of the rule files
 * @param markdown every runbook in one document, with a table of contents
 */
public record RunbookDetails(List<Runbook> runbooks, String markdown) implements ToolDetails {

  /** The most characters of the digest a language model reads. */
  static final int MAX_EVIDENCE_CHARS = 6_000;

  private static final int EXPRESSION_CLIP = 300;

  public RunbookDetails {
    runbooks = List.copyOf(runbooks);
    Objects.requireNonNull(markdown, "markdown");
  }

  @Override
  public String toMarkdown() {
    return markdown;
  }

  /** Alert names, categories and expressions, one line each, within its budget. */
  @Override
  public String evidence() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < runbooks.size(); i++) {
      Runbook runbook = runbooks.get(i);
      String expression = runbook.expression().replaceAll("\\s+", " ");
      if (expression.length() > EXPRESSION_CLIP) {
        expression = expression.substring(0, EXPRESSION_CLIP - 1) + "…";
      }
      String line =
          "alert "
              + runbook.alert()
              + " (group "
              + runbook.group()
              + ", "
              + runbook.category()
              + ", severity "
              + (runbook.severity() == null ? "none" : runbook.severity())
              + (runbook.forDuration() == null ? ", no for" : ", for " + runbook.forDuration())
              + "): "
              + expression
              + "\n";
      String more = "… and " + (runbooks.size() - i) + " more alerts\n";
      if (text.length() + line.length() + more.length() > MAX_EVIDENCE_CHARS) {
        return text.append(more).toString();
      }
      text.append(line);
    }
    return text.toString();
  }

  /**
   * The runbook of one alerting rule.
   *
   * @param line the line where the rule starts
   * @param severity the rule's severity label, or {@code null} when it has none
   * @param category what the alert measures, e.g. {@code error-ratio}; {@code generic} when not
   *     recognised
   * @param anchor the section's anchor, stable for the same rule files
   * @param runbookUrl {@code baseUrl#anchor}, or {@code null} when the call gave no baseUrl
   * @param forDuration the rule's {@code for}, or {@code null} when it has none
   * @param queries the PromQL to run, in the order the runbook refers to them
   * @param markdown this runbook's section
   */
  public record Runbook(
      String alert,
      String group,
      String file,
      int line,
      String severity,
      String category,
      String anchor,
      String runbookUrl,
      String expression,
      String forDuration,
      List<Query> queries,
      String markdown) {

    public Runbook {
      Objects.requireNonNull(alert, "alert");
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(anchor, "anchor");
      Objects.requireNonNull(expression, "expression");
      queries = List.copyOf(queries);
      Objects.requireNonNull(markdown, "markdown");
    }
  }

  /** One query of a runbook: what it shows, and the PromQL. */
  public record Query(String purpose, String query) {

    public Query {
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(query, "query");
    }
  }
}
