package dev.sremcp.domain.usage;

import dev.sremcp.domain.account.AccountId;
import java.time.Instant;
import java.util.Objects;

/**
 * One charged call, or one reservation for it.
 *
 * @param requestId the idempotency key: a retried request with the same id is counted once
 * @param model the language model used, or {@code null}
 */
public record UsageRecord(
    AccountId account,
    String requestId,
    String tool,
    int units,
    UsageOutcome outcome,
    String period,
    Instant at,
    long latencyMillis,
    String model,
    long tokensIn,
    long tokensOut) {

  public UsageRecord {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(at, "at");
  }
}
