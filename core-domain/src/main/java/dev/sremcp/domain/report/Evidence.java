package dev.sremcp.domain.report;

import java.util.Objects;

/**
 * Where a finding's evidence sits: a file (or an argument name), a single line or a line range, and
 * an excerpt of what is there. Lines are 1-based; {@code null} where a location has no line.
 */
public record Evidence(
    String file, Integer line, Integer startLine, Integer endLine, String excerpt) {

  public Evidence {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(excerpt, "excerpt");
    if (line != null && (startLine != null || endLine != null)) {
      throw new IllegalArgumentException("evidence has either a line or a range, not both");
    }
    if ((startLine == null) != (endLine == null)) {
      throw new IllegalArgumentException("a range needs both startLine and endLine");
    }
    if (line != null && line < 1) {
      throw new IllegalArgumentException("line is 1-based: " + line);
    }
    if (startLine != null && (startLine < 1 || endLine < startLine)) {
      throw new IllegalArgumentException("bad range " + startLine + "-" + endLine);
    }
  }

  /** Evidence without a line, such as an argument of the call. */
  public static Evidence of(String file, String excerpt) {
    return new Evidence(file, null, null, null, excerpt);
  }

  /** Evidence on one line. */
  public static Evidence atLine(String file, int line, String excerpt) {
    return new Evidence(file, line, null, null, excerpt);
  }

  /** Evidence spanning lines {@code start} to {@code end}, inclusive. */
  public static Evidence atLines(String file, int start, int end, String excerpt) {
    return new Evidence(file, null, start, end, excerpt);
  }
}
