package dev.sremcp.testkit.ports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Priority;
import dev.sremcp.domain.account.TierLimits;
import dev.sremcp.ports.out.RateLimiter;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimiter} promises: a burst, then refusals that say when to come back. */
public abstract class RateLimiterContract {

  protected abstract RateLimiter limiter();

  private static TierLimits limits(int hourly, int burst) {
    return new TierLimits(1_000, hourly, burst, 5, 1024, Priority.LOW);
  }

  @Test
  void allowsTheBurstThenRefusesWithARetryTime() {
    AccountId account = new AccountId(UUID.randomUUID());
    TierLimits limits = limits(10, 10);
    for (int i = 0; i < 10; i++) {
      RateLimiter.Decision decision = limiter().tryAcquire(account, limits);
      assertThat(decision.allowed()).isTrue();
      assertThat(decision.remaining()).isEqualTo(9 - i);
    }
    RateLimiter.Decision refused = limiter().tryAcquire(account, limits);
    assertThat(refused.allowed()).isFalse();
    // 10 per hour: the next token comes within 6 minutes
    assertThat(refused.retryAfter().toSeconds()).isBetween(300L, 360L);
  }

  @Test
  void refillsAtTheHourlyRate() throws InterruptedException {
    AccountId account = new AccountId(UUID.randomUUID());
    TierLimits limits = limits(7_200, 2); // two per second
    assertThat(limiter().tryAcquire(account, limits).allowed()).isTrue();
    assertThat(limiter().tryAcquire(account, limits).allowed()).isTrue();
    assertThat(limiter().tryAcquire(account, limits).allowed()).isFalse();
    Thread.sleep(600);
    assertThat(limiter().tryAcquire(account, limits).allowed()).isTrue();
  }

  @Test
  void accountsHaveTheirOwnBuckets() {
    TierLimits limits = limits(10, 1);
    AccountId a = new AccountId(UUID.randomUUID());
    AccountId b = new AccountId(UUID.randomUUID());
    assertThat(limiter().tryAcquire(a, limits).allowed()).isTrue();
    assertThat(limiter().tryAcquire(a, limits).allowed()).isFalse();
    assertThat(limiter().tryAcquire(b, limits).allowed()).isTrue();
  }
}
