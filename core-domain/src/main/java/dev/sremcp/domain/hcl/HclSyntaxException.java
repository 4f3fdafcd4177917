package dev.sremcp.domain.hcl;

/**
 * The text is not valid HCL native syntax, or exceeds a size or nesting limit. The message reads
 * {@code line:column: problem}, both 1-based.
 */
public final class HclSyntaxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String problem;

  private final boolean limit;

  public HclSyntaxException(int line, int column, String problem) {
    this(line, column, problem, false);
  }

  private HclSyntaxException(int line, int column, String problem, boolean limit) {
    super(line + ":" + column + ": " + problem, null, false, false);
    this.line = line;
    this.column = column;
    this.problem = problem;
    this.limit = limit;
  }

  /** A text that goes past a size or nesting limit, rather than being malformed. */
  static HclSyntaxException limit(int line, int column, String problem) {
    return new HclSyntaxException(line, column, problem, true);
  }

  /** True when the text went past a limit (size, nesting) rather than being malformed. */
  public boolean isLimit() {
    return limit;
  }

  /** The 1-based line where the problem was found. */
  public int line() {
    return line;
  }

  /** The 1-based column where the problem was found; a tab counts as one column. */
  public int column() {
    return column;
  }

  /** The problem, without its position. */
  public String problem() {
    return problem;
  }
}
