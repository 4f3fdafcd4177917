package dev.sremcp.domain.review;

import dev.sremcp.domain.report.ToolDetails;
import java.util.List;
import java.util.Map;

/**
 * What a review adds beside the common result fields: the files it read and what it found in each,
 * the findings by severity, and how many rules it applied.
 *
 * @param files one entry per file, in the order given
 * @param bySeverity every severity with its count of findings (before the limit)
 * @param rulesApplied the rules checked, after those the call ignored
 */
public record ReviewDetails(
    List<ReviewedFile> files, Map<String, Integer> bySeverity, int rulesApplied)
    implements ToolDetails {

  public ReviewDetails {
    files = List.copyOf(files);
    bySeverity = Map.copyOf(bySeverity);
  }

  @Override
  public String toMarkdown() {
    StringBuilder text =
        new StringBuilder("| file | lines | checked | parsed |\n|---|---|---|---|\n");
    for (ReviewedFile file : files) {
      text.append("| ")
          .append(file.name().replace("|", "\\|"))
          .append(" | ")
          .append(file.lines())
          .append(" | ")
          .append(file.items())
          .append(" | ")
          .append(file.parsed() ? "yes" : "no")
          .append(" |\n");
    }
    return text.toString();
  }

  /**
   * One file reviewed.
   *
   * @param items what the review found in it to check: instructions, objects, resources or rules
   * @param parsed false when the file could not be parsed (a finding says where)
   */
  public record ReviewedFile(String name, int lines, int items, boolean parsed) {}
}
