package dev.sremcp.domain.format;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounding and formatting for figures that people and models read. Plain arithmetic on the hot
 * path; {@link BigDecimal} only for values too large for it.
 */
public final class Numbers {

  private static final double[] POWERS_OF_TEN = {
    1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
    1e18, 1e19, 1e20, 1e21, 1e22
  };
  private static final double EXACT_LIMIT = 1e15;

  private Numbers() {}

  /**
   * Six significant digits: {@code 0.0013000000000000002} becomes {@code 0.0013}. The result is the
   * double nearest the rounded decimal, so it prints as that decimal.
   */
  public static double round(double value) {
    if (!Double.isFinite(value) || value == 0) {
      return value;
    }
    int exponent = (int) Math.floor(Math.log10(Math.abs(value)));
    int shift = 5 - exponent; // digits to keep after the decimal point
    if (shift >= 0 && shift < POWERS_OF_TEN.length) {
      double scaled = value * POWERS_OF_TEN[shift];
      return Math.abs(scaled) < EXACT_LIMIT ? Math.rint(scaled) / POWERS_OF_TEN[shift] : value;
    }
    if (shift < 0 && -shift < POWERS_OF_TEN.length) {
      return Math.rint(value / POWERS_OF_TEN[-shift]) * POWERS_OF_TEN[-shift];
    }
    return value;
  }

  /** A ratio as a percentage with up to {@code decimals} decimals, e.g. {@code 99.87%}. */
  public static String percent(double ratio, int decimals) {
    return plain(ratio * 100, decimals) + "%";
  }

  /** A number with up to {@code decimals} decimals and no trailing zeros, e.g. {@code 14.4}. */
  public static String plain(double value, int decimals) {
    if (decimals < 0 || decimals >= POWERS_OF_TEN.length) {
      throw new IllegalArgumentException("decimals out of range: " + decimals);
    }
    double scaledValue = value * POWERS_OF_TEN[decimals];
    if (!Double.isFinite(value) || Math.abs(scaledValue) >= EXACT_LIMIT) {
      return Double.isFinite(value)
          ? BigDecimal.valueOf(value)
              .setScale(decimals, RoundingMode.HALF_EVEN)
              .stripTrailingZeros()
              .toPlainString()
          : String.valueOf(value);
    }
    long scaled = (long) Math.rint(scaledValue);
    long unit = (long) POWERS_OF_TEN[decimals];
    long whole = Math.abs(scaled) / unit;
    long fraction = Math.abs(scaled) % unit;
    StringBuilder text = new StringBuilder(24);
    if (scaled < 0) {
      text.append('-');
    }
    text.append(whole);
    if (fraction != 0) {
      String digits = Long.toString(fraction);
      text.append('.');
      text.repeat('0', decimals - digits.length());
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      text.append(digits, 0, end);
    }
    return text.toString();
  }
}
