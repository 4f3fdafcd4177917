package dev.sremcp.persistence.postgres;

import dev.sremcp.domain.account.Account;
import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Priority;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.account.TierLimits;
import dev.sremcp.domain.account.TierTable;
import dev.sremcp.ports.out.AccountStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/** Accounts in PostgreSQL. */
public final class PostgresAccountStore implements AccountStore {

  private static final String COLUMNS =
      "id, email, tier, custom_monthly, custom_hourly, custom_burst, custom_inflight,"
          + " custom_max_input, custom_priority, created_at";

  private final Database database;

  public PostgresAccountStore(Database database) {
    this.database = database;
  }

  @Override
  public Optional<Account> create(Account account) {
    return database.withHandle(
        handle -> {
          Update insert =
              handle
                  .createUpdate(
                      "INSERT INTO account ("
                          + COLUMNS
                          + ") VALUES (:id, :email, :tier, :monthly, :hourly, :burst,"
                          + " :inflight, :maxInput, :priority, :createdAt)"
                          + " ON CONFLICT DO NOTHING")
                  .bind("id", account.id().value())
                  .bind("email", account.email())
                  .bind("createdAt", PostgresCredentialStore.utc(account.createdAt()));
          int inserted = bindTier(insert, account.tier(), account.customLimits()).execute();
          return inserted == 1 ? Optional.of(account) : Optional.<Account>empty();
        });
  }

  @Override
  public Optional<Account> find(AccountId id) {
    return database.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM account WHERE id = :id")
                .bind("id", id.value())
                .map(PostgresAccountStore::account)
                .findOne());
  }

  @Override
  public Optional<Account> findByEmail(String email) {
    return database.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM account WHERE lower(email) = :email")
                .bind("email", email.strip().toLowerCase(Locale.ROOT))
                .map(PostgresAccountStore::account)
                .findOne());
  }

  @Override
  public List<Account> list() {
    return database.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + COLUMNS + " FROM account ORDER BY created_at, id")
                .map(PostgresAccountStore::account)
                .list());
  }

  @Override
  public boolean setTier(AccountId id, Tier tier, TierLimits custom) {
    return database.withHandle(
            handle ->
                bindTier(
                        handle
                            .createUpdate(
                                "UPDATE account SET tier = :tier, custom_monthly = :monthly,"
                                    + " custom_hourly = :hourly, custom_burst = :burst,"
                                    + " custom_inflight = :inflight, custom_max_input = :maxInput,"
                                    + " custom_priority = :priority WHERE id = :id")
                            .bind("id", id.value()),
                        tier,
                        custom)
                    .execute())
        == 1;
  }

  /** Binds the tier and a custom account's own limits (all null for the other tiers). */
  private static Update bindTier(Update statement, Tier tier, TierLimits custom) {
    return statement
        .bind("tier", tier.id())
        .bind("monthly", custom == null ? null : custom.monthlyRequests())
        .bind("hourly", custom == null ? null : custom.hourlyRate())
        .bind("burst", custom == null ? null : custom.burst())
        .bind("inflight", custom == null ? null : custom.inFlight())
        .bind("maxInput", custom == null ? null : custom.maxInputBytes())
        .bind("priority", custom == null ? null : custom.priority().id());
  }

  private static Account account(ResultSet row, StatementContext context) throws SQLException {
    TierLimits custom = null;
    if (row.getObject("custom_monthly") != null) {
      custom =
          new TierLimits(
              row.getLong("custom_monthly"),
              row.getInt("custom_hourly"),
              row.getInt("custom_burst"),
              row.getInt("custom_inflight"),
              row.getLong("custom_max_input"),
              Priority.valueOf(row.getString("custom_priority").toUpperCase(Locale.ROOT)));
    }
    return new Account(
        new AccountId(row.getObject("id", UUID.class)),
        row.getString("email"),
        TierTable.tierNamed(row.getString("tier")).orElseThrow(),
        custom,
        instant(row, "created_at"));
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
