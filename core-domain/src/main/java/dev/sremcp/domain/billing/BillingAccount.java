package dev.sremcp.domain.billing;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Tier;
import java.time.Instant;
import java.util.Objects;

/**
 * What sre-mcp keeps about an account's subscription: the provider's customer, the subscription as
 * last read from the provider, and the tier change it has scheduled. No card data, no address.
 *
 * @param subscription {@code null} until the first subscription is seen
 * @param status {@code null} until the first subscription is seen
 * @param subscribedTier the tier the subscription's price sells, or {@code null}
 * @param graceUntil when a failed payment's grace ends, while the provider is still retrying
 * @param scheduled the tier change waiting for its time, or {@code null}
 * @param syncedAt when the subscription was read from the provider; older reads are not applied
 * @param paidSince when the subscription was first seen paid up, for "new paying accounts"
 * @param endedAt when the subscription was first seen canceled, for "churned accounts"
 */
public record BillingAccount(
    AccountId account,
    String customer,
    String subscription,
    SubscriptionStatus status,
    Tier subscribedTier,
    Instant periodEnd,
    Instant graceUntil,
    TierChange scheduled,
    Instant syncedAt,
    Instant paidSince,
    Instant endedAt) {

  public BillingAccount {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(customer, "customer");
  }

  /** A customer just linked to an account, before any subscription. */
  public static BillingAccount linked(AccountId account, String customer) {
    return new BillingAccount(
        account, customer, null, null, null, null, null, null, null, null, null);
  }

  public BillingAccount withScheduled(TierChange change) {
    return new BillingAccount(
        account,
        customer,
        subscription,
        status,
        subscribedTier,
        periodEnd,
        graceUntil,
        change,
        syncedAt,
        paidSince,
        endedAt);
  }
}
