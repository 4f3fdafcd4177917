package dev.sremcp.domain.report;

import java.util.Locale;

/** How much a finding matters, most severe first. The wire form is the lower-case name. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  INFO;

  /** The lower-case name used on the wire and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this severity is at least as severe as {@code other}. */
  public boolean atLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }

  /** Parses a wire name such as {@code "high"}. */
  public static Severity fromId(String id) {
    for (Severity severity : values()) {
      if (severity.id().equals(id)) {
        return severity;
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + id + "': expected one of critical, high, medium, low, info");
  }

  @Override
  public String toString() {
    return id();
  }
}
