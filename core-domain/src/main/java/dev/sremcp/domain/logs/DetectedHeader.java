package dev.sremcp.domain.logs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A line header learned from a sample of the log itself, for logs whose format nobody gave. Three
 * shapes cover the common ones: fields separated by a character ({@code time|component|pid|msg}), a
 * header that ends with the first token ending in {@code :} at a steady position (syslog, log4j,
 * most application logs: {@code date time LEVEL component: msg}), and a header that ends with a
 * level word at a steady position ({@code ... RAS KERNEL INFO msg}, {@code [notice] msg}). When no
 * shape holds for most of the sample, there is no header: the whole line is the message, and the
 * masking still turns its timestamps into {@code <*>}.
 */
public final class DetectedHeader implements LineHeader {

  private static final int MAX_HEADER_TOKENS = 10;
  private static final double MAJORITY = 0.6;
  private static final Set<String> LEVELS =
      Set.of(
          "TRACE",
          "DEBUG",
          "INFO",
          "NOTICE",
          "WARN",
          "WARNING",
          "ERROR",
          "SEVERE",
          "FATAL",
          "CRITICAL",
          "CRIT",
          "ALERT",
          "EMERG",
          "FINE",
          "FINER",
          "FINEST",
          "CONFIG");

  private static final java.util.regex.Pattern BRACKETS =
      java.util.regex.Pattern.compile("^[\\[(<]+|[\\])>:,]+$");

  private enum Shape {
    NONE,
    DELIMITED,
    COLON,
    LEVEL
  }

  private final Shape shape;
  private final char delimiter;
  private final int position;

  private DetectedHeader(Shape shape, char delimiter, int position) {
    this.shape = shape;
    this.delimiter = delimiter;
    this.position = position;
  }

  /** Learns the header from the first lines of a log. */
  public static DetectedHeader learn(List<String> sample) {
    List<String> lines = sample.stream().filter(line -> !line.isBlank()).toList();
    if (lines.isEmpty()) {
      return new DetectedHeader(Shape.NONE, ' ', 0);
    }
    for (char candidate : new char[] {'|', '\t', ';'}) {
      int fields = steady(lines, line -> countBeforeSpace(line, candidate));
      if (fields >= 2) {
        return new DetectedHeader(Shape.DELIMITED, candidate, fields);
      }
    }
    int colon = steady(lines, DetectedHeader::firstColonToken);
    int level = steady(lines, DetectedHeader::levelToken);
    if (colon >= 0 && colon >= level) {
      return new DetectedHeader(Shape.COLON, ':', colon);
    }
    if (level >= 0) {
      return new DetectedHeader(Shape.LEVEL, ' ', level);
    }
    return new DetectedHeader(Shape.NONE, ' ', 0);
  }

  @Override
  public String message(String line) {
    return switch (shape) {
      case NONE -> line;
      case DELIMITED -> afterDelimiters(line);
      case COLON -> afterColon(line);
      case LEVEL -> afterToken(line, position);
    };
  }

  @Override
  public String toString() {
    return switch (shape) {
      case NONE -> "no header";
      case DELIMITED -> position + " fields separated by '" + delimiter + "'";
      case COLON -> "a header ending in ':' at token " + (position + 1);
      case LEVEL -> "a header ending with the level at token " + (position + 1);
    };
  }

  /** The value most lines give, when at least {@link #MAJORITY} of them give it; else -1. */
  private static int steady(List<String> lines, java.util.function.ToIntFunction<String> feature) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (String line : lines) {
      counts.merge(feature.applyAsInt(line), 1, Integer::sum);
    }
    return counts.entrySet().stream()
        .filter(entry -> entry.getKey() >= 0)
        .filter(entry -> entry.getValue() >= MAJORITY * lines.size())
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(-1);
  }

  private static int countBeforeSpace(String line, char delimiter) {
    int count = 0;
    for (int i = 0; i < line.length() && line.charAt(i) != ' '; i++) {
      if (line.charAt(i) == delimiter) {
        count++;
      }
    }
    return count == 0 ? -1 : count;
  }

  private static int firstColonToken(String line) {
    String[] tokens = tokens(line);
    for (int i = 0; i < tokens.length; i++) {
      if (tokens[i].length() > 1 && tokens[i].endsWith(":")) {
        return i;
      }
    }
    return -1;
  }

  private static int levelToken(String line) {
    String[] tokens = tokens(line);
    for (int i = 0; i < tokens.length; i++) {
      String word = BRACKETS.matcher(tokens[i]).replaceAll("");
      if (LEVELS.contains(word.toUpperCase(java.util.Locale.ROOT))
          && (word.equals(word.toUpperCase(java.util.Locale.ROOT)) || tokens[i].startsWith("["))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * What follows this line's header: the first token ending in ':' near the learned position, or
   * else the tokens before that position. One scan, no regular expression: this runs per line.
   */
  private String afterColon(String line) {
    int i = 0;
    int length = line.length();
    int beforePosition = -1;
    for (int token = 0; token < Math.min(position + 3, MAX_HEADER_TOKENS); token++) {
      while (i < length && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i >= length) {
        break;
      }
      int start = i;
      while (i < length && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (token == position - 1) {
        beforePosition = i;
      }
      if (token >= position && i - start > 1 && line.charAt(i - 1) == ':') {
        return line.substring(i).strip();
      }
    }
    if (position == 0) {
      return line.strip();
    }
    return beforePosition < 0 ? line : line.substring(beforePosition).strip();
  }

  private static String[] tokens(String line) {
    String[] all = line.strip().split("\\s+", MAX_HEADER_TOKENS + 1);
    return all.length > MAX_HEADER_TOKENS ? java.util.Arrays.copyOf(all, MAX_HEADER_TOKENS) : all;
  }

  private String afterDelimiters(String line) {
    int seen = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == delimiter && ++seen == position) {
        return line.substring(i + 1).strip();
      }
    }
    return line;
  }

  /** What follows token {@code last} (0-based) of {@code line}; the line when it is shorter. */
  private static String afterToken(String line, int last) {
    int i = 0;
    int length = line.length();
    for (int token = 0; token <= last; token++) {
      while (i < length && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i >= length) {
        return line;
      }
      while (i < length && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
    }
    return line.substring(i).strip();
  }
}
