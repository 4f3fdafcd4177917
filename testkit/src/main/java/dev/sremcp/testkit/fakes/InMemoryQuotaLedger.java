package dev.sremcp.testkit.fakes;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.BillingPeriod;
import dev.sremcp.domain.account.TierLimits;
import dev.sremcp.domain.usage.UsageOutcome;
import dev.sremcp.domain.usage.UsageRecord;
import dev.sremcp.domain.usage.UsageSummary;
import dev.sremcp.ports.out.QuotaLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The quota ledger in memory, under one lock: exact by construction. */
public final class InMemoryQuotaLedger implements QuotaLedger {

  private final Map<String, Long> used = new HashMap<>();
  private final Map<String, UsageRecord> rows = new LinkedHashMap<>();

  @Override
  public synchronized Reservation reserve(
      AccountId account,
      String requestId,
      String tool,
      int units,
      long limit,
      BillingPeriod period,
      Instant now) {
    String counter = account + "|" + period.id();
    long current = used.getOrDefault(counter, 0L);
    UsageRecord existing = rows.get(account + "|" + requestId);
    if (existing != null) {
      return new Reservation.AlreadyCounted(existing.outcome(), current, limit);
    }
    if (current + units > limit) {
      return new Reservation.Exhausted(current, limit);
    }
    used.put(counter, current + units);
    rows.put(
        account + "|" + requestId,
        new UsageRecord(
            account,
            requestId,
            tool,
            units,
            UsageOutcome.RESERVED,
            period.id(),
            now,
            0,
            null,
            0,
            0));
    return new Reservation.Reserved(current + units, limit);
  }

  @Override
  public synchronized void finish(
      AccountId account, String requestId, UsageOutcome outcome, UsageRecord details) {
    if (outcome == UsageOutcome.RESERVED) {
      throw new IllegalArgumentException("a reservation ends completed, rejected or released");
    }
    UsageRecord row = rows.get(account + "|" + requestId);
    if (row == null || row.outcome() != UsageOutcome.RESERVED) {
      return;
    }
    rows.put(
        account + "|" + requestId,
        new UsageRecord(
            account,
            requestId,
            row.tool(),
            row.units(),
            outcome,
            row.period(),
            row.at(),
            details.latencyMillis(),
            details.model(),
            details.tokensIn(),
            details.tokensOut()));
    if (outcome != UsageOutcome.COMPLETED) {
      used.merge(account + "|" + row.period(), (long) -row.units(), Long::sum);
    }
  }

  @Override
  public synchronized int releaseAbandoned(Instant reservedBefore) {
    int released = 0;
    for (UsageRecord row : new ArrayList<>(rows.values())) {
      if (row.outcome() == UsageOutcome.RESERVED && row.at().isBefore(reservedBefore)) {
        finish(row.account(), row.requestId(), UsageOutcome.RELEASED, row);
        released++;
      }
    }
    return released;
  }

  @Override
  public synchronized UsageSummary summary(AccountId account, BillingPeriod period) {
    Map<String, Long> byTool = new TreeMap<>();
    rows.values().stream()
        .filter(row -> row.account().equals(account) && row.period().equals(period.id()))
        .filter(row -> row.outcome() == UsageOutcome.COMPLETED)
        .forEach(row -> byTool.merge(row.tool(), 1L, Long::sum));
    return new UsageSummary(
        period.id(),
        used.getOrDefault(account + "|" + period.id(), 0L),
        TierLimits.UNLIMITED,
        byTool);
  }

  @Override
  public synchronized List<UsageRecord> records(
      AccountId account, BillingPeriod period, int limit) {
    return rows.values().stream()
        .filter(row -> row.account().equals(account) && row.period().equals(period.id()))
        .sorted(Comparator.comparing(UsageRecord::at).reversed())
        .limit(Math.max(0, limit))
        .toList();
  }

  @Override
  public synchronized Map<AccountId, Long> chargedCalls(Instant from, Instant to) {
    Map<AccountId, Long> calls = new HashMap<>();
    rows.values().stream()
        .filter(row -> row.outcome() == UsageOutcome.COMPLETED)
        .filter(row -> !row.at().isBefore(from) && row.at().isBefore(to))
        .forEach(row -> calls.merge(row.account(), 1L, Long::sum));
    return calls;
  }
}
