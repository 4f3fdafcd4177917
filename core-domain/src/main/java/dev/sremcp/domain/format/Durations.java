package dev.sremcp.domain.format;

import java.time.Duration;

/**
 * Durations written for people ({@code 43m 12s}) and for Prometheus ({@code 1h}, {@code 2h24m}).
 */
public final class Durations {

  private Durations() {}

  /** The two largest units, e.g. {@code 13d 1h}, {@code 43m 12s}, {@code 9s}. */
  public static String human(Duration duration) {
    if (duration.isNegative()) {
      return "-" + human(duration.negated());
    }
    long seconds = duration.toSeconds();
    long[] amounts = {seconds / 86_400, seconds % 86_400 / 3600, seconds % 3600 / 60, seconds % 60};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < amounts.length; i++) {
      if (amounts[i] > 0) {
        String first = amounts[i] + units[i];
        boolean hasNext = i + 1 < amounts.length && amounts[i + 1] > 0;
        return hasNext ? first + " " + amounts[i + 1] + units[i + 1] : first;
      }
    }
    return "0s";
  }

  /** A range selector for PromQL in whole minutes, e.g. {@code 5m}, {@code 1h}, {@code 1d12h}. */
  public static String prometheus(Duration duration) {
    long minutes = duration.toMinutes();
    if (minutes < 1 || !duration.equals(Duration.ofMinutes(minutes))) {
      throw new IllegalArgumentException("Prometheus ranges here are whole minutes: " + duration);
    }
    StringBuilder text = new StringBuilder();
    long days = minutes / 1440;
    long hours = minutes % 1440 / 60;
    long rest = minutes % 60;
    if (days > 0) {
      text.append(days).append('d');
    }
    if (hours > 0) {
      text.append(hours).append('h');
    }
    if (rest > 0) {
      text.append(rest).append('m');
    }
    return text.toString();
  }
}
