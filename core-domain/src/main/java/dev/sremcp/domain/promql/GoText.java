package dev.sremcp.domain.promql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Go's ways of quoting strings and printing numbers, so that messages read like Prometheus's. */
final class GoText {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** The general categories Go counts as printable: L, M, N, P and S. */
  private static final long PRINTABLE_TYPES =
      bits(
          Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL);

  private GoText() {}

  private static long bits(byte... types) {
    long bits = 0;
    for (byte type : types) {
      bits |= 1L << type;
    }
    return bits;
  }

  /** Go's {@code %q} of a string. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      appendEscaped(out, r, '"');
    }
    return out.append('"').toString();
  }

  /** Go's {@code %.Nq} of a string: its first {@code runes} code points, quoted. */
  static String quotePrefix(String s, int runes) {
    int end = s.offsetByCodePoints(0, Math.min(runes, s.codePointCount(0, s.length())));
    return quote(s.substring(0, end));
  }

  /** Go's {@code %q} of a rune; -1 (end of input) prints as the replacement character. */
  static String quoteRune(int r) {
    StringBuilder out = new StringBuilder("'");
    appendEscaped(out, r, '\'');
    return out.append('\'').toString();
  }

  /** Go's {@code %#U} of a rune, e.g. {@code U+0063 'c'}. */
  static String unicode(int r) {
    String hex = Integer.toHexString(r).toUpperCase(Locale.ROOT);
    StringBuilder out = new StringBuilder("U+");
    for (int i = hex.length(); i < 4; i++) {
      out.append('0');
    }
    out.append(hex);
    if (isPrint(r)) {
      out.append(" '").appendCodePoint(r).append('\'');
    }
    return out.toString();
  }

  /** Go's {@code %f} of a float64. */
  static String fixed(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    return new BigDecimal(d).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** The number of bytes the string takes in UTF-8. */
  static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      n += r < 0x80 ? 1 : r < 0x800 ? 2 : r < 0x10000 ? 3 : 4;
    }
    return n;
  }

  /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and space. */
  static boolean isPrint(int r) {
    if (r == ' ') {
      return true;
    }
    if (r < 0 || r > Character.MAX_CODE_POINT) {
      return false;
    }
    return (PRINTABLE_TYPES & (1L << Character.getType(r))) != 0;
  }

  private static void appendEscaped(StringBuilder out, int r, char quote) {
    if (r < 0
        || r > Character.MAX_CODE_POINT
        || (r >= Character.MIN_SURROGATE && r <= Character.MAX_SURROGATE)) {
      r = 0xFFFD;
    }
    if (r == quote || r == '\\') {
      out.append('\\').appendCodePoint(r);
      return;
    }
    if (isPrint(r)) {
      out.appendCodePoint(r);
      return;
    }
    switch (r) {
      case 0x07 -> out.append("\\a");
      case '\b' -> out.append("\\b");
      case '\f' -> out.append("\\f");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case 0x0b -> out.append("\\v");
      default -> {
        if (r < ' ' || r == 0x7f) {
          out.append("\\x").append(HEX[r >> 4]).append(HEX[r & 0xf]);
        } else if (r < 0x10000) {
          appendHex(out.append("\\u"), r, 4);
        } else {
          appendHex(out.append("\\U"), r, 8);
        }
      }
    }
  }

  private static void appendHex(StringBuilder out, int r, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      out.append(HEX[(r >> shift) & 0xf]);
    }
  }
}
