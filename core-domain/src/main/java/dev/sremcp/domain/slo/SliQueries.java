package dev.sremcp.domain.slo;

import dev.sremcp.domain.promql.Expr;
import dev.sremcp.domain.promql.PromQl;
import dev.sremcp.domain.promql.PromQlSyntaxException;
import dev.sremcp.domain.promql.ValueType;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SLI as Sloth's {@code events} spec writes it: PromQL for the rate of bad events and of all
 * events, with {@code {{.window}}} where the range goes. Both must parse, as an instant vector,
 * once a window is put in.
 *
 * @param errorQuery e.g. {@code sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))}
 * @param totalQuery e.g. {@code sum(rate(http_requests_total[{{.window}}]))}
 */
public record SliQueries(String errorQuery, String totalQuery) {

  /** The most characters one query may have. */
  public static final int MAX_LENGTH = 4_000;

  /** Sloth's placeholder; Go templates allow spaces inside the braces, so this does too. */
  private static final Pattern WINDOW = Pattern.compile("\\{\\{\\s*\\.window\\s*}}");

  private static final String EXAMPLE =
      "sum(rate(http_requests_total{code=~\"5..\"}[{{.window}}]))";

  public SliQueries {
    errorQuery = checked("sli.errorQuery", errorQuery);
    totalQuery = checked("sli.totalQuery", totalQuery);
  }

  /** The error ratio over one window: {@code (errorQuery) / (totalQuery)}, as Sloth writes it. */
  public String errorRatio(String window) {
    String errors = withWindow(errorQuery, window);
    String total = withWindow(totalQuery, window);
    if (inline(errors) && inline(total)) {
      return "(" + errors + ")\n/\n(" + total + ")";
    }
    // a query over several lines, or with a # comment, keeps its closing parenthesis on a line of
    // its own, out of the comment's reach
    return "(\n" + indented(errors) + "\n)\n/\n(\n" + indented(total) + "\n)";
  }

  private static boolean inline(String query) {
    return query.indexOf('\n') < 0 && query.indexOf('#') < 0;
  }

  private static String indented(String query) {
    return ("  " + query.replace("\n", "\n  ")).replaceAll("(?m)^ +$", "");
  }

  private static String withWindow(String query, String window) {
    return WINDOW.matcher(query).replaceAll(Matcher.quoteReplacement(window));
  }

  private static String checked(String argument, String query) {
    if (query == null) {
      throw new InvalidArgumentsException(
          argument + " is required, e.g. " + EXAMPLE.replace("{code=~\"5..\"}", ""));
    }
    String text = query.replace("\r\n", "\n").strip();
    if (text.isEmpty()) {
      throw new InvalidArgumentsException(argument + " is empty; give a PromQL query");
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidArgumentsException(
          argument + " has " + text.length() + " characters; the limit is " + MAX_LENGTH);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\t') {
        throw new InvalidArgumentsException(
            argument + " holds a control character (U+%04X) at %s".formatted((int) c, at(text, i)));
      }
    }
    if (!WINDOW.matcher(text).find()) {
      throw new InvalidArgumentsException(
          argument
              + " has no {{.window}}: write it where the range goes, e.g. "
              + EXAMPLE
              + ", so each recording rule puts its own window there");
    }
    Expr parsed;
    try {
      parsed = PromQl.parse(withWindow(text, "5m"));
    } catch (PromQlSyntaxException e) {
      throw new InvalidArgumentsException(
          argument
              + " does not parse at "
              + at(text, original(text, e.position()))
              + " (with {{.window}} as 5m): "
              + e.problem()
              + (text.replaceAll(WINDOW.pattern(), "").contains("{{")
                  ? "; only {{.window}} is replaced, no other template action"
                  : ""));
    }
    if (parsed.type() != ValueType.VECTOR) {
      throw new InvalidArgumentsException(
          argument
              + " must be an instant vector, such as "
              + EXAMPLE
              + "; it is a "
              + parsed.type().documentedName());
    }
    return text;
  }

  /**
   * The position in the query as written of a position in the query with {@code {{.window}}} as
   * {@code 5m}; a position inside a window maps to the start of its placeholder.
   */
  private static int original(String text, int position) {
    Matcher placeholder = WINDOW.matcher(text);
    int shift = 0;
    while (placeholder.find()) {
      int start = placeholder.start() - shift;
      if (position < start) {
        break;
      }
      if (position < start + 2) {
        return placeholder.start();
      }
      shift += placeholder.end() - placeholder.start() - 2;
    }
    return position + shift;
  }

  /** {@code column 12}, or {@code line 2, column 5} in a query of several lines. */
  private static String at(String text, int position) {
    int end = Math.min(position, text.length());
    int lineStart = text.lastIndexOf('\n', end - 1) + 1;
    int column = end - lineStart + 1;
    if (text.indexOf('\n') < 0) {
      return "column " + column;
    }
    int line = (int) text.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
    return "line " + line + ", column " + column;
  }
}
