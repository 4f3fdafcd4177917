package dev.sremcp.persistence.local;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Priority;
import dev.sremcp.ports.out.ConcurrencyLimiter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * In-flight caps per account and the global budget split by priority, in this process. The global
 * rule is Netflix concurrency-limits' partitioned limiter: a call is refused only when the total is
 * at capacity <em>and</em> its priority already uses its guaranteed share; so a lower priority
 * borrows idle capacity, and a higher one still gets its share when the lower ones hold it all.
 * Beyond the shares, a slot freed while calls wait goes to the most urgent of them: a lower
 * priority does not take it while a higher one waits.
 */
public final class LocalConcurrencyLimiter implements ConcurrencyLimiter {

  /** The research's split: critical 40 %, high 30 %, medium 20 %, low 10 %. */
  public static final Map<Priority, Double> SHARES =
      Map.of(Priority.CRITICAL, 0.4, Priority.HIGH, 0.3, Priority.MEDIUM, 0.2, Priority.LOW, 0.1);

  private final ConcurrentMap<AccountId, AtomicInteger> accounts = new ConcurrentHashMap<>();
  private final int capacity;
  private final Map<Priority, Integer> guaranteed = new EnumMap<>(Priority.class);
  private final Map<Priority, Integer> inFlight = new EnumMap<>(Priority.class);
  private final Map<Priority, Integer> waiting = new EnumMap<>(Priority.class);
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition released = lock.newCondition();
  private int total;

  /**
   * @param capacity calls the whole service runs at once
   */
  public LocalConcurrencyLimiter(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("the global budget needs at least one slot");
    }
    this.capacity = capacity;
    for (Priority priority : Priority.values()) {
      guaranteed.put(priority, guaranteedShare(capacity, priority));
      inFlight.put(priority, 0);
      waiting.put(priority, 0);
    }
  }

  /** A priority's guaranteed slots: its share of the capacity, at least one. */
  public static int guaranteedShare(int capacity, Priority priority) {
    return Math.max(1, (int) Math.floor(capacity * SHARES.get(priority)));
  }

  @Override
  public Optional<Permit> enterAccount(AccountId account, String requestId, int cap) {
    AtomicInteger running = accounts.computeIfAbsent(account, id -> new AtomicInteger());
    while (true) {
      int now = running.get();
      if (now >= cap) {
        return Optional.empty();
      }
      if (running.compareAndSet(now, now + 1)) {
        return Optional.of(Permit.once(running::decrementAndGet));
      }
    }
  }

  @Override
  public Optional<Permit> enterGlobal(Priority priority, String requestId, Duration maxWait)
      throws InterruptedException {
    long remaining = maxWait.toNanos();
    lock.lock();
    try {
      if (!admits(priority)) {
        if (remaining <= 0) {
          return Optional.empty();
        }
        waiting.merge(priority, 1, Integer::sum);
        try {
          while (!admits(priority)) {
            if (remaining <= 0) {
              return Optional.empty();
            }
            remaining = released.awaitNanos(remaining);
          }
        } finally {
          waiting.merge(priority, -1, Integer::sum);
        }
      }
      inFlight.merge(priority, 1, Integer::sum);
      total++;
    } finally {
      lock.unlock();
    }
    return Optional.of(Permit.once(() -> leave(priority)));
  }

  /**
   * Within its guaranteed share a priority always gets a slot; beyond it, only a free slot that no
   * more urgent waiting call wants.
   */
  private boolean admits(Priority priority) {
    return inFlight.get(priority) < guaranteed.get(priority)
        || (total < capacity && !moreUrgentWaiting(priority));
  }

  private boolean moreUrgentWaiting(Priority priority) {
    for (Priority other : Priority.values()) {
      if (other.compareTo(priority) >= 0) {
        return false;
      }
      if (waiting.get(other) > 0) {
        return true;
      }
    }
    return false;
  }

  private void leave(Priority priority) {
    lock.lock();
    try {
      inFlight.merge(priority, -1, Integer::sum);
      total--;
      released.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
