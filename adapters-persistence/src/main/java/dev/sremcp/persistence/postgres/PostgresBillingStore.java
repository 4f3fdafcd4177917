package dev.sremcp.persistence.postgres;

import static dev.sremcp.persistence.postgres.PostgresAccountStore.instant;
import static dev.sremcp.persistence.postgres.PostgresCredentialStore.utc;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.account.TierTable;
import dev.sremcp.domain.billing.BillingAccount;
import dev.sremcp.domain.billing.BillingEvent;
import dev.sremcp.domain.billing.Entitlement;
import dev.sremcp.domain.billing.SubscriptionStatus;
import dev.sremcp.domain.billing.TierChange;
import dev.sremcp.ports.out.BillingStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Billing records and processed notifications in PostgreSQL. A notification's row, the account's
 * billing record, its tier and the audit row of a change are written in one transaction, with the
 * account's rows locked (the account's row first, always), so concurrent deliveries apply a
 * notification once and in turn.
 */
public final class PostgresBillingStore implements BillingStore {

  private static final String COLUMNS =
      "account_id, customer, subscription, status, subscribed_tier, period_end, grace_until,"
          + " scheduled_tier, scheduled_at, synced_at, paid_since, ended_at";

  private final Database database;

  public PostgresBillingStore(Database database) {
    this.database = database;
  }

  @Override
  public Optional<BillingAccount> find(AccountId account) {
    return database.withHandle(handle -> find(handle, account, false));
  }

