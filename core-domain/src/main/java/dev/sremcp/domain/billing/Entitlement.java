package dev.sremcp.domain.billing;

import dev.sremcp.domain.account.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a subscription entitles its account to, decided from the subscription as the provider
 * reports it now, never from the order events arrived in:
 *
 * <ul>
 *   <li>paid up (active, trialing): the subscription's tier; an upgrade applies at once, a
 *       downgrade at the end of the period already paid for;
 *   <li>a failed payment (past due, unpaid): the tier holds for a grace period from the first
 *       failure seen, then the free tier;
 *   <li>canceled: the tier holds to the end of the period paid for, then the free tier;
 *   <li>expired or paused: the free tier at once; incomplete (the first payment is still pending):
 *       nothing changes.
 * </ul>
 *
 * A {@code custom} account's tier is the operator's contract and is never changed here; neither is
 * any tier when the subscription's price is not one this server sells. News of another subscription
 * than the account's live one changes nothing unless that one is paid up (a new subscription); a
 * subscription canceled after its grace ran out grants nothing more.
 */
public final class Entitlement {

  private Entitlement() {}

  /**
   * The account's billing record and tier after reading {@code state}.
   *
   * @param stale true when nothing was applied: {@code state} was read before the record's last
   *     read, or it is another subscription's while the account's own is live
   */
  public record Decision(BillingAccount next, Tier tier, boolean stale) {
    public Decision {
      Objects.requireNonNull(next, "next");
      Objects.requireNonNull(tier, "tier");
    }
  }

  /**
   * @param current the account's tier now
   * @param previous what is kept about its subscription (at least the linked customer)
   * @param state the subscription as read from the provider at {@code now}
   * @param grace how long a failed payment keeps the tier
   */
  public static Decision decide(
      Tier current, BillingAccount previous, SubscriptionState state, Instant now, Duration grace) {
    if (previous.syncedAt() != null && now.isBefore(previous.syncedAt())) {
      return new Decision(previous, current, true);
    }
    boolean sameSubscription = state.id().equals(previous.subscription());
    SubscriptionStatus status = state.status();
    if (!sameSubscription
        && previous.status() != null
        && (previous.status().paidUp() || previous.status().dunning())
        && !status.paidUp()) {
      // news of another, older or abandoned subscription: the live one decides
      return new Decision(previous, current, true);
    }
    TierChange pending = current == Tier.CUSTOM ? null : previous.scheduled();
    if (pending != null && pending.dueAt(now)) {
      current = pending.tier();
      pending = null;
    }
    Instant graceUntil =
        !status.dunning()
            ? null
            : sameSubscription && previous.graceUntil() != null
                ? previous.graceUntil()
                : now.plus(grace);
    Instant paidSince =
        sameSubscription && previous.paidSince() != null
            ? previous.paidSince()
            : status.paidUp() ? now : null;
    Instant endedAt =
        status != SubscriptionStatus.CANCELED
            ? null
            : sameSubscription && previous.endedAt() != null ? previous.endedAt() : now;

    Tier tier = current;
    TierChange scheduled = pending;
    if (current != Tier.CUSTOM && state.tier() != null && status != SubscriptionStatus.INCOMPLETE) {
      // a subscription canceled after its grace ran out grants nothing more
      Instant canceledGrantEnds =
          sameSubscription && previous.graceUntil() != null
              ? previous.graceUntil()
              : state.periodEnd();
      Grant grant = grant(state, graceUntil, canceledGrantEnds, now);
      if (grant.tier().includes(current)) {
        tier = grant.tier();
        scheduled = grant.until();
      } else if (grant.until() != null) {
        scheduled = grant.until(); // paid for: the higher tier holds until the grant ends
      } else if (status.paidUp()) {
        TierChange downgrade =
            pending != null && pending.tier() == grant.tier()
                ? pending
                : new TierChange(grant.tier(), later(now, state.periodEnd()));
        if (downgrade.dueAt(now)) {
          tier = downgrade.tier();
          scheduled = null;
        } else {
          scheduled = downgrade;
        }
      } else {
        tier = grant.tier();
        scheduled = null;
      }
    }
    BillingAccount next =
        new BillingAccount(
            previous.account(),
            previous.customer(),
            state.id(),
            status,
            state.tier(),
            state.periodEnd(),
            graceUntil,
            scheduled,
            now,
            paidSince,
            endedAt);
    return new Decision(next, tier, false);
  }

  /** The tier a subscription grants now, and when it stops granting it ({@code null}: not set). */
  private record Grant(Tier tier, TierChange until) {}

  private static Grant grant(
      SubscriptionState state, Instant graceUntil, Instant canceledUntil, Instant now) {
    if (state.status().paidUp()) {
      return new Grant(state.tier(), null);
    }
    Instant end =
        state.status().dunning()
            ? graceUntil
            : state.status() == SubscriptionStatus.CANCELED ? canceledUntil : now;
    return end.isAfter(now)
        ? new Grant(state.tier(), new TierChange(Tier.FREE, end))
        : new Grant(Tier.FREE, null);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
