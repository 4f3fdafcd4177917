package dev.sremcp.domain.review;

import dev.sremcp.domain.text.LineStarts;
import java.util.Objects;

/** One file a review reads: its name, as findings cite it, and its text. */
public final class SourceFile {

  private static final int EXCERPT_CHARS = 200;

  private final String name;
  private final String text;
  private final LineStarts lineStarts;

  public SourceFile(String name, String text) {
    this.name = Objects.requireNonNull(name, "name");
    this.text = Objects.requireNonNull(text, "text");
    this.lineStarts = LineStarts.of(text);
  }

  public String name() {
    return name;
  }

  public String text() {
    return text;
  }

  /** How many lines the file has. */
  public int lines() {
    return text.endsWith("\n") ? lineStarts.count() - 1 : lineStarts.count();
  }

  /** The text of a line (1-based) without its line break; empty beyond the end. */
  public String line(int line) {
    if (line < 1 || line > lineStarts.count()) {
      return "";
    }
    int start = lineStarts.start(line);
    int end = line < lineStarts.count() ? lineStarts.start(line + 1) - 1 : text.length();
    if (end > start && text.charAt(end - 1) == '\r') {
      end--;
    }
    return text.substring(start, Math.max(start, end));
  }

  /** A line trimmed and clipped, as evidence shows it. */
  public String excerpt(int line) {
    String trimmed = line(line).strip();
    return trimmed.length() <= EXCERPT_CHARS
        ? trimmed
        : trimmed.substring(0, EXCERPT_CHARS - 1) + "…";
  }
}
