package dev.sremcp.ports.out;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.TierLimits;
import java.time.Duration;

/**
 * The hourly rate: a token bucket per account holding up to {@code burst} calls, refilled at {@code
 * hourlyRate} per hour. It protects the service, so an adapter whose store fails may decide locally
 * and conservatively rather than refuse.
 */
public interface RateLimiter {

  Decision tryAcquire(AccountId account, TierLimits limits);

  /**
   * @param remaining whole calls left in the bucket after this one
   * @param retryAfter until the next call is allowed; zero when allowed
   * @param resetAfter until the bucket is full again
   */
  record Decision(boolean allowed, long remaining, Duration retryAfter, Duration resetAfter) {}
}
