package dev.sremcp.ports.out;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.billing.BillingAccount;
import dev.sremcp.domain.billing.BillingEvent;
import dev.sremcp.domain.billing.Entitlement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What sre-mcp keeps about subscriptions, and the payment notifications it has processed. Each
 * notification is recorded once by its id, in the same transaction as what it changed: an account's
 * billing record, its tier, and an audit row for a tier change.
 */
public interface BillingStore {

  Optional<BillingAccount> find(AccountId account);

  Optional<BillingAccount> findByCustomer(String customer);

  /** Every billing record. */
  List<BillingAccount> list();

  /**
   * Links a provider's customer to an account unless one is linked already; returns the record
   * kept, so that concurrent first checkouts end with one customer.
   */
  BillingAccount link(AccountId account, String customer);

  /** True when a notification with this id was recorded. */
  boolean processed(String eventId);

  /**
   * Records a notification that changes nothing (a type not handled, an unknown customer) with its
   * outcome; false when it was recorded before.
   */
  boolean record(BillingEvent event, String outcome, Instant now);

  /**
   * In one transaction: records the notification (nothing else happens when it was recorded
   * before), reads the account's tier and billing record under a lock, asks {@code transition} for
   * the decision, stores the new record and tier, and audits a tier change.
   */
  Applied apply(BillingEvent event, AccountId account, Transition transition, Instant now);

  /** Applies the scheduled tier changes due at {@code now}, each audited; returns how many. */
  int applyDue(Instant now);

  /** The decision for one account, made inside the store's transaction. */
  @FunctionalInterface
  interface Transition {
    Entitlement.Decision decide(Tier current, BillingAccount previous);
  }

  /** What {@link #apply} did. */
  sealed interface Applied {
    /** The notification was recorded before; nothing changed. */
    record Duplicate() implements Applied {}

    /** Recorded; the tier went {@code from} → {@code to} (the same when unchanged). */
    record Done(Tier from, Tier to, Entitlement.Decision decision) implements Applied {}
  }
}
