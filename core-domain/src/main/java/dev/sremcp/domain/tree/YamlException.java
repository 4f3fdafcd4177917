package dev.sremcp.domain.tree;

/**
 * A YAML text cannot be read: a syntax error, or a limit it would exceed. The message names the
 * line and column and, for a limit, the limit.
 */
public final class YamlException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String problem;
  private final boolean limit;

  public YamlException(String problem, int line, int column) {
    this(problem, line, column, false);
  }

  private YamlException(String problem, int line, int column, boolean limit) {
    super("line " + line + ", column " + column + ": " + problem, null, false, false);
    this.problem = problem;
    this.line = line;
    this.column = column;
    this.limit = limit;
  }

  /** A text that is readable YAML but exceeds one of the parser's limits. */
  static YamlException limit(String problem, int line, int column) {
    return new YamlException(problem, line, column, true);
  }

  /** True when the text went past a limit (depth, expanded size) rather than being malformed. */
  public boolean isLimit() {
    return limit;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public String problem() {
    return problem;
  }
}
