package dev.sremcp.domain.logs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timestamps of a log, in the one format its lines use, learned from a sample: ISO 8601 and its
 * variants, syslog, Apache's error log, the common log format, glog, compact ({@code 081109
 * 203615}), two-digit-year slashes ({@code 17/06/09 20:10:40}), BGL's dotted form, Unix seconds,
 * and Unix seconds or milliseconds in a JSON or logfmt time field. Times without a zone are read as
 * UTC. Formats without a year (syslog, glog) are placed in the year 2000 and shown without one.
 *
 * <p>Per line, a timestamp that repeats the previous line's second is recognised by comparing
 * characters, without a regular expression; dense logs rarely need one.
 */
public final class Timestamps {

  /** Where in a line a timestamp is looked for. */
  private static final int SEARCH_CHARS = 400;

  private static final int NONE_YEAR = 2000;
  private static final String MONTHS = "(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
  private static final String TIME = "(?<h>\\d{1,2}):(?<mi>\\d{2}):(?<s>\\d{2})";

  /**
   * Where a format's timestamp is looked for: at the line's start, or around the first {@code
   * d:dd:d} (or {@code d.dd.d}) in the line's opening characters, found without a regular
   * expression, so a line with no time costs one scan.
   */
  private enum Anchor {
    START,
    COLONS,
    DOTS,
    ANYWHERE
  }

  /** One format: a pattern with named groups, whether it carries a year, and its anchor. */
  private enum Format {
    ISO(
        "(?<y>\\d{4})-(?<mo>\\d{2})-(?<d>\\d{2})[T ]"
            + TIME
            + "(?:[.,]\\d+)?(?<z>Z|[+-]\\d{2}:?\\d{2})?",
        true,
        Anchor.COLONS),
    DOTTED(
        "(?<y>\\d{4})-(?<mo>\\d{2})-(?<d>\\d{2})-(?<h>\\d{2})\\.(?<mi>\\d{2})\\.(?<s>\\d{2})",
        true, Anchor.DOTS),
    SLASHED("(?<y>\\d{4})/(?<mo>\\d{2})/(?<d>\\d{2})[ T]" + TIME, true, Anchor.COLONS),
    SHORT_SLASHED("\\b(?<yy>\\d{2})/(?<mo>\\d{2})/(?<d>\\d{2}) " + TIME, true, Anchor.COLONS),
    COMMON_LOG(
        "\\[(?<d>\\d{2})/" + MONTHS + "/(?<y>\\d{4}):" + TIME + " (?<z>[+-]\\d{4})\\]",
        true,
        Anchor.COLONS),
    APACHE(
        "\\[\\w{3} " + MONTHS + " (?<d>\\d{1,2}) " + TIME + "(?:\\.\\d+)? (?<y>\\d{4})\\]",
        true,
        Anchor.COLONS),
    COMPACT_DASHED(
        "\\b(?<y>\\d{4})(?<mo>\\d{2})(?<d>\\d{2})-(?<h>\\d{1,2}):(?<mi>\\d{1,2}):(?<s>\\d{1,2})",
        true, Anchor.COLONS),
    COMPACT(
        "^(?<yy>\\d{2})(?<mo>\\d{2})(?<d>\\d{2}) (?<h>\\d{2})(?<mi>\\d{2})(?<s>\\d{2})\\b",
        true, Anchor.START),
    SYSLOG("\\b" + MONTHS + " +(?<d>\\d{1,2}) " + TIME + "\\b", false, Anchor.COLONS),
    GLOG("^[IWEF](?<mo>\\d{2})(?<d>\\d{2}) " + TIME, false, Anchor.START),
    EPOCH("^\\[?(?<epoch>1\\d{9})(?:\\.\\d{1,9})?\\]?\\s", true, Anchor.START),
    /**
     * Unix seconds (with a fraction) or milliseconds in a time field of a JSON or logfmt line, as
     * zap, pino and others write them: {@code "ts":1745827447.113}, {@code time=1531171074631}.
     */
    EPOCH_FIELD(
        "(?:\\b(?:ts|time|timestamp|t|epoch|unix_?time)|@timestamp)[\"']?\\s*[:=]\\s*"
            + "(?<epoch>1\\d{9})(?:\\d{3}|\\.\\d{1,9})?(?![\\d.])",
        true, Anchor.ANYWHERE);

    private final Pattern pattern;
    private final boolean hasYear;
    private final Anchor anchor;

    Format(String regex, boolean hasYear, Anchor anchor) {
      this.pattern = Pattern.compile(regex);
      this.hasYear = hasYear;
      this.anchor = anchor;
    }

    /** Whether the format is Unix time, whose seconds are the {@code epoch} group. */
    boolean epoch() {
      return this == EPOCH || this == EPOCH_FIELD;
    }

    /** Finds this format's timestamp in {@code line}, leaving the match in {@code matcher}. */
    boolean find(Matcher matcher, String line) {
      int window = Math.min(line.length(), SEARCH_CHARS);
      if (anchor == Anchor.START) {
        return matcher.reset(line).region(0, window).lookingAt();
      }
      if (anchor == Anchor.ANYWHERE) {
        return matcher.reset(line).region(0, window).find();
      }
      int time = timeSeparator(line, window, anchor == Anchor.COLONS ? ':' : '.');
      if (time < 0) {
        return false;
      }
      return matcher
          .reset(line)
          .region(Math.max(0, time - 36), Math.min(line.length(), time + 40))
          .find();
    }

