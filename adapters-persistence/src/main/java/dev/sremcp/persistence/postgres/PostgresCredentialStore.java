package dev.sremcp.persistence.postgres;

import static dev.sremcp.persistence.postgres.PostgresAccountStore.instant;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.RefreshToken;
import dev.sremcp.domain.account.StoredKey;
import dev.sremcp.ports.out.CredentialStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.StatementContext;

/** API keys, password hashes and refresh tokens in PostgreSQL; secrets only as hashes. */
public final class PostgresCredentialStore implements CredentialStore {

  private static final String KEY_COLUMNS =
      "id, account_id, name, secret_hash, last_four, created_at, revoked_at";

  private final Database database;

  public PostgresCredentialStore(Database database) {
    this.database = database;
  }

  @Override
  public void addKey(StoredKey key) {
    database.withHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO api_key ("
                        + KEY_COLUMNS
                        + ") VALUES (:id, :account, :name, :hash, :lastFour, :createdAt,"
                        + " :revokedAt)")
                .bind("id", key.id())
                .bind("account", key.account().value())
                .bind("name", key.name())
                .bind("hash", key.secretHash())
                .bind("lastFour", key.lastFour())
                .bind("createdAt", utc(key.createdAt()))
                .bind("revokedAt", utc(key.revokedAt()))
                .execute());
  }

  @Override
  public Optional<StoredKey> findKey(String id) {
    return database.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + KEY_COLUMNS + " FROM api_key WHERE id = :id")
                .bind("id", id)
                .map(PostgresCredentialStore::key)
                .findOne());
  }

  @Override
  public List<StoredKey> keys(AccountId owner) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + KEY_COLUMNS
                        + " FROM api_key WHERE account_id = :account"
                        + " ORDER BY created_at DESC, id")
                .bind("account", owner.value())
                .map(PostgresCredentialStore::key)
                .list());
  }

  @Override
  public boolean revokeKey(AccountId owner, String id, Instant at) {
    return database.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "UPDATE api_key SET revoked_at = :at WHERE id = :id AND account_id"
                            + " = :account AND revoked_at IS NULL")
                    .bind("at", utc(at))
                    .bind("id", id)
                    .bind("account", owner.value())
                    .execute())
        == 1;
  }

  @Override
  public void setPasswordHash(AccountId account, String hash) {
    database.withHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO account_password (account_id, hash, updated_at) VALUES"
                        + " (:account, :hash, now()) ON CONFLICT (account_id) DO UPDATE"
                        + " SET hash = excluded.hash, updated_at = excluded.updated_at")
                .bind("account", account.value())
                .bind("hash", hash)
                .execute());
  }

  @Override
  public Optional<String> passwordHash(AccountId account) {
    return database.withHandle(
        handle ->
            handle
                .createQuery("SELECT hash FROM account_password WHERE account_id = :account")
                .bind("account", account.value())
                .mapTo(String.class)
                .findOne());
  }

  @Override
  public void addRefreshToken(RefreshToken token) {
    database.withHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO refresh_token (hash, family, account_id, issued_at,"
                        + " expires_at) VALUES (:hash, :family, :account, :issuedAt,"
                        + " :expiresAt)")
                .bind("hash", token.hash())
                .bind("family", token.family())
                .bind("account", token.account().value())
                .bind("issuedAt", utc(token.issuedAt()))
                .bind("expiresAt", utc(token.expiresAt()))
                .execute());
  }

  @Override
  public RefreshUse useRefreshToken(byte[] hash, Instant now) {
    return database.inTransaction(
        handle -> {
          Optional<RefreshToken> fresh =
              handle
                  .createQuery(
                      "UPDATE refresh_token SET used_at = :now WHERE hash = :hash AND"
                          + " used_at IS NULL AND revoked_at IS NULL AND expires_at > :now"
                          + " RETURNING hash, family, account_id, issued_at, expires_at")
                  .bind("now", utc(now))
                  .bind("hash", hash)
                  .map(PostgresCredentialStore::refreshToken)
                  .findOne();
          if (fresh.isPresent()) {
            return new RefreshUse.Valid(fresh.get());
          }
          Optional<RefreshToken> used =
              handle
                  .createQuery(
                      "SELECT hash, family, account_id, issued_at, expires_at FROM"
                          + " refresh_token WHERE hash = :hash AND used_at IS NOT NULL")
                  .bind("hash", hash)
                  .map(PostgresCredentialStore::refreshToken)
                  .findOne();
          if (used.isEmpty()) {
            return new RefreshUse.Invalid();
          }
          revoke(handle, used.get().family(), now);
          return new RefreshUse.Reused(used.get().family(), used.get().account());
        });
  }

  @Override
  public void revokeFamily(UUID family, Instant at) {
    database.withHandle(handle -> revoke(handle, family, at));
  }

  private static int revoke(org.jdbi.v3.core.Handle handle, UUID family, Instant at) {
    return handle
        .createUpdate(
            "UPDATE refresh_token SET revoked_at = :at WHERE family = :family AND revoked_at IS"
                + " NULL")
        .bind("at", utc(at))
        .bind("family", family)
        .execute();
  }

  private static StoredKey key(ResultSet row, StatementContext context) throws SQLException {
    return new StoredKey(
        row.getString("id"),
        new AccountId(row.getObject("account_id", UUID.class)),
        row.getString("name"),
        row.getBytes("secret_hash"),
        row.getString("last_four"),
        instant(row, "created_at"),
        instant(row, "revoked_at"));
  }

  private static RefreshToken refreshToken(ResultSet row, StatementContext context)
      throws SQLException {
    return new RefreshToken(
        row.getBytes("hash"),
        row.getObject("family", UUID.class),
        new AccountId(row.getObject("account_id", UUID.class)),
        instant(row, "issued_at"),
        instant(row, "expires_at"));
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
