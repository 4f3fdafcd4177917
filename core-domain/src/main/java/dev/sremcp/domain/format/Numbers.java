package dev.sremcp.domain.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Rounding for figures that people and models read. */
public final class Numbers {

  private static final MathContext SIX_DIGITS = new MathContext(6, RoundingMode.HALF_EVEN);

  private Numbers() {}

  /** Six significant digits: {@code 0.0013000000000000002} becomes {@code 0.0013}. */
  public static double round(double value) {
    if (!Double.isFinite(value) || value == 0) {
      return value;
    }
    return new BigDecimal(value).round(SIX_DIGITS).doubleValue();
  }

  /** A ratio as a percentage with up to {@code decimals} decimals, e.g. {@code 99.87%}. */
  public static String percent(double ratio, int decimals) {
    BigDecimal percent =
        BigDecimal.valueOf(ratio * 100)
            .setScale(decimals, RoundingMode.HALF_EVEN)
            .stripTrailingZeros();
    return percent.toPlainString() + "%";
  }

  /** A number with up to {@code decimals} decimals and no trailing zeros, e.g. {@code 14.4}. */
  public static String plain(double value, int decimals) {
    return BigDecimal.valueOf(value)
        .setScale(decimals, RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }
}
