package dev.sremcp.domain.account;

import java.util.Objects;

/**
 * What one tier (or one custom account) may do.
 *
 * @param monthlyRequests charged calls per billing month; {@link #UNLIMITED} for no limit
 * @param hourlyRate calls per hour, sustained
 * @param burst calls that may arrive at once (the token bucket's capacity)
 * @param inFlight calls running at the same time
 * @param maxInputBytes the largest tool arguments accepted, in bytes of JSON
 * @param priority the caller's share of the server when it is overloaded
 */
public record TierLimits(
    long monthlyRequests,
    int hourlyRate,
    int burst,
    int inFlight,
    long maxInputBytes,
    Priority priority) {

  public static final long UNLIMITED = Long.MAX_VALUE;

  public TierLimits {
    Objects.requireNonNull(priority, "priority");
    if (monthlyRequests < 0 || hourlyRate < 1 || burst < 1 || inFlight < 1 || maxInputBytes < 1) {
      throw new IllegalArgumentException(
          "tier limits must be positive: monthly "
              + monthlyRequests
              + ", hourly "
              + hourlyRate
              + ", burst "
              + burst
              + ", in flight "
              + inFlight
              + ", input bytes "
              + maxInputBytes);
    }
  }

  public boolean unlimitedMonth() {
    return monthlyRequests == UNLIMITED;
  }
}
