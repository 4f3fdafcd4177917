package dev.sremcp.testkit.ports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sremcp.domain.account.Account;
import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Priority;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.account.TierLimits;
import dev.sremcp.ports.out.AccountStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountStore} promises: an e-mail address is taken once whatever its case,
 * accounts come back as stored, and a tier change keeps a custom account's own limits.
 */
public abstract class AccountStoreContract {

  protected abstract AccountStore store();

  /** An account with a fresh id and address; times at microseconds, as every store keeps them. */
  protected static Account newAccount(Tier tier) {
    UUID id = UUID.randomUUID();
    return new Account(
        new AccountId(id),
        "Person-" + id + "@Example.com",
        tier,
        null,
        Instant.now().truncatedTo(ChronoUnit.MICROS));
  }

  @Test
  void storesAndFindsByIdAndByAddressWhateverItsCase() {
    Account account = newAccount(Tier.STARTER);
    assertThat(store().create(account)).contains(account);
    assertThat(store().find(account.id())).contains(account);
    assertThat(store().findByEmail("  " + account.email().toUpperCase() + " ")).contains(account);
    assertThat(store().find(new AccountId(UUID.randomUUID()))).isEmpty();
    assertThat(store().findByEmail("nobody-" + UUID.randomUUID() + "@example.com")).isEmpty();
  }

  @Test
  void anAddressIsTakenOnceWhateverItsCase() {
    Account first = newAccount(Tier.FREE);
    store().create(first);
    Account again =
        new Account(
            new AccountId(UUID.randomUUID()),
            first.email().toLowerCase(),
            Tier.FREE,
            null,
            first.createdAt());
    assertThat(store().create(again)).isEmpty();
    assertThat(store().find(again.id())).isEmpty();
  }

  @Test
  void anIdIsTakenOnce() {
    Account first = newAccount(Tier.FREE);
    store().create(first);
    Account sameId =
        new Account(
            first.id(),
            "other-" + UUID.randomUUID() + "@example.com",
            Tier.FREE,
            null,
            first.createdAt());
    assertThat(store().create(sameId)).isEmpty();
    assertThat(store().find(first.id())).contains(first);
  }

  @Test
  void listsOldestFirst() {
    Account older = newAccount(Tier.FREE);
    Account newer =
        new Account(
            new AccountId(UUID.randomUUID()),
            "newer-" + UUID.randomUUID() + "@example.com",
            Tier.FREE,
            null,
            older.createdAt().plusSeconds(1));
    store().create(newer);
    store().create(older);
    assertThat(store().list()).containsSubsequence(older, newer);
  }

  @Test
  void setsTheTierAndACustomAccountsOwnLimits() {
    Account account = newAccount(Tier.FREE);
    store().create(account);
    TierLimits own = new TierLimits(123_456, 321, 40, 7, 2_000_000, Priority.HIGH);

    assertThat(store().setTier(account.id(), Tier.CUSTOM, own)).isTrue();
    assertThat(store().find(account.id()).orElseThrow())
        .satisfies(
            found -> {
              assertThat(found.tier()).isEqualTo(Tier.CUSTOM);
              assertThat(found.customLimits()).isEqualTo(own);
              assertThat(found.email()).isEqualTo(account.email());
            });

    assertThat(store().setTier(account.id(), Tier.PROFESSIONAL, null)).isTrue();
    assertThat(store().find(account.id()).orElseThrow().customLimits()).isNull();
    assertThat(store().find(account.id()).orElseThrow().tier()).isEqualTo(Tier.PROFESSIONAL);
  }

  @Test
  void settingTheTierOfNoAccountChangesNothing() {
    assertThat(store().setTier(new AccountId(UUID.randomUUID()), Tier.ENTERPRISE, null)).isFalse();
  }
}
