package dev.sremcp.testkit.ports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.RefreshToken;
import dev.sremcp.domain.account.StoredKey;
import dev.sremcp.ports.out.CredentialStore;
import dev.sremcp.ports.out.CredentialStore.RefreshUse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CredentialStore} promises: keys only their owner may revoke, password hashes
 * replaced in place, and refresh tokens used once, where a second use revokes the whole family,
 * even when the two uses race.
 */
public abstract class CredentialStoreContract {

  protected static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  protected abstract CredentialStore store();

  /**
   * An account the store accepts rows for; a store with foreign keys creates a real one. By
   * default, a fresh id.
   */
  protected AccountId newAccount() {
    return new AccountId(UUID.randomUUID());
  }

  @Test
  void keysComeBackAsStoredNewestFirst() {
    AccountId owner = newAccount();
    StoredKey older = key(owner, NOW.minusSeconds(60));
    StoredKey newer = key(owner, NOW);
    store().addKey(older);
    store().addKey(newer);
    store().addKey(key(newAccount(), NOW));

    assertThat(store().findKey(older.id())).contains(older);
    assertThat(store().keys(owner)).containsExactly(newer, older);
    assertThat(store().findKey("nosuchkey000")).isEmpty();
  }

  @Test
  void onlyTheOwnerRevokesAKeyAndOnlyOnce() {
    AccountId owner = newAccount();
    StoredKey key = key(owner, NOW);
    store().addKey(key);

    assertThat(store().revokeKey(newAccount(), key.id(), NOW)).isFalse();
    assertThat(store().findKey(key.id()).orElseThrow().active()).isTrue();

    assertThat(store().revokeKey(owner, key.id(), NOW.plusSeconds(1))).isTrue();
    assertThat(store().findKey(key.id()).orElseThrow().revokedAt()).isEqualTo(NOW.plusSeconds(1));
    assertThat(store().revokeKey(owner, key.id(), NOW.plusSeconds(2))).isFalse();
    assertThat(store().findKey(key.id()).orElseThrow().revokedAt()).isEqualTo(NOW.plusSeconds(1));
  }

  @Test
  void aPasswordHashIsReplacedInPlace() {
    AccountId account = newAccount();
    assertThat(store().passwordHash(account)).isEmpty();
    store().setPasswordHash(account, "$argon2id$first");
    store().setPasswordHash(account, "$argon2id$second");
    assertThat(store().passwordHash(account)).contains("$argon2id$second");
    assertThat(store().passwordHash(newAccount())).isEmpty();
  }

  @Test
  void aRefreshTokenIsValidOnceThenItsReuseRevokesTheFamily() {
    AccountId account = newAccount();
    UUID family = UUID.randomUUID();
    RefreshToken first = refresh(account, family);
    RefreshToken second = refresh(account, family);
    store().addRefreshToken(first);

    assertThat(store().useRefreshToken(first.hash(), NOW)).isEqualTo(new RefreshUse.Valid(first));
    store().addRefreshToken(second);

    assertThat(store().useRefreshToken(first.hash(), NOW.plusSeconds(1)))
        .isEqualTo(new RefreshUse.Reused(family, account));
    assertThat(store().useRefreshToken(second.hash(), NOW.plusSeconds(2)))
        .isInstanceOf(RefreshUse.Invalid.class);
  }

  @Test
  void unknownExpiredAndRevokedTokensAreInvalid() {
    AccountId account = newAccount();
    RefreshToken expired = refresh(account, UUID.randomUUID());
    RefreshToken loggedOut = refresh(account, UUID.randomUUID());
    store().addRefreshToken(expired);
    store().addRefreshToken(loggedOut);
    store().revokeFamily(loggedOut.family(), NOW);

    assertThat(store().useRefreshToken(randomBytes(), NOW)).isInstanceOf(RefreshUse.Invalid.class);
    assertThat(store().useRefreshToken(expired.hash(), expired.expiresAt()))
        .isInstanceOf(RefreshUse.Invalid.class);
    assertThat(store().useRefreshToken(loggedOut.hash(), NOW.plusSeconds(1)))
        .isInstanceOf(RefreshUse.Invalid.class);
  }

  @Test
  void revokingOneFamilyLeavesTheOthers() {
    AccountId account = newAccount();
    RefreshToken kept = refresh(account, UUID.randomUUID());
    RefreshToken revoked = refresh(account, UUID.randomUUID());
    store().addRefreshToken(kept);
    store().addRefreshToken(revoked);
    store().revokeFamily(revoked.family(), NOW);
    assertThat(store().useRefreshToken(kept.hash(), NOW)).isEqualTo(new RefreshUse.Valid(kept));
  }

  /** Sixteen racers present the same token: exactly one gets it, the others see a reuse. */
  @Test
  void racingUsesOfOneTokenAdmitExactlyOne() throws Exception {
    RefreshToken token = refresh(newAccount(), UUID.randomUUID());
    store().addRefreshToken(token);
    List<Future<RefreshUse>> uses = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
      for (int i = 0; i < 16; i++) {
        uses.add(pool.submit(() -> store().useRefreshToken(token.hash(), NOW)));
      }
    }
    List<RefreshUse> results = new ArrayList<>();
    for (Future<RefreshUse> use : uses) {
      results.add(use.get());
    }
    assertThat(results).filteredOn(RefreshUse.Valid.class::isInstance).hasSize(1);
    assertThat(results).filteredOn(RefreshUse.Invalid.class::isInstance).isEmpty();
  }

  protected static StoredKey key(AccountId owner, Instant createdAt) {
    String id = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
    return new StoredKey(
        id, owner, "ci", randomBytes(), "ab12", createdAt.truncatedTo(ChronoUnit.MICROS), null);
  }

  protected static RefreshToken refresh(AccountId account, UUID family) {
    return new RefreshToken(randomBytes(), family, account, NOW, NOW.plus(Duration.ofDays(30)));
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[32];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }
}
