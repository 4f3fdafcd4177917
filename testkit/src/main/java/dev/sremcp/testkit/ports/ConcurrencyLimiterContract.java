package dev.sremcp.testkit.ports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Priority;
import dev.sremcp.ports.out.ConcurrencyLimiter;
import dev.sremcp.ports.out.ConcurrencyLimiter.Permit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConcurrencyLimiter} promises: an account's cap holds, a slot comes back when
 * closed (once), and in the global budget of {@link #capacity()} a low priority may borrow
 * everything while a higher one still gets its guaranteed share.
 */
public abstract class ConcurrencyLimiterContract {

  /** A limiter with a global budget of {@link #capacity()}. */
  protected abstract ConcurrencyLimiter limiter();

  protected int capacity() {
    return 10;
  }

  @Test
  void anAccountRunsAtMostItsCap() {
    AccountId account = new AccountId(UUID.randomUUID());
    Permit first = limiter().enterAccount(account, "a", 2).orElseThrow();
    Permit second = limiter().enterAccount(account, "b", 2).orElseThrow();
    assertThat(limiter().enterAccount(account, "c", 2)).isEmpty();
    assertThat(limiter().enterAccount(new AccountId(UUID.randomUUID()), "d", 2)).isPresent();
    first.close();
    first.close();
    assertThat(limiter().enterAccount(account, "e", 2)).isPresent();
    assertThat(limiter().enterAccount(account, "f", 2)).isEmpty();
    second.close();
  }

  @Test
  void lowBorrowsIdleCapacityAndCriticalKeepsItsShare() throws InterruptedException {
    List<Permit> held = new ArrayList<>();
    try {
      for (int i = 0; i < capacity(); i++) {
        held.add(limiter().enterGlobal(Priority.LOW, "low" + i, Duration.ZERO).orElseThrow());
      }
      assertThat(limiter().enterGlobal(Priority.LOW, "more", Duration.ZERO)).isEmpty();
      int guaranteed = (int) Math.floor(capacity() * 0.4);
      for (int i = 0; i < guaranteed; i++) {
        Optional<Permit> critical =
            limiter().enterGlobal(Priority.CRITICAL, "c" + i, Duration.ZERO);
        assertThat(critical).as("critical call %d of its share %d", i + 1, guaranteed).isPresent();
        held.add(critical.get());
      }
      assertThat(limiter().enterGlobal(Priority.CRITICAL, "over", Duration.ZERO)).isEmpty();
    } finally {
      held.forEach(Permit::close);
    }
  }

  @Test
  void aWaitingCallGetsTheSlotReleasedWhileItWaits() throws Exception {
    int guaranteed = (int) Math.floor(capacity() * 0.3);
    List<Permit> held = lowBorrowsEverythingAndHighHoldsItsShare(guaranteed);
    // refused now, before anything is released: not a race against the releaser below
    assertThat(limiter().enterGlobal(Priority.HIGH, "now", Duration.ZERO)).isEmpty();
    Thread releaser =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    Thread.sleep(150);
                  } catch (InterruptedException e) {
                    return;
                  }
                  // back under capacity: the borrowed low slots plus high's share, minus capacity
                  held.subList(0, guaranteed + 1).forEach(Permit::close);
                });
    try {
      assertThat(limiter().enterGlobal(Priority.HIGH, "waits", Duration.ofSeconds(3)))
          .hasValueSatisfying(Permit::close);
    } finally {
      releaser.join();
      held.forEach(Permit::close);
    }
  }

  @Test
  void aFreedSlotGoesToTheWaitingHigherPriorityNotToALowerOne() throws Exception {
    int guaranteed = (int) Math.floor(capacity() * 0.3);
    List<Permit> held = lowBorrowsEverythingAndHighHoldsItsShare(guaranteed);
    // High is at its share and the budget is full: the next high call waits.
    CompletableFuture<Optional<Permit>> waiter = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                waiter.complete(
                    limiter().enterGlobal(Priority.HIGH, "waits", Duration.ofSeconds(3)));
              } catch (Throwable e) {
                waiter.completeExceptionally(e);
              }
            });
    try {
      Thread.sleep(200);
      // Back under capacity by one slot: the waiting high call must get it, not a new low one.
      held.subList(0, guaranteed + 1).forEach(Permit::close);
      assertThat(limiter().enterGlobal(Priority.LOW, "late", Duration.ZERO)).isEmpty();
      Optional<Permit> high = waiter.get(5, TimeUnit.SECONDS);
      assertThat(high).isPresent();
      held.add(high.get());
    } finally {
      held.forEach(Permit::close);
    }
  }

  /**
   * Low takes the whole budget, then high its guaranteed share on top: the next high call waits.
   */
  private List<Permit> lowBorrowsEverythingAndHighHoldsItsShare(int highShare)
      throws InterruptedException {
    List<Permit> held = new ArrayList<>();
    for (int i = 0; i < capacity(); i++) {
      held.add(limiter().enterGlobal(Priority.LOW, "low" + i, Duration.ZERO).orElseThrow());
    }
    for (int i = 0; i < highShare; i++) {
      held.add(limiter().enterGlobal(Priority.HIGH, "h" + i, Duration.ZERO).orElseThrow());
    }
    return held;
  }
}
