package dev.sremcp.host.javalin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.domain.billing.Economics;
import dev.sremcp.mcp.jsonrpc.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The business figures as JSON (admin REST route, {@code --json}) and as text for the operator. */
final class EconomicsView {

  private EconomicsView() {}

  static ObjectNode json(Economics figures) {
    ObjectNode out =
        Json.object()
            .put("at", figures.at().toString())
            .put("period", figures.period())
            .put("currency", "usd")
            .put("mrr", figures.mrr())
            .put("payingAccounts", figures.payingAccounts())
            .put("accounts", figures.accounts())
            .put("newAccounts30d", figures.newAccounts())
            .put("newPayingAccounts30d", figures.newPayingAccounts())
            .put("churnedAccounts30d", figures.churnedAccounts())
            .put("activeAccounts7d", figures.activeAccounts7d())
            .put("activeAccounts30d", figures.activeAccounts30d())
            .put("requestsThisMonth", figures.requests())
            .put("monthlyCost", figures.monthlyCost());
    if (figures.grossMargin() == null) {
      out.putNull("grossMargin");
    } else {
      out.put("grossMargin", figures.grossMargin());
    }
    if (figures.breakEvenAccounts() == null) {
      out.putNull("breakEvenAccounts");
    } else {
      out.put("breakEvenAccounts", figures.breakEvenAccounts());
    }
    ObjectNode tiers = out.putObject("tiers");
    for (Economics.TierFigures tier : figures.tiers()) {
      tiers
          .putObject(tier.tier().id())
          .put("accounts", tier.accounts())
          .put("paying", tier.paying())
          .put("price", tier.price())
          .put("mrr", tier.mrr())
          .put("requestsThisMonth", tier.requests());
    }
    return out;
  }

  static String text(Economics figures) {
    StringBuilder out = new StringBuilder();
    out.append("sre-mcp business figures at ").append(figures.at()).append('\n');
    out.append(
        String.format(
            "MRR $%s from %d paying accounts (list prices)%n",
            money(figures.mrr()), figures.payingAccounts()));
    out.append(
        String.format(
            "%-13s %9s %7s %8s %10s %16s%n",
            "tier", "accounts", "paying", "price", "MRR", "requests " + figures.period()));
    for (Economics.TierFigures tier : figures.tiers()) {
      out.append(
          String.format(
              "%-13s %9d %7d %8s %10s %16d%n",
              tier.tier().id(),
              tier.accounts(),
              tier.paying(),
              "$" + money(tier.price()),
              "$" + money(tier.mrr()),
              tier.requests()));
    }
    out.append(
        String.format(
            "accounts %d; new in 30 days %d (newly paying %d); churned in 30 days %d%n",
            figures.accounts(),
            figures.newAccounts(),
            figures.newPayingAccounts(),
            figures.churnedAccounts()));
    out.append(
        String.format(
            "active accounts: %d in 7 days, %d in 30 days; charged requests this month %d%n",
            figures.activeAccounts7d(), figures.activeAccounts30d(), figures.requests()));
    out.append(
        String.format(
            "monthly cost $%s; gross margin %s; break-even at %s paying accounts%n",
            money(figures.monthlyCost()),
            figures.grossMargin() == null
                ? "n/a (no revenue)"
                : figures.grossMargin().movePointRight(2).setScale(1, RoundingMode.HALF_EVEN)
                    + " %",
            figures.breakEvenAccounts() == null ? "n/a" : figures.breakEvenAccounts()));
    return out.toString();
  }

  private static String money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }
}
