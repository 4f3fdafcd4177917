package dev.sremcp.testkit.ports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.BillingPeriod;
import dev.sremcp.domain.usage.UsageOutcome;
import dev.sremcp.domain.usage.UsageRecord;
import dev.sremcp.ports.out.QuotaLedger;
import dev.sremcp.ports.out.QuotaLedger.Reservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link QuotaLedger} promises: never more than the limit under any concurrency, each
 * request id counted once, released calls given back, abandoned reservations released.
 */
public abstract class QuotaLedgerContract {

  protected static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  protected static final BillingPeriod PERIOD = BillingPeriod.calendarMonthOf(NOW);

  /**
   * Two ledgers over the same store (two instances with separate pools, where the store allows).
   */
  protected abstract List<QuotaLedger> ledgers();

  /**
   * An account the store accepts rows for; a store with foreign keys creates a real one. By
   * default, a fresh id.
   */
  protected AccountId newAccount() {
    return new AccountId(UUID.randomUUID());
  }

  private QuotaLedger ledger() {
    return ledgers().getFirst();
  }

  @Test
  void reservesUpToTheLimitAndNoFurther() {
    AccountId account = newAccount();
    for (int i = 0; i < 3; i++) {
      assertThat(ledger().reserve(account, "r" + i, "slo_report", 1, 3, PERIOD, NOW))
          .isEqualTo(new Reservation.Reserved(i + 1, 3));
    }
    assertThat(ledger().reserve(account, "r3", "slo_report", 1, 3, PERIOD, NOW))
        .isEqualTo(new Reservation.Exhausted(3, 3));
    assertThat(ledger().summary(account, PERIOD).used()).isEqualTo(3);
  }

  @Test
  void chargedCallsCountCompletedCallsPerAccountInTheWindow() {
    AccountId first = newAccount();
    AccountId second = newAccount();
    AccountId idle = newAccount();
    Instant earlier = NOW.minusSeconds(3_600);
    ledger().reserve(first, "a1", "slo_report", 1, 10, PERIOD, NOW);
    ledger().reserve(first, "a2", "slo_report", 1, 10, PERIOD, NOW);
    ledger().reserve(first, "a3", "slo_report", 1, 10, PERIOD, NOW);
    ledger().reserve(second, "b1", "slo_report", 1, 10, PERIOD, earlier);
    ledger().reserve(idle, "c1", "slo_report", 1, 10, PERIOD, NOW);
    ledger().finish(first, "a1", UsageOutcome.COMPLETED, details(first, "a1"));
    ledger().finish(first, "a2", UsageOutcome.COMPLETED, details(first, "a2"));
    ledger().finish(first, "a3", UsageOutcome.RELEASED, details(first, "a3"));
    ledger().finish(second, "b1", UsageOutcome.COMPLETED, details(second, "b1"));
    ledger().finish(idle, "c1", UsageOutcome.REJECTED, details(idle, "c1"));

    java.util.Map<AccountId, Long> window = ledger().chargedCalls(NOW, NOW.plusSeconds(1));
    assertThat(window).containsEntry(first, 2L).doesNotContainKeys(second, idle);
    assertThat(ledger().chargedCalls(earlier, NOW.plusSeconds(1)))
        .containsEntry(first, 2L)
        .containsEntry(second, 1L)
        .doesNotContainKey(idle);
    assertThat(ledger().chargedCalls(earlier, NOW))
        .containsEntry(second, 1L)
        .doesNotContainKey(first);
  }

  @Test
  void aRetriedRequestIdIsCountedOnce() {
    AccountId account = newAccount();
    ledger().reserve(account, "same", "slo_report", 1, 10, PERIOD, NOW);
    assertThat(ledger().reserve(account, "same", "slo_report", 1, 10, PERIOD, NOW))
        .isInstanceOf(Reservation.AlreadyCounted.class);
    assertThat(ledger().summary(account, PERIOD).used()).isEqualTo(1);
  }

