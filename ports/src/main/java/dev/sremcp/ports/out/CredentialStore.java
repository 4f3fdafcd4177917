package dev.sremcp.ports.out;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.RefreshToken;
import dev.sremcp.domain.account.StoredKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * API keys, password hashes and refresh tokens. Everything secret is stored as a hash; every query
 * that lists or changes an account's credentials is scoped by that account.
 */
public interface CredentialStore {

  void addKey(StoredKey key);

  /** A key by its public id, active or not. */
  Optional<StoredKey> findKey(String id);

  /** The account's keys, newest first. */
  List<StoredKey> keys(AccountId owner);

  /** Revokes the owner's key; false when the owner has no such active key. */
  boolean revokeKey(AccountId owner, String id, Instant at);

  void setPasswordHash(AccountId account, String hash);

  Optional<String> passwordHash(AccountId account);

  void addRefreshToken(RefreshToken token);

  /**
   * Uses a refresh token once, atomically: the first use of an unexpired, unrevoked token returns
   * it; a second use of the same token, from anyone, revokes its whole family and says so.
   */
  RefreshUse useRefreshToken(byte[] hash, Instant now);

  /** Revokes a family (a logout, or a detected reuse). */
  void revokeFamily(UUID family, Instant at);

  /** What presenting a refresh token did. */
  sealed interface RefreshUse {
    /** The token was valid; it is now used, and its successor may be issued in its family. */
    record Valid(RefreshToken token) implements RefreshUse {}

    /** The token had been used before: the family is now revoked. */
    record Reused(UUID family, AccountId account) implements RefreshUse {}

    /** Unknown, expired or revoked. */
    record Invalid() implements RefreshUse {}
  }
}
