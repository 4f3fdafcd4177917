package dev.sremcp.domain.text;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Reads lines from a stream of any size in bounded memory: a line longer than {@link #maxChars}
 * keeps its first {@code maxChars} characters and the rest is skipped, so one 100 MB line costs no
 * more than a short one. Lines end at {@code \n}, and a {@code \r} just before it is dropped; a
 * lone {@code \r} (a terminal's progress output, GitLab's section markers) stays in its line, so
 * line numbers are those of {@code grep -n} and editors. Numbering is 1-based. Before the first
 * line, the opening characters are checked for binary data.
 */
public final class LineReader implements AutoCloseable {

  /** Characters kept of one line: enough for any message, bounded for any input. */
  public static final int DEFAULT_MAX_CHARS = 8 * 1024;

  private static final int SNIFF_CHARS = 8 * 1024;

  private final Reader reader;
  private final int maxChars;
  private final char[] buffer = new char[64 * 1024];
  private final StringBuilder line = new StringBuilder(256);
  private int position;
  private int limit;
  private boolean sniffed;
  private boolean ended;
  private long lineNumber;
  private long characters;
  private long cutLines;
  private long longestLine;
  private long replacements;

  public LineReader(Reader reader) {
    this(reader, DEFAULT_MAX_CHARS);
  }

  public LineReader(Reader reader, int maxChars) {
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be positive");
    }
    this.reader = reader;
    this.maxChars = maxChars;
  }

  /**
   * The next line, without its line ending, or {@code null} at the end.
   *
   * @throws BinaryInputException when the text opens with binary data
   * @throws UncheckedIOException when the stream fails
   */
  public String next() {
    if (!sniffed) {
      sniff();
    }
    if (ended) {
      return null;
    }
    line.setLength(0);
    long length = 0;
    while (true) {
      if (position == limit && !fill()) {
        ended = true;
        if (length == 0) {
          return null;
        }
        break;
      }
      int end = position;
      while (end < limit && buffer[end] != '\n') {
        if (buffer[end] == '\uFFFD') {
          replacements++;
        }
        end++;
      }
      int run = end - position;
      if (length < maxChars) {
        line.append(buffer, position, (int) Math.min(run, maxChars - length));
      }
      length += run;
      characters += run;
      position = end;
      if (end < limit) {
        position++;
        characters++;
        break;
      }
    }
    if (length > 0 && length <= maxChars && line.charAt(line.length() - 1) == '\r') {
      line.setLength(line.length() - 1);
      length--;
    }
    lineNumber++;
    longestLine = Math.max(longestLine, length);
    if (length > maxChars) {
      cutLines++;
    }
    return line.toString();
  }

  /** The number of the line {@link #next()} returned last; 0 before the first. */
  public long lineNumber() {
    return lineNumber;
  }

  /** Characters read so far, line endings included. */
  public long characters() {
    return characters;
  }

  /** Lines longer than the limit, of which only the first {@link #maxChars()} were kept. */
  public long cutLines() {
    return cutLines;
  }

  /** The length of the longest line, in characters, before any cut. */
  public long longestLine() {
    return longestLine;
  }

  /** Characters that were not valid in the input's encoding, read as U+FFFD. */
  public long replacements() {
    return replacements;
  }

  public int maxChars() {
    return maxChars;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean fill() {
    try {
      int n = reader.read(buffer, 0, buffer.length);
      if (n <= 0) {
        return false;
      }
      position = 0;
      limit = n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the opening characters ahead and refuses binary data before any line is returned. */
  private void sniff() {
    sniffed = true;
    try {
      while (limit < SNIFF_CHARS) {
        int n = reader.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
          break;
        }
        limit += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TextCheck.requireText(buffer, 0, Math.min(limit, SNIFF_CHARS));
  }
}