  @Test
  void completedCallsAreChargedAndOthersGivenBack() {
    AccountId account = newAccount();
    ledger().reserve(account, "ok", "slo_report", 1, 10, PERIOD, NOW);
    ledger().reserve(account, "bad", "slo_report", 1, 10, PERIOD, NOW);
    ledger().reserve(account, "crash", "slo_report", 1, 10, PERIOD, NOW);
    ledger().finish(account, "ok", UsageOutcome.COMPLETED, details(account, "ok"));
    ledger().finish(account, "bad", UsageOutcome.REJECTED, details(account, "bad"));
    ledger().finish(account, "crash", UsageOutcome.RELEASED, details(account, "crash"));
    ledger().finish(account, "crash", UsageOutcome.RELEASED, details(account, "crash"));
    assertThat(ledger().summary(account, PERIOD).used()).isEqualTo(1);
    assertThat(ledger().summary(account, PERIOD).byTool()).containsEntry("slo_report", 1L);
    assertThat(ledger().records(account, PERIOD, 10))
        .extracting(UsageRecord::outcome)
        .containsExactlyInAnyOrder(
            UsageOutcome.COMPLETED, UsageOutcome.REJECTED, UsageOutcome.RELEASED);
  }

  @Test
  void abandonedReservationsAreReleased() {
    AccountId account = newAccount();
    ledger().reserve(account, "old", "slo_report", 1, 10, PERIOD, NOW.minusSeconds(3600));
    ledger().reserve(account, "new", "slo_report", 1, 10, PERIOD, NOW);
    assertThat(ledger().releaseAbandoned(NOW.minusSeconds(60))).isEqualTo(1);
    assertThat(ledger().summary(account, PERIOD).used()).isEqualTo(1);
  }

  @Test
  void accountsDoNotSeeEachOthersUsage() {
    AccountId a = newAccount();
    AccountId b = newAccount();
    ledger().reserve(a, "x", "slo_report", 1, 10, PERIOD, NOW);
    assertThat(ledger().summary(b, PERIOD).used()).isZero();
    assertThat(ledger().records(b, PERIOD, 10)).isEmpty();
    assertThat(ledger().reserve(b, "x", "slo_report", 1, 10, PERIOD, NOW))
        .isInstanceOf(Reservation.Reserved.class);
  }

  /**
   * Two instances with 32 threads each race for a quota of {@code limit}, one attempt in ten a
   * retry of an id already sent: exactly {@code limit} distinct ids are admitted and counted.
   */
  @Test
  void exactUnderConcurrencyAcrossInstances() throws Exception {
    AccountId account = newAccount();
    int limit = 200;
    List<QuotaLedger> ledgers = ledgers();
    Set<String> admitted = ConcurrentHashMap.newKeySet();
    AtomicInteger admissions = new AtomicInteger();
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      sent.add("req-" + i);
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(64)) {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 64; t++) {
        QuotaLedger ledger = ledgers.get(t % ledgers.size());
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = thread; i < sent.size(); i += 64) {
                    String id =
                        ThreadLocalRandom.current().nextInt(10) == 0
                            ? sent.get(ThreadLocalRandom.current().nextInt(i + 1))
                            : sent.get(i);
                    if (ledger.reserve(account, id, "slo_report", 1, limit, PERIOD, NOW)
                        instanceof Reservation.Reserved) {
                      admissions.incrementAndGet();
                      admitted.add(id);
                    }
                  }
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    }
    assertThat(admissions.get()).isEqualTo(limit);
    assertThat(admitted).hasSize(limit);
    assertThat(ledger().summary(account, PERIOD).used()).isEqualTo(limit);
    assertThat(ledger().records(account, PERIOD, 10_000)).hasSize(limit);
  }

  private static UsageRecord details(AccountId account, String id) {
    return new UsageRecord(
        account, id, "slo_report", 1, UsageOutcome.COMPLETED, PERIOD.id(), NOW, 5, null, 0, 0);
  }
}
