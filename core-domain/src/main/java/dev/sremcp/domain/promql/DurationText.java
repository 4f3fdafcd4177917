package dev.sremcp.domain.promql;

import java.math.BigInteger;
import java.time.Duration;

/** Prometheus durations such as {@code 1h30m}: reading them and writing them back. */
final class DurationText {

  private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
  private static final long[] MILLIS = {
    365L * 24 * 3600 * 1000,
    7L * 24 * 3600 * 1000,
    24L * 3600 * 1000,
    3600L * 1000,
    60L * 1000,
    1000L,
    1L
  };

  private DurationText() {}

  /** The outcome of reading a duration: the value, or what is wrong with the text. */
  record Parsed(Duration duration, String error) {}

  /**
   * Reads a duration the way Prometheus's {@code model.ParseDuration} does: units in the order y,
   * w, d, h, m, s, ms, each at most once, each with a whole number in front.
   */
  static Parsed parse(String text) {
    if (text.isEmpty()) {
      return new Parsed(null, "empty duration string");
    }
    if (text.equals("0")) {
      return new Parsed(Duration.ZERO, null);
    }
    long totalNanos = 0;
    boolean overflow = false;
    int next = 0;
    int i = 0;
    while (i < text.length()) {
      int digitsStart = i;
      while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        i++;
      }
      int unitStart = i;
      while (i < text.length() && Character.isLetter(text.charAt(i))) {
        i++;
      }
      int unit = unitIndex(text.substring(unitStart, i));
      if (digitsStart == unitStart || unit < next) {
        return new Parsed(null, "not a valid duration string: " + GoText.quote(text));
      }
      next = unit + 1;
      int significant = digitsStart;
      while (significant < unitStart - 1 && text.charAt(significant) == '0') {
        significant++;
      }
      if (unitStart - significant > 19) { // past any long: out of range, no BigInteger of it
        overflow = true;
        continue;
      }
      BigInteger n = new BigInteger(text.substring(digitsStart, unitStart));
      long limit = Long.MAX_VALUE / MILLIS[unit] / 1_000_000L;
      if (n.compareTo(BigInteger.valueOf(limit)) > 0) {
        overflow = true;
        continue;
      }
      long nanos = n.longValueExact() * MILLIS[unit] * 1_000_000L;
      if (overflow || totalNanos > Long.MAX_VALUE - nanos) {
        overflow = true;
      } else {
        totalNanos += nanos;
      }
    }
    if (overflow) {
      return new Parsed(null, "duration out of range");
    }
    return new Parsed(Duration.ofNanos(totalNanos), null);
  }

  private static int unitIndex(String unit) {
    for (int i = 0; i < UNITS.length; i++) {
      if (UNITS[i].equals(unit)) {
        return i;
      }
    }
    return -1;
  }

  /** Writes a duration the way Prometheus prints one, e.g. {@code 5m} or {@code 1h30m}. */
  static String format(Duration duration) {
    if (duration.isNegative()) {
      return "-" + format(duration.negated());
    }
    long ms = duration.toMillis();
    if (ms == 0) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < UNITS.length; i++) {
      boolean exactOnly = i < 2;
      if (exactOnly && ms % MILLIS[i] != 0) {
        continue;
      }
      long v = ms / MILLIS[i];
      if (v > 0) {
        out.append(v).append(UNITS[i]);
        ms -= v * MILLIS[i];
      }
    }
    return out.toString();
  }
}
