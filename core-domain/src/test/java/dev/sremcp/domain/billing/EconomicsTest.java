package dev.sremcp.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sremcp.domain.account.Account;
import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Tier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EconomicsTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  private static Account account(Tier tier, Instant created) {
    return new Account(
        new AccountId(UUID.randomUUID()), UUID.randomUUID() + "@x.io", tier, null, created);
  }

  @Test
  void revenueMarginAndBreakEvenFollowTheBusinessPlan() {
    List<Account> accounts = new ArrayList<>();
    Instant old = NOW.minus(Duration.ofDays(90));
    for (int i = 0; i < 20; i++) {
      accounts.add(account(Tier.FREE, i < 5 ? NOW.minus(Duration.ofDays(2)) : old));
    }
    for (int i = 0; i < 30; i++) {
      accounts.add(account(Tier.STARTER, old));
    }
    for (int i = 0; i < 10; i++) {
      accounts.add(account(Tier.PROFESSIONAL, old));
    }
    accounts.add(account(Tier.ENTERPRISE, old));
    Account heavy = accounts.get(25);
    BillingAccount newPaying =
        new BillingAccount(
            heavy.id(),
            "cus_1",
            "sub_1",
            SubscriptionStatus.ACTIVE,
            Tier.STARTER,
            NOW,
            null,
            null,
            NOW,
            NOW.minus(Duration.ofDays(3)),
            null);
    BillingAccount churned =
        new BillingAccount(
            accounts.get(0).id(),
            "cus_2",
            "sub_2",
            SubscriptionStatus.CANCELED,
            Tier.STARTER,
            NOW,
            null,
            null,
            NOW,
            old,
            NOW.minus(Duration.ofDays(1)));

    Economics figures =
        Economics.of(
            new Economics.Inputs(
                accounts,
                List.of(newPaying, churned),
                Map.of(heavy.id(), 42L, accounts.get(0).id(), 3L),
                2,
                9),
            Prices.defaults(),
            Economics.PHASE_ONE_COST,
            "2026-11",
            NOW);

    // 30 x $10 + 10 x $50 + 1 x $200 = $1,000
    assertThat(figures.mrr()).isEqualByComparingTo("1000");
    assertThat(figures.payingAccounts()).isEqualTo(41);
    assertThat(figures.accounts()).isEqualTo(61);
    assertThat(figures.grossMargin()).isEqualByComparingTo("-0.8"); // (1000 - 1800) / 1000
    // $1,000 / 41 accounts = $24.39 a paying account; $1,800 needs 74 of them
    assertThat(figures.breakEvenAccounts()).isEqualTo(74);
    assertThat(figures.newAccounts()).isEqualTo(5);
    assertThat(figures.newPayingAccounts()).isEqualTo(1);
    assertThat(figures.churnedAccounts()).isEqualTo(1);
    assertThat(figures.requests()).isEqualTo(45);
    assertThat(figures.activeAccounts7d()).isEqualTo(2);
    Economics.TierFigures starter = figures.tiers().get(Tier.STARTER.ordinal());
    assertThat(starter.accounts()).isEqualTo(30);
    assertThat(starter.mrr()).isEqualByComparingTo("300");
    assertThat(starter.requests()).isEqualTo(42);
    assertThat(figures.tiers().get(Tier.FREE.ordinal()).paying()).isZero();
  }

  @Test
  void withNobodyPayingTheMarginIsUnknownAndBreakEvenUsesTheCheapestPrice() {
    Economics figures =
        Economics.of(
            new Economics.Inputs(List.of(account(Tier.FREE, NOW)), List.of(), Map.of(), 0, 0),
            Prices.defaults(),
            Economics.PHASE_ONE_COST,
            "2026-11",
            NOW);
    assertThat(figures.mrr()).isEqualByComparingTo("0");
    assertThat(figures.grossMargin()).isNull();
    assertThat(figures.breakEvenAccounts()).isEqualTo(180); // 1800 / $10
  }

  @Test
  void pricesAreConfigurableAndBadPairsAreNamed() {
    Prices prices = Prices.defaults().with("starter=12, enterprise=250.50");
    assertThat(prices.of(Tier.STARTER)).isEqualByComparingTo("12");
    assertThat(prices.of(Tier.ENTERPRISE)).isEqualByComparingTo("250.50");
    assertThat(prices.of(Tier.PROFESSIONAL)).isEqualByComparingTo(BigDecimal.valueOf(50));
    assertThatThrownBy(() -> Prices.defaults().with("gold=5"))
        .hasMessageContaining("'gold=5' is not <tier>=<US dollars a month>");
    assertThatThrownBy(() -> Prices.defaults().with("starter=-1"))
        .hasMessageContaining("starter=-1");
  }
}