    /** The first {@code d:d:d} (with one or two digits in the middle), or -1. */
    private static int timeSeparator(String line, int window, char separator) {
      for (int i = 1; i + 3 < window; i++) {
        if (line.charAt(i) != separator
            || !isDigit(line.charAt(i - 1))
            || !isDigit(line.charAt(i + 1))) {
          continue;
        }
        int next = isDigit(line.charAt(i + 2)) ? i + 3 : i + 2;
        if (next + 1 < line.length()
            && line.charAt(next) == separator
            && isDigit(line.charAt(next + 1))) {
          return i;
        }
      }
      return -1;
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }
  }

  private static final DateTimeFormatter WITHOUT_YEAR =
      DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Format format;
  private final Matcher matcher;
  private String cachedText = "";
  private int cachedStart = -1;
  private long cachedSecond;

  /** The other formats of the same kind (with a year, or without), for lines of another writer. */
  private final List<Format> others;

  private final List<Matcher> otherMatchers;

  private Timestamps(Format format) {
    this.format = format;
    this.matcher = format.pattern.matcher("");
    this.others =
        java.util.Arrays.stream(Format.values())
            .filter(other -> other != format && other.hasYear == format.hasYear)
            .toList();
    this.otherMatchers = others.stream().map(other -> other.pattern.matcher("")).toList();
  }

  /**
   * The format most lines of the sample use, when at least a fifth of them carry one; a log with
   * stack traces has many lines without.
   */
  public static Optional<Timestamps> learn(List<String> sample) {
    List<String> lines = sample.stream().filter(line -> !line.isBlank()).toList();
    Format best = null;
    int bestCount = 0;
    for (Format candidate : Format.values()) {
      Matcher matcher = candidate.pattern.matcher("");
      int count = 0;
      for (String line : lines) {
        if (candidate.find(matcher, line) && parse(candidate, matcher) != Long.MIN_VALUE) {
          count++;
        }
      }
      if (count > bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
    if (best == null || bestCount < Math.max(1, lines.size() / 5)) {
      return Optional.empty();
    }
    return Optional.of(new Timestamps(best));
  }

  /**
   * The Unix second of {@code line}'s timestamp, or {@link Long#MIN_VALUE} when it has none. A line
   * in another format of the same kind (another writer's) is read in that format.
   */
  public long epochSecond(String line) {
    if (cachedStart >= 0
        && line.length() >= cachedStart + cachedText.length()
        && line.regionMatches(cachedStart, cachedText, 0, cachedText.length())) {
      return cachedSecond;
    }
    if (!format.find(matcher, line)) {
      // several writers in one log (nginx and the application behind it): their formats differ;
      // an indented line continues an event (a stack frame, a JSON body), whatever dates it holds
      boolean indented = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
      for (int i = 0; i < others.size() && !indented; i++) {
        if (others.get(i).find(otherMatchers.get(i), line)) {
          long second = parse(others.get(i), otherMatchers.get(i));
          if (second != Long.MIN_VALUE) {
            return second;
          }
        }
      }
      return Long.MIN_VALUE;
    }
    long second = parse(format, matcher);
    if (second != Long.MIN_VALUE) {
      // the text up to the seconds identifies the second, whatever fraction follows
      cachedStart = matcher.start();
      cachedText = line.substring(matcher.start(), matcher.end(format.epoch() ? "epoch" : "s"));
      cachedSecond = second;
    }
    return second;
  }

  /** True when the format carries no year, so times are shown without one. */
  public boolean hasYear() {
    return format.hasYear;
  }

  /**
   * {@code instant} as this log would place it: unchanged when the format has a year, else moved to
   * the year 2000 the log's times use.
   */
  public long align(Instant instant) {
    if (format.hasYear) {
      return instant.getEpochSecond();
    }
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC)
        .withYear(NONE_YEAR)
        .toEpochSecond(ZoneOffset.UTC);
  }

  /** A second of this log as text: ISO 8601 in UTC, or {@code Jul 01 09:00:55} without a year. */
  public String render(long epochSecond) {
    Instant instant = Instant.ofEpochSecond(epochSecond);
    return format.hasYear ? instant.toString() : WITHOUT_YEAR.format(instant);
  }

  @Override
  public String toString() {
    return format.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static long parse(Format format, Matcher m) {
    try {
      if (format.epoch()) {
        return Long.parseLong(m.group("epoch"));
      }
      int year =
          switch (format) {
            case SHORT_SLASHED, COMPACT -> 2000 + Integer.parseInt(m.group("yy"));
            case SYSLOG, GLOG -> NONE_YEAR;
            default -> Integer.parseInt(m.group("y"));
          };
      int month =
          switch (format) {
            case COMMON_LOG, APACHE, SYSLOG -> month(m.group("mon"));
            default -> Integer.parseInt(m.group("mo"));
          };
      LocalDateTime time =
          LocalDateTime.of(
              year,
              month,
              Integer.parseInt(m.group("d")),
              Integer.parseInt(m.group("h")),
              Integer.parseInt(m.group("mi")),
              Integer.parseInt(m.group("s")));
      return time.toEpochSecond(offset(format, m));
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return Long.MIN_VALUE;
    }
  }

  private static ZoneOffset offset(Format format, Matcher m) {
    if (format != Format.ISO && format != Format.COMMON_LOG) {
      return ZoneOffset.UTC;
    }
    String zone = m.group("z");
    if (zone == null || zone.equals("Z")) {
      return ZoneOffset.UTC;
    }
    String digits = zone.replace(":", "");
    int hours = Integer.parseInt(digits.substring(1, 3));
    int minutes = Integer.parseInt(digits.substring(3, 5));
    int sign = digits.charAt(0) == '-' ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }

  private static int month(String name) {
    return "JanFebMarAprMayJunJulAugSepOctNovDec".indexOf(name) / 3 + 1;
  }
}
