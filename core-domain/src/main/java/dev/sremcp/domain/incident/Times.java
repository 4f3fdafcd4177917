package dev.sremcp.domain.incident;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The times incident inputs carry: RFC 3339 text, epoch seconds or epoch milliseconds. */
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
        try {
          return Optional.of(Instant.parse(trimmed));
        } catch (DateTimeParseException again) {
          if (trimmed.matches("\\d+(\\.\\d+)?")) {
            return parse(Double.parseDouble(trimmed));
          }
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
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
