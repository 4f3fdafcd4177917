package dev.sremcp.domain.billing;

import dev.sremcp.domain.account.Account;
import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The business in numbers at one moment: revenue, accounts, use and margin. Monthly recurring
 * revenue is at list price: every account on a priced tier pays its tier's price, whether through
 * Stripe or invoiced by hand; discounts, taxes and refunds are not seen here.
 *
 * @param period the month requests are counted in, e.g. {@code 2026-11}
 * @param newAccounts accounts created in the last 30 days
 * @param newPayingAccounts subscriptions first paid in the last 30 days
 * @param churnedAccounts subscriptions that ended in the last 30 days
 * @param grossMargin {@code (mrr - cost) / mrr}; {@code null} while nothing is earned
 * @param breakEvenAccounts paying accounts needed to cover the monthly cost at the current revenue
 *     per paying account (at the cheapest price while none pays); {@code null} when nothing is
 *     priced
 */
public record Economics(
    Instant at,
    String period,
    List<TierFigures> tiers,
    long accounts,
    long payingAccounts,
    BigDecimal mrr,
    long newAccounts,
    long newPayingAccounts,
    long churnedAccounts,
    long activeAccounts7d,
    long activeAccounts30d,
    long requests,
    BigDecimal monthlyCost,
    BigDecimal grossMargin,
    Long breakEvenAccounts) {

  /** The business plan's phase-1 monthly cost, in US dollars. */
  public static final BigDecimal PHASE_ONE_COST = BigDecimal.valueOf(1_800);

  public Economics {
    tiers = List.copyOf(tiers);
    Objects.requireNonNull(mrr, "mrr");
    Objects.requireNonNull(monthlyCost, "monthlyCost");
  }

  /**
   * @param accounts on a tier now
   * @param paying accounts on a priced tier
   * @param requests charged calls this month by the tier's accounts now
   */
  public record TierFigures(
      Tier tier, long accounts, long paying, BigDecimal price, BigDecimal mrr, long requests) {}

  /** What the figures are computed from: every account, and what the stores know about them. */
  public record Inputs(
      Collection<Account> accounts,
      Collection<BillingAccount> billing,
      Map<AccountId, Long> requestsThisMonth,
      long activeAccounts7d,
      long activeAccounts30d) {}

  public static Economics of(
      Inputs inputs, Prices prices, BigDecimal monthlyCost, String period, Instant now) {
    Instant monthAgo = now.minus(Duration.ofDays(30));
    List<TierFigures> tiers = new ArrayList<>();
    long paying = 0;
    long requests = 0;
    BigDecimal mrr = BigDecimal.ZERO;
    for (Tier tier : Tier.values()) {
      BigDecimal price = prices.of(tier);
      long count = 0;
      long used = 0;
      for (Account account : inputs.accounts()) {
        if (account.tier() == tier) {
          count++;
          used += inputs.requestsThisMonth().getOrDefault(account.id(), 0L);
        }
      }
      long payingHere = price.signum() > 0 ? count : 0;
      BigDecimal revenue = price.multiply(BigDecimal.valueOf(payingHere));
      tiers.add(new TierFigures(tier, count, payingHere, price, revenue, used));
      paying += payingHere;
      requests += used;
      mrr = mrr.add(revenue);
    }
    long newAccounts =
        inputs.accounts().stream().filter(a -> a.createdAt().isAfter(monthAgo)).count();
    long newPaying =
        inputs.billing().stream()
            .filter(b -> b.paidSince() != null && b.paidSince().isAfter(monthAgo))
            .count();
    long churned =
        inputs.billing().stream()
            .filter(b -> b.endedAt() != null && b.endedAt().isAfter(monthAgo))
            .count();
    BigDecimal margin =
        mrr.signum() == 0 ? null : mrr.subtract(monthlyCost).divide(mrr, 4, RoundingMode.HALF_EVEN);
    return new Economics(
        now,
        period,
        tiers,
        inputs.accounts().size(),
        paying,
        mrr,
        newAccounts,
        newPaying,
        churned,
        inputs.activeAccounts7d(),
        inputs.activeAccounts30d(),
        requests,
        monthlyCost,
        margin,
        breakEven(monthlyCost, mrr, paying, prices));
  }

  private static Long breakEven(BigDecimal cost, BigDecimal mrr, long paying, Prices prices) {
    BigDecimal perAccount =
        paying > 0
            ? mrr.divide(BigDecimal.valueOf(paying), 10, RoundingMode.HALF_EVEN)
            : prices.monthly().values().stream()
                .filter(price -> price.signum() > 0)
                .min(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
    if (perAccount.signum() == 0) {
      return null;
    }
    return cost.divide(perAccount, 0, RoundingMode.CEILING).longValueExact();
  }
}