  @Override
  public Optional<BillingAccount> findByCustomer(String customer) {
    return database.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM billing_account WHERE customer = :c")
                .bind("c", customer)
                .map(PostgresBillingStore::record)
                .findOne());
  }

  @Override
  public List<BillingAccount> list() {
    return database.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM billing_account ORDER BY account_id")
                .map(PostgresBillingStore::record)
                .list());
  }

  @Override
  public BillingAccount link(AccountId account, String customer) {
    return database.inTransaction(
        handle -> {
          handle
              .createUpdate(
                  "INSERT INTO billing_account (account_id, customer) VALUES (:a, :c)"
                      + " ON CONFLICT DO NOTHING")
              .bind("a", account.value())
              .bind("c", customer)
              .execute();
          return find(handle, account, false)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "customer " + customer + " is linked to another account"));
        });
  }

  @Override
  public boolean processed(String eventId) {
    return database.withHandle(
        handle ->
            handle
                    .createQuery("SELECT count(*) FROM billing_event WHERE id = :id")
                    .bind("id", eventId)
                    .mapTo(Long.class)
                    .one()
                > 0);
  }

  @Override
  public boolean record(BillingEvent event, String outcome, Instant now) {
    return database.withHandle(handle -> insertEvent(handle, event, null, outcome, now));
  }

  @Override
  public Applied apply(BillingEvent event, AccountId account, Transition transition, Instant now) {
    return database.inTransaction(
        handle -> {
          // The account first, then the event (whose foreign key share-locks the account):
          // two notifications for one account then queue instead of deadlocking.
          Tier current = lockedTier(handle, account);
          if (!insertEvent(handle, event, account, "applied", now)) {
            return new Applied.Duplicate();
          }
          BillingAccount previous =
              find(handle, account, true)
                  .orElseThrow(
                      () -> new IllegalStateException("no customer is linked to " + account));
          Entitlement.Decision decision = transition.decide(current, previous);
          if (decision.stale()) {
            handle
                .createUpdate("UPDATE billing_event SET outcome = 'stale' WHERE id = :id")
                .bind("id", event.id())
                .execute();
          }
          store(handle, decision.next());
          changeTier(handle, account, current, decision.tier(), "stripe:" + event.id(), now);
          return new Applied.Done(current, decision.tier(), decision);
        });
  }

  @Override
  public int applyDue(Instant now) {
    List<AccountId> due =
        database.withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT account_id FROM billing_account WHERE scheduled_at <= :now")
                    .bind("now", utc(now))
                    .map((row, context) -> new AccountId(row.getObject(1, UUID.class)))
                    .list());
    int applied = 0;
    for (AccountId account : due) {
      boolean done =
          database.inTransaction(
              handle -> {
                Tier current = lockedTier(handle, account);
                Optional<BillingAccount> record = find(handle, account, true);
                TierChange change = record.map(BillingAccount::scheduled).orElse(null);
                if (change == null || !change.dueAt(now)) {
                  return false; // another instance applied it first
                }
                store(handle, record.get().withScheduled(null));
                if (current == Tier.CUSTOM) {
                  return false; // the operator's contract since: billing leaves it alone
                }
                changeTier(handle, account, current, change.tier(), "billing:schedule", now);
                return true;
              });
      applied += done ? 1 : 0;
    }
    return applied;
  }

  private static boolean insertEvent(
      Handle handle, BillingEvent event, AccountId account, String outcome, Instant now) {
    return handle
            .createUpdate(
                "INSERT INTO billing_event (id, type, created, account_id, outcome, received_at)"
                    + " VALUES (:id, :type, :created, CAST(:account AS uuid), :outcome, :now)"
                    + " ON CONFLICT DO NOTHING")
            .bind("id", event.id())
            .bind("type", event.type())
            .bind("created", utc(event.created()))
            .bind("account", account == null ? null : account.value())
            .bind("outcome", outcome)
            .bind("now", utc(now))
            .execute()
        == 1;
  }

  private static Tier lockedTier(Handle handle, AccountId account) {
    return handle
        .createQuery("SELECT tier FROM account WHERE id = :id FOR NO KEY UPDATE")
        .bind("id", account.value())
        .mapTo(String.class)
        .findOne()
        .flatMap(TierTable::tierNamed)
        .orElseThrow(() -> new IllegalStateException("no account " + account));
  }

  private static void changeTier(
      Handle handle, AccountId account, Tier from, Tier to, String actor, Instant now) {
    if (from == to) {
      return;
    }
    handle
        .createUpdate("UPDATE account SET tier = :tier WHERE id = :id")
        .bind("tier", to.id())
        .bind("id", account.value())
        .execute();
    handle
        .createUpdate(
            "INSERT INTO audit_event (at, account_id, actor, action, target, outcome)"
                + " VALUES (:at, :account, :actor, 'billing.tier', :target, 'ok')")
        .bind("at", utc(now))
        .bind("account", account.value())
        .bind("actor", actor)
        .bind("target", from.id() + "->" + to.id())
        .execute();
  }

  private static void store(Handle handle, BillingAccount record) {
    TierChange scheduled = record.scheduled();
    handle
        .createUpdate(
            "UPDATE billing_account SET subscription = :subscription, status = :status,"
                + " subscribed_tier = :tier, period_end = :periodEnd, grace_until = :grace,"
                + " scheduled_tier = :scheduledTier, scheduled_at = :scheduledAt,"
                + " synced_at = :synced, paid_since = :paidSince, ended_at = :ended"
                + " WHERE account_id = :account")
        .bind("account", record.account().value())
        .bind("subscription", record.subscription())
        .bind("status", record.status() == null ? null : record.status().id())
        .bind("tier", record.subscribedTier() == null ? null : record.subscribedTier().id())
        .bind("periodEnd", utc(record.periodEnd()))
        .bind("grace", utc(record.graceUntil()))
        .bind("scheduledTier", scheduled == null ? null : scheduled.tier().id())
        .bind("scheduledAt", scheduled == null ? null : utc(scheduled.at()))
        .bind("synced", utc(record.syncedAt()))
        .bind("paidSince", utc(record.paidSince()))
        .bind("ended", utc(record.endedAt()))
        .execute();
  }

  private static Optional<BillingAccount> find(Handle handle, AccountId account, boolean lock) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM billing_account WHERE account_id = :a"
                + (lock ? " FOR UPDATE" : ""))
        .bind("a", account.value())
        .map(PostgresBillingStore::record)
        .findOne();
  }

  private static BillingAccount record(ResultSet row, StatementContext context)
      throws SQLException {
    String scheduledTier = row.getString("scheduled_tier");
    return new BillingAccount(
        new AccountId(row.getObject("account_id", UUID.class)),
        row.getString("customer"),
        row.getString("subscription"),
        SubscriptionStatus.fromId(row.getString("status")).orElse(null),
        tier(row.getString("subscribed_tier")),
        instant(row, "period_end"),
        instant(row, "grace_until"),
        scheduledTier == null
            ? null
            : new TierChange(tier(scheduledTier), instant(row, "scheduled_at")),
        instant(row, "synced_at"),
        instant(row, "paid_since"),
        instant(row, "ended_at"));
  }

  private static Tier tier(String id) {
    return id == null ? null : TierTable.tierNamed(id).orElse(null);
  }
}
