package dev.sremcp.host.javalin;

import dev.sremcp.application.EconomicsService;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.billing.Economics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;

/**
 * The business figures as Prometheus gauges: {@code sremcp_mrr_usd}, {@code sremcp_accounts} and
 * {@code sremcp_requests_month} by tier, and the totals, margin and break-even point. They are
 * computed from the database at most once a minute, however often {@code /metrics} is scraped; a
 * database that cannot be reached leaves the last figures in place.
 */
final class EconomicsGauges {

  private static final Duration FRESH_FOR = Duration.ofMinutes(1);

  private final EconomicsService economics;
  private volatile Economics last;
  private volatile Instant computedAt = Instant.EPOCH;

  private EconomicsGauges(EconomicsService economics) {
    this.economics = economics;
  }

  static void register(EconomicsService economics, MeterRegistry registry) {
    EconomicsGauges gauges = new EconomicsGauges(economics);
    for (Tier tier : Tier.values()) {
      gauges.gauge(
          registry,
          "sremcp_mrr_usd",
          "Monthly recurring revenue at list prices",
          tier,
          t -> t.mrr().doubleValue());
      gauges.gauge(registry, "sremcp_accounts", "Accounts on each tier", tier, t -> t.accounts());
      gauges.gauge(
          registry,
          "sremcp_paying_accounts",
          "Accounts paying each tier's price",
          tier,
          t -> t.paying());
      gauges.gauge(
          registry,
          "sremcp_requests_month",
          "Charged calls this month by tier",
          tier,
          t -> t.requests());
    }
    gauges.total(
        registry,
        "sremcp_active_accounts_7d",
        "Accounts with a charged call in 7 days",
        e -> e.activeAccounts7d());
    gauges.total(
        registry,
        "sremcp_active_accounts_30d",
        "Accounts with a charged call in 30 days",
        e -> e.activeAccounts30d());
    gauges.total(
        registry, "sremcp_new_accounts_30d", "Accounts created in 30 days", e -> e.newAccounts());
    gauges.total(
        registry,
        "sremcp_churned_accounts_30d",
        "Subscriptions ended in 30 days",
        e -> e.churnedAccounts());
    gauges.total(
        registry,
        "sremcp_monthly_cost_usd",
        "The configured monthly cost",
        e -> e.monthlyCost().doubleValue());
    gauges.total(
        registry,
        "sremcp_gross_margin_ratio",
        "(MRR - cost) / MRR; NaN with no revenue",
        e -> e.grossMargin() == null ? Double.NaN : e.grossMargin().doubleValue());
    gauges.total(
        registry,
        "sremcp_break_even_accounts",
        "Paying accounts that cover the cost",
        e -> e.breakEvenAccounts() == null ? Double.NaN : e.breakEvenAccounts());
  }

  private void gauge(
      MeterRegistry registry,
      String name,
      String description,
      Tier tier,
      ToDoubleFunction<Economics.TierFigures> value) {
    Gauge.builder(
            name,
            this,
            gauges -> {
              Economics figures = gauges.figures();
              return figures == null
                  ? Double.NaN
                  : value.applyAsDouble(figures.tiers().get(tier.ordinal()));
            })
        .description(description)
        .strongReference(true)
        .tag("tier", tier.id())
        .register(registry);
  }

  private void total(
      MeterRegistry registry, String name, String description, ToDoubleFunction<Economics> value) {
    Gauge.builder(
            name,
            this,
            gauges -> {
              Economics figures = gauges.figures();
              return figures == null ? Double.NaN : value.applyAsDouble(figures);
            })
        .description(description)
        .strongReference(true)
        .register(registry);
  }

  private Economics figures() {
    Instant now = Instant.now();
    if (now.isAfter(computedAt.plus(FRESH_FOR))) {
      synchronized (this) {
        if (now.isAfter(computedAt.plus(FRESH_FOR))) {
          try {
            last = economics.figures();
          } catch (RuntimeException e) {
            // keep the last figures; /metrics must answer while the database is away
          }
          computedAt = now;
        }
      }
    }
    return last;
  }
}
