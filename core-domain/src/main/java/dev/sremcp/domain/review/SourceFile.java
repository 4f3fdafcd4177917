package dev.sremcp.domain.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One file a review reads: its name, as findings cite it, and its text. */
public final class SourceFile {

  private static final int EXCERPT_CHARS = 200;

  private final String name;
  private final String text;
  private final int[] lineStarts;

  public SourceFile(String name, String text) {
    this.name = Objects.requireNonNull(name, "name");
    this.text = Objects.requireNonNull(text, "text");
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  public String name() {
    return name;
  }

  public String text() {
    return text;
  }

  /** How many lines the file has. */
  public int lines() {
    return text.endsWith("\n") ? lineStarts.length - 1 : lineStarts.length;
  }

  /** The text of a line (1-based) without its line break; empty beyond the end. */
  public String line(int line) {
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
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
