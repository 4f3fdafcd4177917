package dev.sremcp.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EntitlementTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final Instant PERIOD_END = NOW.plus(Duration.ofDays(20));
  private static final Duration GRACE = Duration.ofDays(7);
  private static final BillingAccount LINKED =
      BillingAccount.linked(new AccountId(UUID.randomUUID()), "cus_1");

  private static SubscriptionState state(SubscriptionStatus status, Tier tier) {
    return new SubscriptionState("sub_1", "cus_1", status, tier, PERIOD_END, false);
  }

  private static Entitlement.Decision decide(
      Tier current, BillingAccount previous, SubscriptionStatus status, Tier tier, Instant now) {
    return Entitlement.decide(current, previous, state(status, tier), now, GRACE);
  }

  @Test
  void aPaidSubscriptionGrantsItsTierAtOnce() {
    Entitlement.Decision decision =
        decide(Tier.FREE, LINKED, SubscriptionStatus.ACTIVE, Tier.STARTER, NOW);
    assertThat(decision.tier()).isEqualTo(Tier.STARTER);
    assertThat(decision.next().scheduled()).isNull();
    assertThat(decision.next().paidSince()).isEqualTo(NOW);
    assertThat(decision.next().periodEnd()).isEqualTo(PERIOD_END);
  }

  @Test
  void anUpgradeAppliesAtOnceAndADowngradeAtThePeriodEnd() {
    BillingAccount starter =
        decide(Tier.FREE, LINKED, SubscriptionStatus.ACTIVE, Tier.STARTER, NOW).next();
    assertThat(
            decide(Tier.STARTER, starter, SubscriptionStatus.ACTIVE, Tier.ENTERPRISE, NOW).tier())
        .isEqualTo(Tier.ENTERPRISE);

    Entitlement.Decision down =
        decide(Tier.ENTERPRISE, starter, SubscriptionStatus.ACTIVE, Tier.STARTER, NOW);
    assertThat(down.tier()).isEqualTo(Tier.ENTERPRISE);
    assertThat(down.next().scheduled()).isEqualTo(new TierChange(Tier.STARTER, PERIOD_END));

    // the renewal moves the period on; the downgrade keeps the time it was given
    SubscriptionState renewed =
        new SubscriptionState(
            "sub_1",
            "cus_1",
            SubscriptionStatus.ACTIVE,
            Tier.STARTER,
            PERIOD_END.plus(Duration.ofDays(30)),
            false);
    Entitlement.Decision before =
        Entitlement.decide(Tier.ENTERPRISE, down.next(), renewed, NOW.plusSeconds(60), GRACE);
    assertThat(before.next().scheduled()).isEqualTo(new TierChange(Tier.STARTER, PERIOD_END));
    Entitlement.Decision after =
        Entitlement.decide(
            Tier.ENTERPRISE, before.next(), renewed, PERIOD_END.plusSeconds(1), GRACE);
    assertThat(after.tier()).isEqualTo(Tier.STARTER);
    assertThat(after.next().scheduled()).isNull();
  }

  @Test
  void aFailedPaymentKeepsTheTierForTheGraceThenFree() {
    BillingAccount paid =
        decide(Tier.FREE, LINKED, SubscriptionStatus.ACTIVE, Tier.PROFESSIONAL, NOW).next();
    Entitlement.Decision failing =
        decide(Tier.PROFESSIONAL, paid, SubscriptionStatus.PAST_DUE, Tier.PROFESSIONAL, NOW);
    assertThat(failing.tier()).isEqualTo(Tier.PROFESSIONAL);
    assertThat(failing.next().graceUntil()).isEqualTo(NOW.plus(GRACE));
    assertThat(failing.next().scheduled()).isEqualTo(new TierChange(Tier.FREE, NOW.plus(GRACE)));

    // a later failure does not extend the grace
    Entitlement.Decision again =
        decide(
            Tier.PROFESSIONAL,
            failing.next(),
            SubscriptionStatus.PAST_DUE,
            Tier.PROFESSIONAL,
            NOW.plus(Duration.ofDays(3)));
    assertThat(again.next().graceUntil()).isEqualTo(NOW.plus(GRACE));
    assertThat(
            decide(
                    Tier.PROFESSIONAL,
                    again.next(),
                    SubscriptionStatus.UNPAID,
                    Tier.PROFESSIONAL,
                    NOW.plus(GRACE))
                .tier())
        .isEqualTo(Tier.FREE);

    // paying within the grace clears it
    Entitlement.Decision paidAgain =
        decide(
            Tier.PROFESSIONAL,
            again.next(),
            SubscriptionStatus.ACTIVE,
            Tier.PROFESSIONAL,
            NOW.plus(Duration.ofDays(4)));
    assertThat(paidAgain.tier()).isEqualTo(Tier.PROFESSIONAL);
    assertThat(paidAgain.next().graceUntil()).isNull();
    assertThat(paidAgain.next().scheduled()).isNull();
  }

  @Test
  void aCanceledSubscriptionHoldsToThePeriodEndThenFree() {
    BillingAccount paid =
        decide(Tier.FREE, LINKED, SubscriptionStatus.ACTIVE, Tier.STARTER, NOW).next();
    Entitlement.Decision canceled =
        decide(Tier.STARTER, paid, SubscriptionStatus.CANCELED, Tier.STARTER, NOW);
    assertThat(canceled.tier()).isEqualTo(Tier.STARTER);
    assertThat(canceled.next().scheduled()).isEqualTo(new TierChange(Tier.FREE, PERIOD_END));
    assertThat(canceled.next().endedAt()).isEqualTo(NOW);
    assertThat(
            decide(Tier.STARTER, paid, SubscriptionStatus.CANCELED, Tier.STARTER, PERIOD_END)
                .tier())
        .isEqualTo(Tier.FREE);
    // a notification read late, after the period, grants nothing
    assertThat(
            decide(
                    Tier.FREE,
                    LINKED,
                    SubscriptionStatus.CANCELED,
                    Tier.STARTER,
                    PERIOD_END.plusSeconds(1))
                .tier())
        .isEqualTo(Tier.FREE);
  }

  @Test
  void anOlderReadIsNotAppliedOverANewerOne() {
    BillingAccount read =
        decide(Tier.FREE, LINKED, SubscriptionStatus.ACTIVE, Tier.ENTERPRISE, NOW).next();
    Entitlement.Decision stale =
        decide(
            Tier.ENTERPRISE,
            read,
            SubscriptionStatus.CANCELED,
            Tier.ENTERPRISE,
            NOW.minusSeconds(1));
    assertThat(stale.stale()).isTrue();
    assertThat(stale.next()).isEqualTo(read);
    assertThat(stale.tier()).isEqualTo(Tier.ENTERPRISE);
  }

  @Test
  void customAccountsUnsoldPricesAndIncompleteCheckoutsChangeNoTier() {
    assertThat(decide(Tier.CUSTOM, LINKED, SubscriptionStatus.CANCELED, Tier.STARTER, NOW).tier())
        .isEqualTo(Tier.CUSTOM);
    assertThat(decide(Tier.STARTER, LINKED, SubscriptionStatus.ACTIVE, null, NOW).tier())
        .isEqualTo(Tier.STARTER);
    assertThat(decide(Tier.FREE, LINKED, SubscriptionStatus.INCOMPLETE, Tier.STARTER, NOW).tier())
        .isEqualTo(Tier.FREE);
    assertThat(
            decide(Tier.STARTER, LINKED, SubscriptionStatus.INCOMPLETE_EXPIRED, Tier.STARTER, NOW)
                .tier())
        .isEqualTo(Tier.FREE);
  }

  @Test
  void aCancellationAfterTheGraceRanOutGrantsNothingMore() {
    BillingAccount paid =
        decide(Tier.FREE, LINKED, SubscriptionStatus.ACTIVE, Tier.PROFESSIONAL, NOW).next();
    BillingAccount failing =
        decide(Tier.PROFESSIONAL, paid, SubscriptionStatus.PAST_DUE, Tier.PROFESSIONAL, NOW).next();
    Instant afterGrace = NOW.plus(GRACE).plus(Duration.ofDays(7));
    Entitlement.Decision canceled =
        decide(Tier.FREE, failing, SubscriptionStatus.CANCELED, Tier.PROFESSIONAL, afterGrace);
    assertThat(canceled.tier()).isEqualTo(Tier.FREE);
  }

  @Test
  void newsOfAnotherSubscriptionDoesNotOverrideTheLiveOne() {
    BillingAccount live =
        decide(Tier.FREE, LINKED, SubscriptionStatus.ACTIVE, Tier.STARTER, NOW).next();
    SubscriptionState old =
        new SubscriptionState(
            "sub_0", "cus_1", SubscriptionStatus.CANCELED, Tier.STARTER, NOW, false);
    Entitlement.Decision ignored =
        Entitlement.decide(Tier.STARTER, live, old, NOW.plusSeconds(5), GRACE);
    assertThat(ignored.stale()).isTrue();
    assertThat(ignored.next()).isEqualTo(live);
    SubscriptionState upgrade =
        new SubscriptionState(
            "sub_2", "cus_1", SubscriptionStatus.ACTIVE, Tier.ENTERPRISE, PERIOD_END, false);
    assertThat(Entitlement.decide(Tier.STARTER, live, upgrade, NOW.plusSeconds(5), GRACE).tier())
        .isEqualTo(Tier.ENTERPRISE);
  }

  @Test
  void aScheduledChangeNeverAppliesToACustomAccount() {
    BillingAccount scheduled =
        LINKED.withScheduled(new TierChange(Tier.STARTER, NOW.minusSeconds(1)));
    assertThat(decide(Tier.CUSTOM, scheduled, SubscriptionStatus.ACTIVE, Tier.STARTER, NOW).tier())
        .isEqualTo(Tier.CUSTOM);
  }
}
