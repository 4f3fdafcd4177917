package dev.sremcp.domain.runbook;

import dev.sremcp.domain.runbook.Queries.Draft;
import java.util.List;
import java.util.Set;

/** Writes runbooks in Markdown: one section per alert, and the document that holds them. */
final class RunbookWriter {

  private static final int MAX_ANNOTATIONS = 6;
  private static final int ANNOTATION_CLIP = 1_000;
  private static final Set<String> LINKS = Set.of("runbook_url", "runbook");

  private RunbookWriter() {}

  /** The section of one alert. */
  static String section(
      AlertRule rule,
      Shape shape,
      Category category,
      List<Draft> queries,
      String anchor,
      String runbookUrl) {
    StringBuilder md = new StringBuilder();
    md.append("<a id=\"").append(anchor).append("\"></a>\n\n");
    md.append("## ").append(escape(rule.name())).append("\n\n");
    md.append("Group ")
        .append(Meaning.code(rule.group().isEmpty() ? "(unnamed)" : rule.group()))
        .append(" in ")
        .append(Meaning.code(rule.file()))
        .append(", line ")
        .append(rule.line())
        .append(". Category: ")
        .append(category.title())
        .append(". Severity: ")
        .append(rule.severity() == null ? "none" : Meaning.code(rule.severity()))
        .append(".\n");
    if (runbookUrl != null) {
      md.append("Link it from the rule: `runbook_url: ").append(runbookUrl).append("`.\n");
    }
    if (rule.linkedRunbook() != null) {
      md.append("The rule links a runbook already: ")
          .append(Meaning.code(clip(rule.linkedRunbook(), 500)))
          .append(".\n");
    }
    md.append("\n### What it means\n\n");
    fenced(md, "", rule.expression());
    md.append('\n');
    for (String line : Meaning.of(rule, shape)) {
      md.append("- ").append(line).append('\n');
    }
    annotations(md, rule);
    md.append('\n').append(Meaning.firing(rule, shape)).append('\n');
    md.append("\n### Queries to run\n\n");
    for (int i = 0; i < queries.size(); i++) {
      Draft query = queries.get(i);
      md.append(i + 1).append(". ").append(query.purpose()).append(":\n\n");
      fenced(md, " ".repeat(String.valueOf(i + 1).length() + 2), query.query());
      md.append('\n');
    }
    Playbooks.Playbook playbook = Playbooks.of(category, rule, shape, queries);
    md.append("### Likely causes\n\n");
    if (!playbook.note().isEmpty()) {
      md.append(playbook.note()).append("\n\n");
    }
    md.append("Common causes of such an alert; check each against the queries, none is known to")
        .append(" apply here until the data shows it:\n\n");
    for (String cause : playbook.causes()) {
      md.append("- ").append(cause).append('\n');
    }
    md.append("\n### Mitigation\n\nWhat to check first, in order:\n\n");
    List<String> checks = playbook.checks();
    for (int i = 0; i < checks.size(); i++) {
      md.append(i + 1).append(". ").append(checks.get(i)).append('\n');
    }
    md.append("\n### Escalation\n\n");
    for (String line : Escalation.of(rule)) {
      md.append("- ").append(line).append('\n');
    }
    return md.toString();
  }

  /** The document: a title, a table of contents, and the sections. */
  static String document(List<RunbookDetails.Runbook> runbooks, String source, String note) {
    StringBuilder md = new StringBuilder("# Runbooks\n\n");
    md.append(runbooks.size())
        .append(runbooks.size() == 1 ? " runbook" : " runbooks")
        .append(" for the alerts of ")
        .append(source)
        .append(", generated from the rules by generate_runbook. Review them, fill in the blanks,")
        .append(" and link each from its rule's `runbook_url` annotation.\n");
    if (!note.isEmpty()) {
      md.append('\n').append(note).append('\n');
    }
    if (!runbooks.isEmpty()) {
      md.append("\n## Contents\n\n");
      for (RunbookDetails.Runbook runbook : runbooks) {
        md.append("- [")
            .append(escape(runbook.alert()))
            .append("](#")
            .append(runbook.anchor())
            .append("): ")
            .append(runbook.category())
            .append(", severity ")
            .append(runbook.severity() == null ? "none" : Meaning.code(runbook.severity()))
            .append('\n');
      }
    }
    for (RunbookDetails.Runbook runbook : runbooks) {
      md.append('\n').append(runbook.markdown());
    }
    return md.toString();
  }

  private static void annotations(StringBuilder md, AlertRule rule) {
    int shown = 0;
    for (var annotation : rule.annotations().entrySet()) {
      if (LINKS.contains(annotation.getKey()) || shown++ >= MAX_ANNOTATIONS) {
        continue;
      }
      md.append("- Annotation `").append(annotation.getKey()).append("`:\n");
      for (String line : clip(annotation.getValue().strip(), ANNOTATION_CLIP).split("\n", -1)) {
        md.append("  > ").append(line).append('\n');
      }
    }
    List<String> templates = Meaning.templates(rule);
    if (!templates.isEmpty()) {
      md.append("- Templates in the annotations, kept as written:\n");
      for (String template : templates) {
        md.append("  - ").append(template).append('\n');
      }
    }
  }

  /** A fenced code block whose fence is longer than any run of backticks in the text. */
  private static void fenced(StringBuilder md, String indent, String text) {
    int longest = 0;
    int run = 0;
    for (char c : text.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(Math.max(3, longest + 1));
    md.append(indent).append(fence).append("promql\n");
    for (String line : text.split("\n", -1)) {
      md.append(indent).append(line).append('\n');
    }
    md.append(indent).append(fence).append('\n');
  }

  /** Markdown's special characters in a heading or a link text, escaped. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.replace('\n', ' ').toCharArray()) {
      if ("\\`*_[]<>|#".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
