package dev.sremcp.testkit.fakes;

import dev.sremcp.domain.account.Account;
import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.account.TierLimits;
import dev.sremcp.ports.out.AccountStore;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Accounts in memory, under one lock. */
public final class InMemoryAccountStore implements AccountStore {

  private final Map<AccountId, Account> accounts = new LinkedHashMap<>();

  @Override
  public synchronized Optional<Account> create(Account account) {
    if (accounts.containsKey(account.id()) || findByEmail(account.email()).isPresent()) {
      return Optional.empty();
    }
    accounts.put(account.id(), account);
    return Optional.of(account);
  }

  @Override
  public synchronized Optional<Account> find(AccountId id) {
    return Optional.ofNullable(accounts.get(id));
  }

  @Override
  public synchronized Optional<Account> findByEmail(String email) {
    String wanted = email.strip().toLowerCase(Locale.ROOT);
    return accounts.values().stream()
        .filter(account -> account.email().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  @Override
  public synchronized List<Account> list() {
    return accounts.values().stream()
        .sorted(
            Comparator.comparing(Account::createdAt).thenComparing(account -> account.id().value()))
        .toList();
  }

  @Override
  public synchronized boolean setTier(AccountId id, Tier tier, TierLimits customLimits) {
    Account account = accounts.get(id);
    if (account == null) {
      return false;
    }
    accounts.put(id, new Account(id, account.email(), tier, customLimits, account.createdAt()));
    return true;
  }
}
