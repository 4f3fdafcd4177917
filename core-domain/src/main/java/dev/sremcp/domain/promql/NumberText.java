package dev.sremcp.domain.promql;

import java.util.Locale;

/** Reads number literals the way Prometheus does: Go's ParseInt with base 0, then ParseFloat. */
final class NumberText {

  private NumberText() {}

  /** The outcome of reading a number: the value, or Go's error text. */
  record Parsed(double value, String error) {}

  static Parsed parse(String text) {
    Long asInt = parseInt(text);
    if (asInt != null) {
      return new Parsed(asInt, null);
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.equals("inf") || lower.equals("infinity")) {
      return new Parsed(Double.POSITIVE_INFINITY, null);
    }
    if (lower.equals("nan")) {
      return new Parsed(Double.NaN, null);
    }
    String prefix = "strconv.ParseFloat: parsing " + GoText.quote(text) + ": ";
    if (!isDecimalFloat(text)) {
      return new Parsed(0, prefix + "invalid syntax");
    }
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      return new Parsed(0, prefix + "value out of range");
    }
    return new Parsed(value, null);
  }

  /** Go's ParseInt(text, 0, 64): 0x hex, a leading 0 for octal, otherwise decimal. */
  private static Long parseInt(String text) {
    int radix = 10;
    String digits = text;
    if (text.length() > 2 && (text.startsWith("0x") || text.startsWith("0X"))) {
      radix = 16;
      digits = text.substring(2);
    } else if (text.length() > 1 && text.charAt(0) == '0') {
      radix = 8;
      digits = text.substring(1);
    }
    if (digits.isEmpty()) {
      return null;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), radix) < 0 || digits.charAt(i) > 'f') {
        return null;
      }
    }
    try {
      return Long.parseLong(digits, radix);
    } catch (NumberFormatException outOfRange) {
      return null;
    }
  }

  /** Digits with an optional fraction and exponent, e.g. {@code 1.5e-3}, {@code .5}, {@code 5.}. */
  private static boolean isDecimalFloat(String text) {
    int i = skipDigits(text, 0);
    int mantissaDigits = i;
    if (i < text.length() && text.charAt(i) == '.') {
      int fractionStart = i + 1;
      i = skipDigits(text, fractionStart);
      mantissaDigits += i - fractionStart;
    }
    if (mantissaDigits == 0) {
      return false;
    }
    if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      int exponentStart = i;
      i = skipDigits(text, i);
      if (i == exponentStart) {
        return false;
      }
    }
    return i == text.length();
  }

  private static int skipDigits(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i;
  }
}
