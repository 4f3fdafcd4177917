package dev.sremcp.ports.out;

import dev.sremcp.domain.account.Account;
import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.account.TierLimits;
import java.util.List;
import java.util.Optional;

/** Accounts: who the customers are and which tier each is on. */
public interface AccountStore {

  /**
   * Adds an account; empty when the e-mail address (compared case-insensitively) is already taken.
   */
  Optional<Account> create(Account account);

  Optional<Account> find(AccountId id);

  Optional<Account> findByEmail(String email);

  /** Every account, oldest first. */
  List<Account> list();

  /**
   * Moves an account to a tier; {@code customLimits} only for {@code custom}. False when there is
   * no such account.
   */
  boolean setTier(AccountId id, Tier tier, TierLimits customLimits);
}
