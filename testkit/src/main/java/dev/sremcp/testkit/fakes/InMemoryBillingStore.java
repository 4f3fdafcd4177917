package dev.sremcp.testkit.fakes;

import dev.sremcp.domain.account.Account;
import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.billing.BillingAccount;
import dev.sremcp.domain.billing.BillingEvent;
import dev.sremcp.domain.billing.Entitlement;
import dev.sremcp.domain.usage.AuditEvent;
import dev.sremcp.ports.out.AccountStore;
import dev.sremcp.ports.out.AuditLog;
import dev.sremcp.ports.out.BillingStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Billing records in memory, under one lock; tier changes go through the given account store and
 * audit log, as the real store's transaction writes them.
 */
public final class InMemoryBillingStore implements BillingStore {

  private final AccountStore accounts;
  private final AuditLog audit;
  private final Map<AccountId, BillingAccount> records = new LinkedHashMap<>();
  private final Map<String, String> events = new LinkedHashMap<>();

  public InMemoryBillingStore(AccountStore accounts, AuditLog audit) {
    this.accounts = accounts;
    this.audit = audit;
  }

  @Override
  public synchronized Optional<BillingAccount> find(AccountId account) {
    return Optional.ofNullable(records.get(account));
  }

  @Override
  public synchronized Optional<BillingAccount> findByCustomer(String customer) {
    return records.values().stream().filter(r -> r.customer().equals(customer)).findFirst();
  }

  @Override
  public synchronized List<BillingAccount> list() {
    return new ArrayList<>(records.values());
  }

  @Override
  public synchronized BillingAccount link(AccountId account, String customer) {
    return records.computeIfAbsent(account, id -> BillingAccount.linked(id, customer));
  }

  @Override
  public synchronized boolean processed(String eventId) {
    return events.containsKey(eventId);
  }

  @Override
  public synchronized boolean record(BillingEvent event, String outcome, Instant now) {
    return events.putIfAbsent(event.id(), outcome) == null;
  }

  @Override
  public synchronized Applied apply(
      BillingEvent event, AccountId account, Transition transition, Instant now) {
    if (events.containsKey(event.id())) {
      return new Applied.Duplicate();
    }
    Account owner = accounts.find(account).orElseThrow();
    BillingAccount previous =
        Optional.ofNullable(records.get(account))
            .orElseThrow(() -> new IllegalStateException("no customer is linked to " + account));
    Entitlement.Decision decision = transition.decide(owner.tier(), previous);
    events.put(event.id(), decision.stale() ? "stale" : "applied");
    records.put(account, decision.next());
    changeTier(owner, decision.tier(), "stripe:" + event.id(), now);
    return new Applied.Done(owner.tier(), decision.tier(), decision);
  }

  @Override
  public synchronized int applyDue(Instant now) {
    int applied = 0;
    for (BillingAccount record : List.copyOf(records.values())) {
      if (record.scheduled() != null && record.scheduled().dueAt(now)) {
        Account owner = accounts.find(record.account()).orElseThrow();
        records.put(record.account(), record.withScheduled(null));
        if (owner.tier() != Tier.CUSTOM) {
          changeTier(owner, record.scheduled().tier(), "billing:schedule", now);
          applied++;
        }
      }
    }
    return applied;
  }

  private void changeTier(Account owner, Tier tier, String actor, Instant now) {
    if (owner.tier() != tier) {
      accounts.setTier(owner.id(), tier, null);
      audit.append(
          new AuditEvent(
              now,
              owner.id(),
              actor,
              "billing.tier",
              owner.tier().id() + "->" + tier.id(),
              null,
              0,
              "ok"));
    }
  }
}
