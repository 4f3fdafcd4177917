package dev.sremcp.mcp.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The syslog severities MCP log notifications use, least severe first. */
public enum LogLevel {
  DEBUG,
  INFO,
  NOTICE,
  WARNING,
  ERROR,
  CRITICAL,
  ALERT,
  EMERGENCY;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(LogLevel threshold) {
    return ordinal() >= threshold.ordinal();
  }

  public static Optional<LogLevel> parse(String id) {
    return Arrays.stream(values()).filter(level -> level.id().equals(id)).findFirst();
  }

  @Override
  public String toString() {
    return id();
  }
}
