package dev.sremcp.persistence.postgres;

import static dev.sremcp.persistence.postgres.PostgresAccountStore.instant;
import static dev.sremcp.persistence.postgres.PostgresCredentialStore.utc;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.usage.AuditEvent;
import dev.sremcp.ports.out.AuditLog;
import java.util.List;
import java.util.UUID;

/** The audit trail in PostgreSQL; a trigger refuses every UPDATE and DELETE of it. */
public final class PostgresAuditLog implements AuditLog {

  private final Database database;

  public PostgresAuditLog(Database database) {
    this.database = database;
  }

  @Override
  public void append(AuditEvent event) {
    database.withHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO audit_event (at, account_id, actor, action, target,"
                        + " input_sha256, input_bytes, outcome) VALUES (:at, CAST(:account AS uuid),"
                        + " :actor, :action, :target, :sha, :bytes, :outcome)")
                .bind("at", utc(event.at()))
                .bind("account", event.account() == null ? null : event.account().value())
                .bind("actor", event.actor())
                .bind("action", event.action())
                .bind("target", event.target())
                .bind("sha", event.inputSha256())
                .bind("bytes", event.inputBytes())
                .bind("outcome", event.outcome())
                .execute());
  }

  @Override
  public List<AuditEvent> recent(AccountId account, int limit) {
    return database.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT at, account_id, actor, action, target, input_sha256,"
                        + " input_bytes, outcome FROM audit_event WHERE account_id ="
                        + " :account ORDER BY id DESC LIMIT :limit")
                .bind("account", account.value())
                .bind("limit", Math.max(0, limit))
                .map(
                    (row, context) ->
                        new AuditEvent(
                            instant(row, "at"),
                            new AccountId(row.getObject("account_id", UUID.class)),
                            row.getString("actor"),
                            row.getString("action"),
                            row.getString("target"),
                            row.getString("input_sha256"),
                            row.getLong("input_bytes"),
                            row.getString("outcome")))
                .list());
  }
}
