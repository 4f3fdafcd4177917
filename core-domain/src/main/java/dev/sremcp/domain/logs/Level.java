package dev.sremcp.domain.logs;

import java.util.Locale;

/**
 * The severity a log line declares, most severe first: read from the line's header as a level word
 * ({@code ERROR}, {@code [warn]}, {@code level=error}, {@code "level":"error"}, Python's {@code
 * ERROR:root:}, glog's {@code E1124}), or {@link #UNKNOWN} when it declares none.
 */
public enum Level {
  FATAL,
  ERROR,
  WARN,
  INFO,
  DEBUG,
  TRACE,
  UNKNOWN;

  /** How far into a line a level is looked for. */
  private static final int HEADER_CHARS = 160;

  private static final int HEADER_TOKENS = 10;

  /** The lower-case name used on the wire. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for fatal and error. */
  public boolean isError() {
    return this == FATAL || this == ERROR;
  }

  /** The level declared in {@code line}'s first tokens, or {@link #UNKNOWN}. */
  public static Level of(String line) {
    int length = Math.min(line.length(), HEADER_CHARS);
    if (length > 5 && isGlogPrefix(line)) {
      return switch (line.charAt(0)) {
        case 'F' -> FATAL;
        case 'E' -> ERROR;
        case 'W' -> WARN;
        default -> INFO;
      };
    }
    int i = 0;
    for (int token = 0; token < HEADER_TOKENS && i < length; token++) {
      while (i < length && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
        i++;
      }
      int start = i;
      while (i < length && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
        i++;
      }
      if (i > start) {
        Level level = ofToken(line, start, i);
        if (level != UNKNOWN) {
          return level;
        }
      }
    }
    return UNKNOWN;
  }

  /** A level named by one token, when it is written as a level: upper case, bracketed, or keyed. */
  static Level ofToken(String text, int start, int end) {
    int keyed = keyedValue(text, start, end);
    if (keyed >= 0) {
      int stop = keyed;
      while (stop < end && Character.isLetter(text.charAt(stop))) {
        stop++;
      }
      return ofWord(text, keyed, stop);
    }
    boolean bracketed = false;
    while (start < end && "[(<\"'".indexOf(text.charAt(start)) >= 0) {
      bracketed = true;
      start++;
    }
    int stop = start;
    while (stop < end && Character.isLetter(text.charAt(stop))) {
      stop++;
    }
    if (stop == start || stop - start > 8) {
      return UNKNOWN;
    }
    // what follows the word must be punctuation or nothing: ERROR, ERROR: [ERROR] ERROR:root:
    if (stop < end && Character.isLetterOrDigit(text.charAt(stop))) {
      return UNKNOWN;
    }
    if (!bracketed && !isUpperCase(text, start, stop)) {
      return UNKNOWN;
    }
    return ofWord(text, start, stop);
  }

  private static Level ofWord(String text, int start, int end) {
    String word = text.substring(start, end).toUpperCase(Locale.ROOT);
    return switch (word) {
      case "FATAL", "CRITICAL", "CRIT", "ALERT", "EMERG", "PANIC" -> FATAL;
      case "ERROR", "ERR", "SEVERE" -> ERROR;
      case "WARN", "WARNING" -> WARN;
      case "INFO", "NOTICE" -> INFO;
      case "DEBUG", "FINE", "CONFIG" -> DEBUG;
      case "TRACE", "FINER", "FINEST" -> TRACE;
      default -> UNKNOWN;
    };
  }

  /**
   * Where the value of {@code level=}, {@code lvl=}, {@code severity=} or {@code "level":"} starts
   * in a token, or -1: one scan to the token's first {@code =} or {@code :}.
   */
  private static int keyedValue(String text, int start, int end) {
    int separator = start;
    while (separator < end && text.charAt(separator) != '=' && text.charAt(separator) != ':') {
      separator++;
    }
    if (separator == end) {
      return -1;
    }
    int keyEnd = separator;
    if (keyEnd > start && text.charAt(keyEnd - 1) == '"') {
      keyEnd--;
    }
    int keyStart = keyEnd;
    while (keyStart > start && Character.isLetter(text.charAt(keyStart - 1))) {
      keyStart--;
    }
    int keyLength = keyEnd - keyStart;
    if (!(keyLength == 5 && text.regionMatches(true, keyStart, "level", 0, 5)
        || keyLength == 3 && text.regionMatches(true, keyStart, "lvl", 0, 3)
        || keyLength == 8 && text.regionMatches(true, keyStart, "severity", 0, 8))) {
      return -1;
    }
    int i = separator + 1;
    while (i < end && (text.charAt(i) == '"' || text.charAt(i) == ' ')) {
      i++;
    }
    return i;
  }

  private static boolean isUpperCase(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!Character.isUpperCase(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** glog and klog: {@code E1124 10:00:00.123456 ...}. */
  private static boolean isGlogPrefix(String line) {
    char level = line.charAt(0);
    if (level != 'I' && level != 'W' && level != 'E' && level != 'F') {
      return false;
    }
    for (int i = 1; i <= 4; i++) {
      if (line.charAt(i) < '0' || line.charAt(i) > '9') {
        return false;
      }
    }
    return line.charAt(5) == ' ';
  }
}
