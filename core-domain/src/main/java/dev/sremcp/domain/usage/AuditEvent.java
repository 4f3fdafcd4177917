package dev.sremcp.domain.usage;

import dev.sremcp.domain.account.AccountId;
import java.time.Instant;
import java.util.Objects;

/**
 * One append-only audit row: who did what, and how it ended. Never raw input, never a secret: a
 * call is recorded by the SHA-256 and size of its arguments.
 *
 * @param account {@code null} when no account could be established (a failed login)
 * @param actor the credential's public name ({@code key:<id>}, {@code token:<jti>}, {@code admin})
 * @param action {@code tools/call}, {@code login}, {@code key.create}, ...
 * @param target the tool, key id or account acted on
 * @param inputSha256 hex SHA-256 of a call's arguments, or {@code null}
 */
public record AuditEvent(
    Instant at,
    AccountId account,
    String actor,
    String action,
    String target,
    String inputSha256,
    long inputBytes,
    String outcome) {

  public AuditEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(outcome, "outcome");
  }
}
