package dev.sremcp.domain.hcl;

import java.util.Objects;

/**
 * Where an expression sits in the parsed text: 1-based lines and columns of its first and last
 * characters, and its exact source. Spans share the parsed text rather than copying it.
 */
public final class HclSpan {

  private final String text;
  private final int start;
  private final int end;
  private final int line;
  private final int column;
  private final int endLine;
  private final int endColumn;

  HclSpan(String text, int start, int end, int line, int column, int endLine, int endColumn) {
    this.text = text;
    this.start = start;
    this.end = end;
    this.line = line;
    this.column = column;
    this.endLine = endLine;
    this.endColumn = endColumn;
  }

  /** The 0-based offset of the first character in the parsed text. */
  public int start() {
    return start;
  }

  /** The 0-based offset just past the last character. */
  public int end() {
    return end;
  }

  /** The 1-based line of the first character. */
  public int line() {
    return line;
  }

  /** The 1-based column of the first character. */
  public int column() {
    return column;
  }

  /** The 1-based line of the last character. */
  public int endLine() {
    return endLine;
  }

  /** The 1-based column of the last character. */
  public int endColumn() {
    return endColumn;
  }

  /** The exact source text, as written. */
  public String source() {
    return text.substring(start, end);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HclSpan span
        && start == span.start
        && end == span.end
        && line == span.line
        && endLine == span.endLine
        && text.equals(span.text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(start, end, line, endLine);
  }

  @Override
  public String toString() {
    return line + ":" + column + "-" + endLine + ":" + endColumn;
  }
}
