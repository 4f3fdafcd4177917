package dev.sremcp.ports.out;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.billing.BillingEvent;
import dev.sremcp.domain.billing.SubscriptionState;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Taking payments for tiers: the provider's customers, its hosted checkout and self-service pages,
 * its subscriptions (the source of truth for what was paid), and its signed notifications.
 *
 * @implSpec calls to the provider throw {@link PaymentsException}; they are idempotent where the
 *     provider allows it, so a retried call creates nothing twice
 */
public interface Payments {

  /** The tiers a checkout can sell here (those with a price configured). */
  Set<Tier> sold();

  /** Creates the provider's customer for an account (once per account, however often called). */
  String createCustomer(AccountId account, String email);

  /** A hosted page where the customer subscribes to {@code tier}; back to {@code returnTo}. */
  URI checkout(String customer, AccountId account, Tier tier, URI returnTo);

  /**
   * A hosted page where the customer manages or cancels the subscription; with a {@code
   * subscription}, it opens on changing that subscription's plan. A single-use bearer link: never
   * log it.
   */
  URI portal(String customer, URI returnTo, String subscription);

  /** The subscription as the provider has it now; empty when the provider has no such one. */
  Optional<SubscriptionState> subscription(String id);

  /**
   * The notification in {@code payload}, once its signature is checked against the raw body.
   *
   * @throws InvalidNotificationException when the signature is missing, wrong or too old, or the
   *     payload is not a notification; nothing may be applied then
   */
  BillingEvent verify(String payload, String signature, Instant now);

  /** A notification that is not authentic: it must change nothing. */
  final class InvalidNotificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidNotificationException(String message) {
      super(message, null, false, false);
    }
  }
}
