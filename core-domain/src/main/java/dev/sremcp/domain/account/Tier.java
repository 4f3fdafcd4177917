package dev.sremcp.domain.account;

import java.util.Locale;

/**
 * The plans sre-mcp is sold in, cheapest first. Limits and prices live in configuration; the order,
 * which decides who may call what, lives here.
 */
public enum Tier {
  FREE,
  STARTER,
  PROFESSIONAL,
  ENTERPRISE,
  CUSTOM;

  /** The lower-case name used in configuration, on the wire and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this tier includes everything {@code required} includes. */
  public boolean includes(Tier required) {
    return ordinal() >= required.ordinal();
  }

  @Override
  public String toString() {
    return id();
  }
}
