package dev.sremcp.testkit.fakes;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.RefreshToken;
import dev.sremcp.domain.account.StoredKey;
import dev.sremcp.ports.out.CredentialStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** API keys, password hashes and refresh tokens in memory, under one lock. */
public final class InMemoryCredentialStore implements CredentialStore {

  private final Map<String, StoredKey> keys = new HashMap<>();
  private final Map<AccountId, String> passwords = new HashMap<>();
  private final Map<String, Refresh> refreshTokens = new HashMap<>();

  /** A refresh token and what has happened to it. */
  private record Refresh(RefreshToken token, Instant usedAt, Instant revokedAt) {}

  @Override
  public synchronized void addKey(StoredKey key) {
    if (keys.putIfAbsent(key.id(), key) != null) {
      throw new IllegalStateException("duplicate key id " + key.id());
    }
  }

  @Override
  public synchronized Optional<StoredKey> findKey(String id) {
    return Optional.ofNullable(keys.get(id));
  }

  @Override
  public synchronized List<StoredKey> keys(AccountId owner) {
    return keys.values().stream()
        .filter(key -> key.account().equals(owner))
        .sorted(Comparator.comparing(StoredKey::createdAt).reversed().thenComparing(StoredKey::id))
        .toList();
  }

  @Override
  public synchronized boolean revokeKey(AccountId owner, String id, Instant at) {
    StoredKey key = keys.get(id);
    if (key == null || !key.account().equals(owner) || !key.active()) {
      return false;
    }
    keys.put(
        id,
        new StoredKey(
            key.id(),
            key.account(),
            key.name(),
            key.secretHash(),
            key.lastFour(),
            key.createdAt(),
            at));
    return true;
  }

  @Override
  public synchronized void setPasswordHash(AccountId account, String hash) {
    passwords.put(account, hash);
  }

  @Override
  public synchronized Optional<String> passwordHash(AccountId account) {
    return Optional.ofNullable(passwords.get(account));
  }

  @Override
  public synchronized void addRefreshToken(RefreshToken token) {
    if (refreshTokens.putIfAbsent(hex(token.hash()), new Refresh(token, null, null)) != null) {
      throw new IllegalStateException("duplicate refresh token");
    }
  }

  @Override
  public synchronized RefreshUse useRefreshToken(byte[] hash, Instant now) {
    Refresh refresh = refreshTokens.get(hex(hash));
    if (refresh == null) {
      return new RefreshUse.Invalid();
    }
    if (refresh.usedAt() != null) {
      revokeFamily(refresh.token().family(), now);
      return new RefreshUse.Reused(refresh.token().family(), refresh.token().account());
    }
    if (refresh.revokedAt() != null || !refresh.token().expiresAt().isAfter(now)) {
      return new RefreshUse.Invalid();
    }
    refreshTokens.put(hex(hash), new Refresh(refresh.token(), now, null));
    return new RefreshUse.Valid(refresh.token());
  }

  @Override
  public synchronized void revokeFamily(UUID family, Instant at) {
    refreshTokens.replaceAll(
        (hash, refresh) ->
            refresh.token().family().equals(family) && refresh.revokedAt() == null
                ? new Refresh(refresh.token(), refresh.usedAt(), at)
                : refresh);
  }

  private static String hex(byte[] hash) {
    return HexFormat.of().formatHex(hash);
  }
}
