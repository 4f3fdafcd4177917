package dev.sremcp.domain.incident;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The times incident inputs carry: RFC 3339 text (and the near forms senders use), epoch seconds or
 * epoch milliseconds.
 */
final class Times {

  /** Before this, a number is taken as epoch seconds; from it on, as milliseconds (year 2286). */
  private static final double MILLIS_FROM = 1e10;

  private Times() {}

  static Optional<Instant> parse(Object value) {
    if (value instanceof Number number) {
      double n = number.doubleValue();
      if (!Double.isFinite(n) || n <= 0) {
        return Optional.empty();
      }
      return Optional.of(
          n >= MILLIS_FROM
              ? Instant.ofEpochMilli((long) n)
              : Instant.ofEpochMilli(Math.round(n * 1000)));
    }
    if (value instanceof String text && !text.isBlank()) {
      String trimmed = text.strip();
      try {
        Instant instant = OffsetDateTime.parse(trimmed).toInstant();
        // Alertmanager's "no end yet"
        return instant.getEpochSecond() <= 0 ? Optional.empty() : Optional.of(instant);
      } catch (DateTimeParseException e) {
        if (trimmed.matches("\\d+(\\.\\d+)?")) {
          return parse(Double.parseDouble(trimmed));
        }
        return lenient(trimmed);
      }
    }
    return Optional.empty();
  }

  /**
   * The near-RFC 3339 forms that senders use: {@code 2024-06-20T15:45:52.000+0000} (PagerDuty's
   * examples), a space for the {@code T}, no zone (read as UTC).
   */
  private static final Pattern NEAR_RFC_3339 =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?)"
              + " ?(?:(Z|UTC|GMT)|([+-]\\d{2}):?(\\d{2}))?");

  private static Optional<Instant> lenient(String text) {
    Matcher m = NEAR_RFC_3339.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    String zone = m.group(4) == null ? "Z" : m.group(4) + ":" + m.group(5);
    try {
      Instant instant =
          OffsetDateTime.parse(m.group(1) + "T" + m.group(2).replace(',', '.') + zone).toInstant();
      return instant.getEpochSecond() <= 0 ? Optional.empty() : Optional.of(instant);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Whole minutes (or seconds under a minute), for sentences: {@code 12 min}, {@code 40 s}. */
  static String span(java.time.Duration duration) {
    long seconds = Math.abs(duration.toSeconds());
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3 * 3600) {
      return (seconds / 60) + " min";
    }
    long hours = seconds / 3600;
    long minutes = (seconds % 3600) / 60;
    return hours + " h" + (minutes == 0 ? "" : " " + minutes + " min");
  }
}
