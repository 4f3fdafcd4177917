package dev.sremcp.ports.out;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.BillingPeriod;
import dev.sremcp.domain.usage.UsageOutcome;
import dev.sremcp.domain.usage.UsageRecord;
import dev.sremcp.domain.usage.UsageSummary;
import java.time.Instant;
import java.util.List;

/**
 * The exact monthly quota and the usage ledger, in one store: a call is reserved at admission
 * (counted at once, so concurrent calls cannot overshoot), then committed when it ran or released
 * when the server failed. Every operation is idempotent by request id.
 *
 * @implSpec adapters throw {@link StoreUnavailableException} when their store cannot be reached;
 *     they never admit a call they could not count
 */
public interface QuotaLedger {

  /**
   * When a reservation is abandoned (its instance crashed): longer than any call runs, the longest
   * MCP client timeout plus a margin.
   */
  java.time.Duration ABANDONED_AFTER = java.time.Duration.ofMinutes(16);

  /** Counts {@code units} for the request unless it would pass {@code limit}. */
  Reservation reserve(
      AccountId account,
      String requestId,
      String tool,
      int units,
      long limit,
      BillingPeriod period,
      Instant now);

  /**
   * Ends a reservation: {@link UsageOutcome#COMPLETED} keeps the count (the call is charged);
   * {@link UsageOutcome#REJECTED} and {@link UsageOutcome#RELEASED} give it back. A reservation
   * that has already ended is left alone.
   *
   * @param details latency, model and tokens for the usage row; its outcome is ignored
   */
  void finish(AccountId account, String requestId, UsageOutcome outcome, UsageRecord details);

  /**
   * Releases reservations made before {@code reservedBefore} that never ended: the calls of an
   * instance that crashed. Returns how many.
   */
  int releaseAbandoned(Instant reservedBefore);

  UsageSummary summary(AccountId account, BillingPeriod period);

  /** The account's usage rows in the period, newest first, at most {@code limit}. */
  List<UsageRecord> records(AccountId account, BillingPeriod period, int limit);

  /**
   * Charged calls per account among the calls reserved in [{@code from}, {@code to}), accounts
   * without any left out: the business figures' requests and active accounts.
   */
  java.util.Map<AccountId, Long> chargedCalls(Instant from, Instant to);

  /** What a reservation did. */
  sealed interface Reservation {
    /** Counted; {@code used} includes it. */
    record Reserved(long used, long limit) implements Reservation {}

    /** This request id was counted before: a retry, not counted again. */
    record AlreadyCounted(UsageOutcome outcome, long used, long limit) implements Reservation {}

    /** Counting it would pass the limit; nothing was counted. */
    record Exhausted(long used, long limit) implements Reservation {}
  }
}
