package dev.sremcp.domain.billing;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified notification from the payment provider, reduced to what sre-mcp acts on. Nothing else
 * of the payload (addresses, card details) is kept.
 *
 * @param type the provider's event type, e.g. {@code invoice.paid}
 * @param created when the provider created the event
 * @param subscription the subscription it concerns, or {@code null}
 * @param customer the customer it concerns, or {@code null}
 * @param accountReference the account named by the checkout ({@code client_reference_id} or the
 *     subscription's metadata), or {@code null}
 */
public record BillingEvent(
    String id,
    String type,
    Instant created,
    String subscription,
    String customer,
    String accountReference) {

  /** The event types that can change what an account is entitled to. */
  public static final java.util.Set<String> HANDLED =
      java.util.Set.of(
          "checkout.session.completed",
          "customer.subscription.created",
          "customer.subscription.updated",
          "customer.subscription.deleted",
          "invoice.paid",
          "invoice.payment_failed");

  public BillingEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(created, "created");
  }

  public boolean handled() {
    return HANDLED.contains(type) && subscription != null;
  }
}
