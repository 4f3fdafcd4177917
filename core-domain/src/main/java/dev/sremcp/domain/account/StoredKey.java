package dev.sremcp.domain.account;

import java.time.Instant;
import java.util.Objects;

/**
 * An API key as the store keeps it: the hash of its secret, never the secret.
 *
 * @param secretHash SHA-256 of the secret
 * @param lastFour the secret's last four characters, to help its owner recognise it
 * @param revokedAt {@code null} while the key is active
 */
public record StoredKey(
    String id,
    AccountId account,
    String name,
    byte[] secretHash,
    String lastFour,
    Instant createdAt,
    Instant revokedAt) {

  public StoredKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(secretHash, "secretHash");
    Objects.requireNonNull(lastFour, "lastFour");
    Objects.requireNonNull(createdAt, "createdAt");
    secretHash = secretHash.clone();
  }

  @Override
  public byte[] secretHash() {
    return secretHash.clone();
  }

  public boolean active() {
    return revokedAt == null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredKey key
        && id.equals(key.id)
        && account.equals(key.account)
        && name.equals(key.name)
        && java.util.Arrays.equals(secretHash, key.secretHash)
        && lastFour.equals(key.lastFour)
        && createdAt.equals(key.createdAt)
        && Objects.equals(revokedAt, key.revokedAt);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "StoredKey[" + id + ", " + account + ", " + (active() ? "active" : "revoked") + "]";
  }
}
