package dev.sremcp.domain.account;

import java.util.Locale;

/** How much a caller's calls matter when the server is overloaded: the last shed first. */
public enum Priority {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return id();
  }
}
