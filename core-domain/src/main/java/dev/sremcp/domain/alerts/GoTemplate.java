package dev.sremcp.domain.alerts;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The structure of a Go text/template as Prometheus parses labels and annotations: every {@code
 * {{} closed, every if, range, with, define and block ended, no end or else without one.
 */
final class GoTemplate {

  private GoTemplate() {}

  /** What is wrong with the template, or {@code null} when its structure holds. */
  static String problem(String template) {
    Deque<String> open = new ArrayDeque<>();
    int i = 0;
    while (true) {
      int start = template.indexOf("{{", i);
      if (start < 0) {
        break;
      }
      int end = template.indexOf("}}", start + 2);
      if (end < 0) {
        return "unclosed action: '{{' without '}}'";
      }
      String action = template.substring(start + 2, end).strip();
      if (action.startsWith("-")) {
        action = action.substring(1).strip();
      }
      if (action.endsWith("-")) {
        action = action.substring(0, action.length() - 1).strip();
      }
      if (action.isEmpty()) {
        return "missing value for command";
      }
      if (action.startsWith("/*")) {
        i = end + 2;
        continue;
      }
      String keyword = action.split("[\\s(]", 2)[0];
      switch (keyword) {
        case "if", "range", "with", "define", "block" -> open.push(keyword);
        case "end" -> {
          if (open.isEmpty()) {
            return "unexpected {{end}}";
          }
          open.pop();
        }
        case "else" -> {
          if (open.isEmpty()) {
            return "unexpected {{else}}";
          }
        }
        default -> {
          if (unbalanced(action)) {
            return "unbalanced quotes or parentheses in '{{" + action + "}}'";
          }
        }
      }
      i = end + 2;
    }
    return open.isEmpty() ? null : "unexpected EOF: {{" + open.peek() + "}} is never ended";
  }

  private static boolean unbalanced(String action) {
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < action.length(); i++) {
      char c = action.charAt(i);
      if (c == '\\' && quoted) {
        i++;
      } else if (c == '"' || c == '`') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')' && --depth < 0) {
        return true;
      }
    }
    return quoted || depth != 0;
  }
}
