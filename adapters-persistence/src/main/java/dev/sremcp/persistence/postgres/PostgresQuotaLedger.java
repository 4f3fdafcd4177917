package dev.sremcp.persistence.postgres;

import static dev.sremcp.persistence.postgres.PostgresAccountStore.instant;
import static dev.sremcp.persistence.postgres.PostgresCredentialStore.utc;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.BillingPeriod;
import dev.sremcp.domain.usage.UsageOutcome;
import dev.sremcp.domain.usage.UsageRecord;
import dev.sremcp.domain.usage.UsageSummary;
import dev.sremcp.ports.out.QuotaLedger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The exact quota in PostgreSQL: in one Read Committed transaction, the usage row is inserted (once
 * per request id: a duplicate blocks on the key, then finds it) and the period's counter is raised
 * only while {@code used + units <= limit}. A concurrent UPDATE re-checks that condition on the row
 * it waited for, so no interleaving can overshoot.
 */
public final class PostgresQuotaLedger implements QuotaLedger {

  private final Database database;

  public PostgresQuotaLedger(Database database) {
    this.database = database;
  }

  @Override
  public Reservation reserve(
      AccountId account,
      String requestId,
      String tool,
      int units,
      long limit,
      BillingPeriod period,
      Instant now) {
    return database.inTransaction(
        handle -> {
          handle
              .createUpdate(
                  "INSERT INTO quota (account_id, period, used) VALUES (:account,"
                      + " :period, 0) ON CONFLICT DO NOTHING")
              .bind("account", account.value())
              .bind("period", period.id())
              .execute();
          int inserted =
              handle
                  .createUpdate(
                      "INSERT INTO usage_event (account_id, request_id, period, tool,"
                          + " units, outcome, reserved_at) VALUES (:account, :request,"
                          + " :period, :tool, :units, 'reserved', :now) ON CONFLICT DO"
                          + " NOTHING")
                  .bind("account", account.value())
                  .bind("request", requestId)
                  .bind("period", period.id())
                  .bind("tool", tool)
                  .bind("units", units)
                  .bind("now", utc(now))
                  .execute();
          if (inserted == 0) {
            String outcome =
                handle
                    .createQuery(
                        "SELECT outcome FROM usage_event WHERE account_id = :account AND"
                            + " request_id = :request")
                    .bind("account", account.value())
                    .bind("request", requestId)
                    .mapTo(String.class)
                    .one();
            return new Reservation.AlreadyCounted(
                UsageOutcome.valueOf(outcome.toUpperCase(Locale.ROOT)),
                used(handle, account, period.id()),
                limit);
          }
          Optional<Long> used =
              handle
                  .createQuery(
                      "UPDATE quota SET used = used + :units WHERE account_id = :account"
                          + " AND period = :period AND used + :units <= :limit RETURNING"
                          + " used")
                  .bind("units", units)
                  .bind("account", account.value())
                  .bind("period", period.id())
                  .bind("limit", limit)
                  .mapTo(Long.class)
                  .findOne();
          if (used.isEmpty()) {
            handle.rollback();
            return new Reservation.Exhausted(used(handle, account, period.id()), limit);
          }
          return new Reservation.Reserved(used.get(), limit);
        });
  }

  @Override
  public void finish(
      AccountId account, String requestId, UsageOutcome outcome, UsageRecord details) {
    if (outcome == UsageOutcome.RESERVED) {
      throw new IllegalArgumentException("a reservation ends completed, rejected or released");
    }
    database.inTransaction(
        handle -> {
          Optional<Map<String, Object>> ended =
              handle
                  .createQuery(
                      "UPDATE usage_event SET outcome = :outcome, finished_at = :at,"
                          + " latency_ms = :latency, model = :model, tokens_in = :in,"
                          + " tokens_out = :out WHERE account_id = :account AND"
                          + " request_id = :request AND outcome = 'reserved' RETURNING"
                          + " period, units")
                  .bind("outcome", outcome.id())
                  .bind("at", utc(details.at()))
                  .bind("latency", details.latencyMillis())
                  .bind("model", details.model())
                  .bind("in", details.tokensIn())
                  .bind("out", details.tokensOut())
                  .bind("account", account.value())
                  .bind("request", requestId)
                  .mapToMap()
                  .findOne();
          if (ended.isPresent() && outcome != UsageOutcome.COMPLETED) {
            handle
                .createUpdate(
                    "UPDATE quota SET used = used - :units WHERE account_id = :account"
                        + " AND period = :period")
                .bind("units", ((Number) ended.get().get("units")).intValue())
                .bind("account", account.value())
                .bind("period", (String) ended.get().get("period"))
                .execute();
          }
          return null;
        });
  }

