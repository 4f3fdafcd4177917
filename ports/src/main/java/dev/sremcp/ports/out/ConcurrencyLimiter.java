package dev.sremcp.ports.out;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Priority;
import java.time.Duration;
import java.util.Optional;

/**
 * How many calls run at once: per account (its in-flight cap), and across the whole service (a
 * global budget split by priority, where a lower priority may borrow idle capacity but only a
 * priority within its guaranteed share waits for a slot).
 */
public interface ConcurrencyLimiter {

  /** A slot for one of the account's calls, or empty when it already runs {@code cap}. */
  Optional<Permit> enterAccount(AccountId account, String requestId, int cap);

  /**
   * A slot in the global budget, waiting at most {@code maxWait} for one; empty when none came free
   * in time.
   */
  Optional<Permit> enterGlobal(Priority priority, String requestId, Duration maxWait)
      throws InterruptedException;

  /** A held slot; closing it frees the slot, once. */
  interface Permit extends AutoCloseable {
    @Override
    void close();

    /** A permit that runs {@code release} on its first close only. */
    static Permit once(Runnable release) {
      java.util.concurrent.atomic.AtomicBoolean open =
          new java.util.concurrent.atomic.AtomicBoolean(true);
      return () -> {
        if (open.compareAndSet(true, false)) {
          release.run();
        }
      };
    }
  }
}
