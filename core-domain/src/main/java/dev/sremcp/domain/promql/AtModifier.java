package dev.sremcp.domain.promql;

import java.util.Objects;

/**
 * The {@code @} modifier of a selector or subquery: a fixed Unix time in milliseconds, or the start
 * or end of the evaluated range.
 */
public record AtModifier(Kind kind, long timestampMillis) {

  /** What the {@code @} modifier pins the evaluation time to. */
  public enum Kind {
    TIMESTAMP,
    START,
    END
  }

  public AtModifier {
    Objects.requireNonNull(kind, "kind");
    if (kind != Kind.TIMESTAMP && timestampMillis != 0) {
      throw new IllegalArgumentException("only @ <timestamp> carries a timestamp");
    }
  }

  /** {@code @ <seconds>}, given in milliseconds. */
  public static AtModifier timestamp(long millis) {
    return new AtModifier(Kind.TIMESTAMP, millis);
  }

  /** {@code @ start()}. */
  public static AtModifier start() {
    return new AtModifier(Kind.START, 0);
  }

  /** {@code @ end()}. */
  public static AtModifier end() {
    return new AtModifier(Kind.END, 0);
  }
}
