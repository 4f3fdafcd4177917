package dev.sremcp.domain.slo;

import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period an SLO is measured over, such as {@code 30d} or {@code 4w}.
 *
 * @param text the window as the user wrote it
 */
public record SloWindow(Duration length, String text) {

  public static final Duration SHORTEST = Duration.ofDays(1);
  public static final Duration LONGEST = Duration.ofDays(366);
  private static final Pattern SYNTAX = Pattern.compile("(?:[0-9]{1,6}[wdhm])+");
  private static final Pattern PART = Pattern.compile("([0-9]{1,6})([wdhm])");

  public SloWindow {
    if (length.compareTo(SHORTEST) < 0 || length.compareTo(LONGEST) > 0) {
      throw new InvalidArgumentsException("window must be between 1d and 366d, got " + text);
    }
  }

  /** Parses a window such as {@code 30d}, {@code 4w}, {@code 720h} or {@code 1d12h}. */
  public static SloWindow parse(String text) {
    String trimmed = text.strip();
    return new SloWindow(parseDuration(trimmed), trimmed);
  }

  /** Parses a duration in the units w, d, h and m, such as {@code 1d12h}. */
  private static Duration parseDuration(String text) {
    if (!SYNTAX.matcher(text).matches()) {
      throw new InvalidArgumentsException(
          "window must be a duration such as 30d, 28d, 4w or 720h (units w, d, h, m), got '"
              + text
              + "'");
    }
    Duration length = Duration.ZERO;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      long amount = Long.parseLong(part.group(1));
      length =
          length.plus(
              switch (part.group(2)) {
                case "w" -> Duration.ofDays(7 * amount);
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofMinutes(amount);
              });
    }
    return length;
  }
}
