package dev.sremcp.persistence.local;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.TierLimits;
import dev.sremcp.ports.out.RateLimiter;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Token buckets in this process: capacity {@code burst}, refilled continuously at {@code
 * hourlyRate} per hour. {@code scale} shrinks both (a fallback runs at a tenth of the tier).
 */
public final class LocalRateLimiter implements RateLimiter {

  private static final double NANOS_PER_HOUR = 3_600e9;

  private final ConcurrentMap<AccountId, Bucket> buckets = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;
  private final double scale;

  public LocalRateLimiter() {
    this(System::nanoTime, 1.0);
  }

  /**
   * @param nanoTime a monotonic clock in nanoseconds
   * @param scale the fraction of each tier's rate and burst this limiter allows
   */
  public LocalRateLimiter(LongSupplier nanoTime, double scale) {
    if (!(scale > 0 && scale <= 1)) {
      throw new IllegalArgumentException("scale is in (0, 1]");
    }
    this.nanoTime = nanoTime;
    this.scale = scale;
  }

  @Override
  public Decision tryAcquire(AccountId account, TierLimits limits) {
    double capacity = Math.max(1, Math.floor(limits.burst() * scale));
    double perNano = Math.max(1, limits.hourlyRate() * scale) / NANOS_PER_HOUR;
    Bucket bucket =
        buckets.computeIfAbsent(account, id -> new Bucket(capacity, nanoTime.getAsLong()));
    return bucket.take(capacity, perNano, nanoTime.getAsLong());
  }

  private static final class Bucket {
    private double tokens;
    private long updated;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updated = now;
    }

    synchronized Decision take(double capacity, double perNano, long now) {
      tokens = Math.min(capacity, tokens + Math.max(0, now - updated) * perNano);
      updated = now;
      Duration resetAfter = Duration.ofNanos((long) Math.ceil((capacity - tokens) / perNano));
      if (tokens >= 1) {
        tokens -= 1;
        return new Decision(
            true,
            (long) Math.floor(tokens),
            Duration.ZERO,
            Duration.ofNanos((long) Math.ceil((capacity - tokens) / perNano)));
      }
      Duration retryAfter = Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
      return new Decision(false, 0, retryAfter, resetAfter);
    }
  }
}
