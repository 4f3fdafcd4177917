package dev.sremcp.domain.account;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A refresh token as the store keeps it: the hash of an opaque random value, in a family that
 * starts at a login. Each use consumes it and issues its successor; a consumed token presented
 * again revokes the whole family.
 */
public record RefreshToken(
    byte[] hash, UUID family, AccountId account, Instant issuedAt, Instant expiresAt) {

  public RefreshToken {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    hash = hash.clone();
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RefreshToken token
        && java.util.Arrays.equals(hash, token.hash)
        && family.equals(token.family)
        && account.equals(token.account)
        && issuedAt.equals(token.issuedAt)
        && expiresAt.equals(token.expiresAt);
  }

  @Override
  public int hashCode() {
    return family.hashCode();
  }

  @Override
  public String toString() {
    return "RefreshToken[family " + family + ", " + account + "]";
  }
}
