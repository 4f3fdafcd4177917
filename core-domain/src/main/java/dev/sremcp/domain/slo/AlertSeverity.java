package dev.sremcp.domain.slo;

import java.util.Locale;

/** Whether a burn-rate alert wakes someone up, or opens a ticket. */
public enum AlertSeverity {
  PAGE,
  TICKET;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
