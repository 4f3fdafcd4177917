package dev.sremcp.application;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.BillingPeriod;
import dev.sremcp.domain.billing.Economics;
import dev.sremcp.domain.billing.Prices;
import dev.sremcp.ports.out.AccountStore;
import dev.sremcp.ports.out.BillingStore;
import dev.sremcp.ports.out.QuotaLedger;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The business in numbers, for the operator: computed from the stores on each call. */
public final class EconomicsService {

  private final AccountStore accounts;
  private final BillingStore billing;
  private final QuotaLedger ledger;
  private final Prices prices;
  private final BigDecimal monthlyCost;
  private final Clock clock;

  public EconomicsService(
      AccountStore accounts,
      BillingStore billing,
      QuotaLedger ledger,
      Prices prices,
      BigDecimal monthlyCost,
      Clock clock) {
    this.accounts = accounts;
    this.billing = billing;
    this.ledger = ledger;
    this.prices = prices;
    this.monthlyCost = monthlyCost;
    this.clock = clock;
  }

  public Economics figures() {
    Instant now = clock.instant();
    Instant end = now.plusMillis(1);
    BillingPeriod month = BillingPeriod.calendarMonthOf(now);
    Map<AccountId, Long> requests = ledger.chargedCalls(month.start(), end);
    long active7d = ledger.chargedCalls(now.minus(Duration.ofDays(7)), end).size();
    long active30d = ledger.chargedCalls(now.minus(Duration.ofDays(30)), end).size();
    return Economics.of(
        new Economics.Inputs(accounts.list(), billing.list(), requests, active7d, active30d),
        prices,
        monthlyCost,
        month.id(),
        now);
  }
}
