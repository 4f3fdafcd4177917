package dev.sremcp.domain.usage;

import java.util.Locale;

/** How a metered call ended, as recorded. Only {@code COMPLETED} is charged. */
public enum UsageOutcome {
  /** Reserved at admission; the call is running (or its instance crashed). */
  RESERVED,
  /** The analysis ran: charged. */
  COMPLETED,
  /** The arguments could not be analyzed: released, not charged, and recorded apart. */
  REJECTED,
  /** The server failed or the client cancelled: released, not charged. */
  RELEASED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