  @Override
  public int releaseAbandoned(Instant reservedBefore) {
    return database.inTransaction(
        handle ->
            handle
                .createQuery(
                    "WITH released AS (UPDATE usage_event SET outcome = 'released',"
                        + " finished_at = now() WHERE outcome = 'reserved' AND"
                        + " reserved_at < :before RETURNING account_id, period, units),"
                        + " totals AS (SELECT account_id, period, sum(units) AS units"
                        + " FROM released GROUP BY account_id, period), adjusted AS"
                        + " (UPDATE quota SET used = quota.used - totals.units FROM"
                        + " totals WHERE quota.account_id = totals.account_id AND"
                        + " quota.period = totals.period RETURNING 1) SELECT count(*)"
                        + " FROM released")
                .bind("before", utc(reservedBefore))
                .mapTo(Integer.class)
                .one());
  }

  @Override
  public UsageSummary summary(AccountId account, BillingPeriod period) {
    return database.withHandle(
        handle -> {
          Map<String, Long> byTool = new LinkedHashMap<>();
          handle
              .createQuery(
                  "SELECT tool, count(*) AS calls FROM usage_event WHERE account_id ="
                      + " :account AND period = :period AND outcome = 'completed' GROUP"
                      + " BY tool ORDER BY tool")
              .bind("account", account.value())
              .bind("period", period.id())
              .mapToMap()
              .forEach(
                  row ->
                      byTool.put(
                          (String) row.get("tool"), ((Number) row.get("calls")).longValue()));
          return new UsageSummary(
              period.id(),
              used(handle, account, period.id()),
              dev.sremcp.domain.account.TierLimits.UNLIMITED,
              byTool);
        });
  }

  @Override
  public Map<AccountId, Long> chargedCalls(Instant from, Instant to) {
    return database.withHandle(
        handle -> {
          Map<AccountId, Long> calls = new LinkedHashMap<>();
          handle
              .createQuery(
                  "SELECT account_id, count(*) AS calls FROM usage_event WHERE outcome ="
                      + " 'completed' AND reserved_at >= :from AND reserved_at < :to"
                      + " GROUP BY account_id")
              .bind("from", PostgresCredentialStore.utc(from))
              .bind("to", PostgresCredentialStore.utc(to))
              .mapToMap()
              .forEach(
                  row ->
                      calls.put(
                          new AccountId((java.util.UUID) row.get("account_id")),
                          ((Number) row.get("calls")).longValue()));
          return calls;
        });
  }

  @Override
  public List<UsageRecord> records(AccountId account, BillingPeriod period, int limit) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT account_id, request_id, tool, units, outcome, period,"
                        + " reserved_at, coalesce(latency_ms, 0) AS latency_ms, model,"
                        + " tokens_in, tokens_out FROM usage_event WHERE account_id ="
                        + " :account AND period = :period ORDER BY reserved_at DESC,"
                        + " request_id LIMIT :limit")
                .bind("account", account.value())
                .bind("period", period.id())
                .bind("limit", Math.max(0, limit))
                .map(PostgresQuotaLedger::record)
                .list());
  }

  private static long used(Handle handle, AccountId account, String period) {
    return handle
        .createQuery("SELECT used FROM quota WHERE account_id = :account AND period = :period")
        .bind("account", account.value())
        .bind("period", period)
        .mapTo(Long.class)
        .findOne()
        .orElse(0L);
  }

  private static UsageRecord record(ResultSet row, StatementContext context) throws SQLException {
    return new UsageRecord(
        new AccountId(row.getObject("account_id", UUID.class)),
        row.getString("request_id"),
        row.getString("tool"),
        row.getInt("units"),
        UsageOutcome.valueOf(row.getString("outcome").toUpperCase(Locale.ROOT)),
        row.getString("period"),
        instant(row, "reserved_at"),
        row.getLong("latency_ms"),
        row.getString("model"),
        row.getLong("tokens_in"),
        row.getLong("tokens_out"));
  }
}
