package dev.sremcp.domain.billing;

import dev.sremcp.domain.account.Tier;
import java.time.Instant;
import java.util.Objects;

/**
 * A subscription as the payment provider reports it now.
 *
 * @param tier the tier its price sells; {@code null} when the price is not one this server sells
 * @param periodEnd the end of the period paid for
 */
public record SubscriptionState(
    String id,
    String customer,
    SubscriptionStatus status,
    Tier tier,
    Instant periodEnd,
    boolean cancelAtPeriodEnd) {

  public SubscriptionState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(periodEnd, "periodEnd");
  }
}
