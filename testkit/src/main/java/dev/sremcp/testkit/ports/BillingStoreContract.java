package dev.sremcp.testkit.ports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sremcp.domain.account.Account;
import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.billing.BillingAccount;
import dev.sremcp.domain.billing.BillingEvent;
import dev.sremcp.domain.billing.Entitlement;
import dev.sremcp.domain.billing.SubscriptionStatus;
import dev.sremcp.domain.billing.TierChange;
import dev.sremcp.domain.usage.AuditEvent;
import dev.sremcp.ports.out.AccountStore;
import dev.sremcp.ports.out.AuditLog;
import dev.sremcp.ports.out.BillingStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BillingStore} promises: a notification applied once whatever the concurrency,
 * the decision made on the account's current tier and record, tier changes stored with their record
 * and audited, scheduled changes applied when due, and nothing of a card kept.
 */
public abstract class BillingStoreContract {

  protected static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  protected abstract BillingStore store();

  /** The account store the billing store changes tiers in. */
  protected abstract AccountStore accounts();

  /** The audit log the billing store writes tier changes to. */
  protected abstract AuditLog audit();

  @Test
  void aCustomerIsLinkedOnceAndFoundBothWays() {
    AccountId account = account(Tier.FREE);
    String customer = "cus_" + UUID.randomUUID();
    assertThat(store().link(account, customer).customer()).isEqualTo(customer);
    assertThat(store().link(account, "cus_other").customer()).isEqualTo(customer);
    assertThat(store().findByCustomer(customer).orElseThrow().account()).isEqualTo(account);
    assertThat(store().findByCustomer("cus_other")).isEmpty();
    assertThat(store().find(account).orElseThrow().subscription()).isNull();
    assertThat(store().list()).extracting(BillingAccount::account).contains(account);
  }

  @Test
  void aNotificationIsAppliedOnceAndChangesTheTierWithAnAuditRow() {
    AccountId account = linked(Tier.FREE);
    BillingEvent event = event();
    AtomicInteger decisions = new AtomicInteger();
    BillingStore.Transition toStarter =
        (current, previous) -> {
          decisions.incrementAndGet();
          assertThat(current).isEqualTo(Tier.FREE);
          return new Entitlement.Decision(paid(previous, Tier.STARTER), Tier.STARTER, false);
        };

    assertThat(store().apply(event, account, toStarter, NOW))
        .isInstanceOfSatisfying(
            BillingStore.Applied.Done.class,
            done -> {
              assertThat(done.from()).isEqualTo(Tier.FREE);
              assertThat(done.to()).isEqualTo(Tier.STARTER);
            });
    assertThat(store().apply(event, account, toStarter, NOW))
        .isInstanceOf(BillingStore.Applied.Duplicate.class);
    assertThat(decisions).hasValue(1);
    assertThat(store().processed(event.id())).isTrue();
    assertThat(accounts().find(account).orElseThrow().tier()).isEqualTo(Tier.STARTER);
    BillingAccount stored = store().find(account).orElseThrow();
    assertThat(stored.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(stored.subscribedTier()).isEqualTo(Tier.STARTER);
    assertThat(stored.periodEnd()).isEqualTo(NOW.plusSeconds(86_400));
    assertThat(stored.paidSince()).isEqualTo(NOW);
    assertThat(audit().recent(account, 10))
        .extracting(AuditEvent::action, AuditEvent::target, AuditEvent::actor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "billing.tier", "free->starter", "stripe:" + event.id()));
  }

  @Test
  void anUnchangedTierWritesNoAuditRow() {
    AccountId account = linked(Tier.STARTER);
    store()
        .apply(
            event(),
            account,
            (current, previous) ->
                new Entitlement.Decision(paid(previous, Tier.STARTER), current, false),
            NOW);
    assertThat(audit().recent(account, 10)).isEmpty();
    assertThat(store().find(account).orElseThrow().subscribedTier()).isEqualTo(Tier.STARTER);
  }

  @Test
  void concurrentDeliveriesOfOneNotificationApplyItOnce() throws Exception {
    AccountId account = linked(Tier.FREE);
    BillingEvent event = event();
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        futures.add(
            pool.submit(
                () -> {
                  BillingStore.Applied applied =
                      store()
                          .apply(
                              event,
                              account,
                              (current, previous) ->
                                  new Entitlement.Decision(
                                      paid(previous, Tier.PROFESSIONAL), Tier.PROFESSIONAL, false),
                              NOW);
                  if (applied instanceof BillingStore.Applied.Done) {
                    done.incrementAndGet();
                  }
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(done).hasValue(1);
    assertThat(audit().recent(account, 10)).hasSize(1);
  }

  @Test
  void notificationsThatChangeNothingAreRecordedOnce() {
    BillingEvent event = event();
    assertThat(store().processed(event.id())).isFalse();
    assertThat(store().record(event, "ignored", NOW)).isTrue();
    assertThat(store().record(event, "ignored", NOW)).isFalse();
    assertThat(store().processed(event.id())).isTrue();
  }

  @Test
  void scheduledChangesApplyWhenDueAndAreAudited() {
    AccountId account = linked(Tier.PROFESSIONAL);
    Instant due = NOW.plusSeconds(3_600);
    store()
        .apply(
            event(),
            account,
            (current, previous) ->
                new Entitlement.Decision(
                    paid(previous, Tier.STARTER).withScheduled(new TierChange(Tier.STARTER, due)),
                    current,
                    false),
            NOW);
    assertThat(store().find(account).orElseThrow().scheduled())
        .isEqualTo(new TierChange(Tier.STARTER, due));

    assertThat(store().applyDue(due.minusSeconds(1))).isZero();
    assertThat(accounts().find(account).orElseThrow().tier()).isEqualTo(Tier.PROFESSIONAL);
    assertThat(store().applyDue(due)).isGreaterThanOrEqualTo(1);
    assertThat(accounts().find(account).orElseThrow().tier()).isEqualTo(Tier.STARTER);
    assertThat(store().find(account).orElseThrow().scheduled()).isNull();
    assertThat(audit().recent(account, 1))
        .extracting(AuditEvent::target, AuditEvent::actor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("professional->starter", "billing:schedule"));
    store().applyDue(due.plusSeconds(60));
    assertThat(audit().recent(account, 10)).as("applied once").hasSize(1);
  }

  private AccountId account(Tier tier) {
    Account account =
        new Account(
            new AccountId(UUID.randomUUID()),
            UUID.randomUUID() + "@billing.example.com",
            tier,
            null,
            NOW);
    accounts().create(account);
    return account.id();
  }

  private AccountId linked(Tier tier) {
    AccountId account = account(tier);
    store().link(account, "cus_" + UUID.randomUUID());
    return account;
  }

  private static BillingEvent event() {
    return new BillingEvent(
        "evt_" + UUID.randomUUID(), "invoice.paid", NOW, "sub_1", "cus_1", null);
  }

  private static BillingAccount paid(BillingAccount previous, Tier tier) {
    return new BillingAccount(
        previous.account(),
        previous.customer(),
        "sub_" + previous.account().value(),
        SubscriptionStatus.ACTIVE,
        tier,
        NOW.plusSeconds(86_400),
        null,
        null,
        NOW,
        NOW,
        null);
  }
}
