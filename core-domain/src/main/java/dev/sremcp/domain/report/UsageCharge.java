package dev.sremcp.domain.report;

/**
 * What a call cost the caller, and what is left.
 *
 * @param remainingMonth requests left this month, or {@code null} when the caller is not metered
 * @param remainingHour requests left this hour, or {@code null} when the caller is not metered
 */
public record UsageCharge(int unitsCharged, Long remainingMonth, Long remainingHour) {

  public UsageCharge {
    if (unitsCharged < 0) {
      throw new IllegalArgumentException("unitsCharged cannot be negative");
    }
  }

  /** A call that no meter counts: the library, the command line, or a server without accounts. */
  public static UsageCharge unmetered() {
    return new UsageCharge(0, null, null);
  }
}
