package dev.sremcp.domain.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who acts and how fast, by the rule's severity label: a page for critical, a ticket for warning,
 * nothing for info; with the owner from the rule's {@code team}, {@code owner} and {@code service}
 * labels, or a blank to fill when it has none.
 */
final class Escalation {

  /** How urgent an alert is, read from its severity label. */
  enum Urgency {
    PAGE,
    TICKET,
    NONE,
    UNSET,
    UNKNOWN
  }

  static final List<String> OWNER_LABELS = List.of("team", "owner", "service");
  private static final Set<String> PAGING =
      Set.of("critical", "page", "pager", "paging", "emergency", "p1", "sev1", "high");
  private static final Set<String> TICKETING =
      Set.of("warning", "warn", "ticket", "medium", "p2", "p3", "sev2", "sev3");
  private static final Set<String> INFORMATIONAL =
      Set.of("info", "informational", "none", "low", "notice", "p4", "p5", "debug");

  private Escalation() {}

  static Urgency urgency(String severity) {
    if (severity == null) {
      return Urgency.UNSET;
    }
    String value = severity.strip().toLowerCase(Locale.ROOT);
    if (PAGING.contains(value)) {
      return Urgency.PAGE;
    }
    if (TICKETING.contains(value)) {
      return Urgency.TICKET;
    }
    return INFORMATIONAL.contains(value) ? Urgency.NONE : Urgency.UNKNOWN;
  }

  /** The escalation section's lines, in Markdown. */
  static List<String> of(AlertRule rule) {
    List<String> lines = new ArrayList<>();
    String owner = owner(rule);
    String team = owner == null ? "the owning team" : "the owning team (" + owner + ")";
    switch (urgency(rule.severity())) {
      case PAGE -> {
        lines.add(
            "**Page**: severity `"
                + rule.severity()
                + "` pages the on-call now; acknowledge the page and start on the checks above.");
        lines.add("After 15 minutes without mitigation, escalate to " + team + ".");
        lines.add(
            "Open or join the incident channel, post what you see and what you try, and keep"
                + " updating it until the alert resolves.");
      }
      case TICKET -> {
        lines.add(
            "**Ticket**: severity `"
                + rule.severity()
                + "` does not page. Open a ticket for "
                + team
                + " and handle it within business hours.");
        lines.add("Page only if it gets worse: user impact, or a related critical alert firing.");
      }
      case NONE -> {
        lines.add(
            "**No action**: severity `"
                + rule.severity()
                + "` is informational. Review it in regular triage; open a ticket only if it"
                + " keeps recurring.");
      }
      case UNSET -> {
        lines.add(
            "**No severity label**: Alertmanager routes this alert by its default route, so"
                + " who is notified depends on that route. Decide whether it should page, and"
                + " add `labels: {severity: critical|warning|info}` to the rule.");
      }
      case UNKNOWN -> {
        lines.add(
            "**Severity `"
                + rule.severity()
                + "`**: not one this runbook knows (critical, warning, info). Follow your"
                + " Alertmanager routing for it, and escalate to "
                + team
                + " if it is not mitigated.");
      }
    }
    lines.add(
        owner == null
            ? "Who owns it: ____________ (fill in the owning team and how to reach it, or add a"
                + " `team` label to the rule)."
            : "Who owns it: " + owner + ", from the rule's labels.");
    return lines;
  }

  /** The owner labels the rule has, as {@code team `payments`, service `checkout`}; or null. */
  static String owner(AlertRule rule) {
    List<String> parts = new ArrayList<>();
    for (String label : OWNER_LABELS) {
      String value = rule.labels().get(label);
      if (value != null && !value.isBlank()) {
        parts.add(label + " " + Meaning.code(value.strip()));
      }
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }
}
