package dev.sremcp.domain.dockerfile;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dockerfile variable substitution: {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-default}} and
 * {@code ${NAME:+alternative}}. Names without a value stay as written, so a rule can tell an
 * unresolved image from a pinned one.
 */
public final class Substitution {

  private static final Pattern VARIABLE =
      Pattern.compile(
          "\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?}|([A-Za-z_][A-Za-z0-9_]*))");

  private Substitution() {}

  /** The text with every variable that has a value (or a default) substituted. */
  public static String expand(String text, Map<String, String> values) {
    if (text.indexOf('$') < 0) {
      return text;
    }
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(4);
      String value = values.get(name);
      boolean set = value != null && !value.isEmpty();
      String replacement;
      if ("-".equals(matcher.group(2))) {
        replacement = set ? value : matcher.group(3);
      } else if ("+".equals(matcher.group(2))) {
        replacement = set ? matcher.group(3) : "";
      } else {
        replacement = set ? value : matcher.group();
      }
      matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  /** Records the names an {@code ARG} or {@code ENV} declares, with their values. */
  public static void declare(String declaration, Map<String, String> values) {
    for (Map.Entry<String, String> pair : Pairs.of(declaration).entrySet()) {
      values.put(pair.getKey(), expand(pair.getValue(), values));
    }
  }
}
