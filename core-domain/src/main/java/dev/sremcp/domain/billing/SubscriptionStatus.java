package dev.sremcp.domain.billing;

import java.util.Locale;
import java.util.Optional;

/** A subscription's status, as payment providers (Stripe's names) report it. */
public enum SubscriptionStatus {
  INCOMPLETE,
  INCOMPLETE_EXPIRED,
  TRIALING,
  ACTIVE,
  PAST_DUE,
  UNPAID,
  PAUSED,
  CANCELED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<SubscriptionStatus> fromId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    for (SubscriptionStatus status : values()) {
      if (status.id().equals(id)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  /** Paid up: the subscription's tier applies without conditions. */
  public boolean paidUp() {
    return this == ACTIVE || this == TRIALING;
  }

  /** A payment failed and the provider is still retrying: the tier holds for a grace period. */
  public boolean dunning() {
    return this == PAST_DUE || this == UNPAID;
  }
}
