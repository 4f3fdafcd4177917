package dev.sremcp.domain.promql;

/**
 * A PromQL expression that does not parse or does not type-check. The message reads like
 * Prometheus's own, for example {@code 1:14: parse error: unexpected right parenthesis ')'}.
 */
public final class PromQlSyntaxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int position;
  private final int line;
  private final int column;
  private final String problem;
  private final boolean limit;

  PromQlSyntaxException(String expression, int position, String problem) {
    this(expression, position, problem, false);
  }

  PromQlSyntaxException(String expression, int position, String problem, boolean limit) {
    this(position, lineOf(expression, position), columnOf(expression, position), problem, limit);
  }

  private PromQlSyntaxException(int position, int line, int column, String problem, boolean limit) {
    super(line + ":" + column + ": parse error: " + problem, null, false, false);
    this.position = position;
    this.line = line;
    this.column = column;
    this.problem = problem;
    this.limit = limit;
  }

  /**
   * True when the expression went past sre-mcp's length or depth limit, not Prometheus's grammar.
   */
  public boolean isLimit() {
    return limit;
  }

  /** The 0-based character offset in the expression where the problem is. */
  public int position() {
    return position;
  }

  /** The 1-based line of the problem within the expression. */
  public int line() {
    return line;
  }

  /** The 1-based column of the problem within its line. */
  public int column() {
    return column;
  }

  /** The problem alone, without the position, e.g. {@code unexpected end of input}. */
  public String problem() {
    return problem;
  }

  private static int lineOf(String expression, int position) {
    int line = 1;
    int end = Math.min(position, expression.length());
    for (int i = 0; i < end; i++) {
      if (expression.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int columnOf(String expression, int position) {
    int end = Math.min(position, expression.length());
    int lastBreak = expression.lastIndexOf('\n', end - 1);
    return position - lastBreak;
  }
}
