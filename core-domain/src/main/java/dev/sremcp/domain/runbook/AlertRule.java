package dev.sremcp.domain.runbook;

import dev.sremcp.domain.promql.Expr;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One alerting rule as read from a rule file.
 *
 * @param line the line where the rule starts ({@code - alert: ...})
 * @param expression the expression as written, trimmed
 * @param query the expression, parsed
 * @param forDuration the {@code for} as written, or {@code null} when it is absent or zero
 * @param labels the rule's labels whose values are text, in the order written
 * @param annotations the rule's annotations whose values are text, in the order written
 */
record AlertRule(
    String file,
    String group,
    String name,
    int line,
    String expression,
    Expr query,
    String forDuration,
    Map<String, String> labels,
    Map<String, String> annotations) {

  AlertRule {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(query, "query");
    labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    annotations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
  }

  /** The severity label, or {@code null} when the rule has none. */
  String severity() {
    String severity = labels.get("severity");
    return severity == null || severity.isBlank() ? null : severity.strip();
  }

  /** The runbook the rule links already ({@code runbook_url}, or {@code runbook}), or null. */
  String linkedRunbook() {
    String url = annotations.getOrDefault("runbook_url", annotations.get("runbook"));
    return url == null || url.isBlank() ? null : url.strip();
  }
}
