package dev.sremcp.domain.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a message into whitespace-separated tokens and masks the variable parts of each into
 * {@code <*>}: numbers, hexadecimal values, IP addresses and ports, identifiers that carry several
 * digits (block, request, task and container ids, UUIDs), paths, and URLs after their scheme.
 * Punctuation that separates fields ({@code = : , ( ) [ ] { } ' " ;}) is kept, so {@code
 * 10.0.0.1:8080} becomes {@code <*>:<*>} and {@code uid=0} becomes {@code uid=<*>}. A token with a
 * single digit ({@code ssh2}, {@code eth0}) is left for the miner to judge by its neighbours.
 *
 * <p>One pass over the characters, no regular expressions: this runs once per line of every log.
 */
public final class Masker {

  public static final String WILDCARD = "<*>";

  private Masker() {}

  /** The masked tokens of {@code message}. */
  public static List<String> tokens(String message) {
    List<String> tokens = new ArrayList<>(16);
    StringBuilder masked = new StringBuilder(32);
    int length = message.length();
    int i = 0;
    while (i < length) {
      while (i < length && isSpace(message.charAt(i))) {
        i++;
      }
      if (i >= length) {
        break;
      }
      int start = i;
      while (i < length && !isSpace(message.charAt(i))) {
        i++;
      }
      int previous = tokens.size() - 1;
      if (previous >= 0 && tokens.get(previous).equals(WILDCARD) && isUnit(message, start, i)) {
        // 5.2 KB, -> <*>, : a quantity and its unit are one value
        int end = i;
        while (end > start && isDelimiter(message.charAt(end - 1))) {
          end--;
        }
        tokens.set(previous, WILDCARD + message.substring(end, i));
        continue;
      }
      if (isPlainWord(message, start, i)) {
        // no digit and no slash: nothing in it can be masked
        tokens.add(message.substring(start, i));
        continue;
      }
      masked.setLength(0);
      maskToken(message, start, i, masked);
      tokens.add(masked.toString());
    }
    return tokens;
  }

  private static boolean isPlainWord(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if ((c >= '0' && c <= '9') || c == '/') {
        return false;
      }
    }
    return true;
  }

  private static final java.util.Set<String> UNITS =
      java.util.Set.of("B", "KB", "MB", "GB", "TB", "PB", "kB", "KiB", "MiB", "GiB", "TiB");

  /** A unit of size, perhaps followed by delimiters: {@code KB,}. Time units stay words. */
  private static boolean isUnit(String text, int start, int end) {
    int stop = end;
    while (stop > start && isDelimiter(text.charAt(stop - 1))) {
      stop--;
    }
    return stop > start && UNITS.contains(text.substring(start, stop));
  }

  /** Whether {@code token} is, or contains, a masked part. */
  public static boolean hasWildcard(String token) {
    return token.contains(WILDCARD);
  }

  static void maskToken(String text, int start, int end, StringBuilder out) {
    int scheme = text.indexOf("://", start, end);
    if (scheme > start && isWord(text, start, scheme)) {
      out.append(text, start, scheme + 3).append(WILDCARD);
      return;
    }
    int segment = start;
    for (int i = start; i < end; i++) {
      if (isDelimiter(text.charAt(i))) {
        maskSegment(text, segment, i, out);
        out.append(text.charAt(i));
        segment = i + 1;
      }
    }
    maskSegment(text, segment, end, out);
  }

  private static void maskSegment(String text, int start, int end, StringBuilder out) {
    if (start >= end) {
      return;
    }
    // word.123 keeps its word: core.2275 -> core.<*>
    int dot = end - 1;
    while (dot > start && text.charAt(dot) != '.') {
      dot--;
    }
    if (dot > start
        && dot < end - 1
        && isNumber(text, dot + 1, end)
        && !hasDigit(text, start, dot)) {
      out.append(text, start, dot + 1).append(WILDCARD);
      return;
    }
    if (isVariable(text, start, end) || isPath(text, start, end)) {
      out.append(WILDCARD);
      return;
    }
    out.append(text, start, end);
  }

  /**
   * Numbers (with signs, decimals, units glued on like {@code 12ms}), hexadecimal ({@code 0x1f}, or
   * 8+ hex digits with a digit), IPs, and identifiers with two or more digits.
   */
  static boolean isVariable(String text, int start, int end) {
    int digits = 0;
    int letters = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (Character.isLetter(c)) {
        letters++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (digits >= 2) {
      return true;
    }
    // one digit: a bare number, a signed or decimal one, or 0x-prefixed hex; not ssh2 or eth0
    return letters == 0 || isHex(text, start, end);
  }

  private static boolean isHex(String text, int start, int end) {
    if (end - start > 2 && text.charAt(start) == '0' && (text.charAt(start + 1) | 0x20) == 'x') {
      for (int i = start + 2; i < end; i++) {
        if (Character.digit(text.charAt(i), 16) < 0) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean isNumber(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return end > start;
  }

  private static boolean hasDigit(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /** An absolute or relative path with at least two separators: /var/www/html/, ./a/b. */
  private static boolean isPath(String text, int start, int end) {
    char first = text.charAt(start);
    if (first != '/' && first != '.' && first != '~') {
      return false;
    }
    int slashes = 0;
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == '/') {
        slashes++;
      }
    }
    return slashes >= 2;
  }

  private static boolean isWord(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!Character.isLetterOrDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isDelimiter(char c) {
    return switch (c) {
      case '=', ':', ',', '(', ')', '[', ']', '{', '}', '\'', '"', ';' -> true;
      default -> false;
    };
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }
}
