package dev.sremcp.domain.text;

import java.util.Arrays;

/** Where each line of a text starts, to turn offsets into 1-based lines; {@code \n} ends a line. */
public final class LineStarts {

  private final int[] starts;

  private LineStarts(int[] starts) {
    this.starts = starts;
  }

  public static LineStarts of(String text) {
    int count = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      count++;
    }
    int[] starts = new int[count];
    int line = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      starts[line++] = i + 1;
    }
    return new LineStarts(starts);
  }

  /** The number of line starts: the lines, counting an empty last line after a final {@code \n}. */
  public int count() {
    return starts.length;
  }

  /** The offset where a 1-based line starts. */
  public int start(int line) {
    return starts[line - 1];
  }

  /** The 1-based line of an offset. */
  public int lineOf(int offset) {
    int index = Arrays.binarySearch(starts, offset);
    return (index >= 0 ? index : -index - 2) + 1;
  }
}
