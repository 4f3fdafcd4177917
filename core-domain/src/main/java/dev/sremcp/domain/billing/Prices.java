package dev.sremcp.domain.billing;

import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.account.TierTable;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The monthly list price of each tier in US dollars: the business plan's table (free $0, starter
 * $10, professional $50, enterprise $200; custom accounts are quoted, $0 here) unless configured.
 */
public record Prices(Map<Tier, BigDecimal> monthly) {

  public Prices {
    Map<Tier, BigDecimal> all = new EnumMap<>(Tier.class);
    for (Tier tier : Tier.values()) {
      all.put(tier, monthly.getOrDefault(tier, BigDecimal.ZERO));
    }
    monthly = Map.copyOf(all);
  }

  public static Prices defaults() {
    return new Prices(
        Map.of(
            Tier.STARTER, BigDecimal.valueOf(10),
            Tier.PROFESSIONAL, BigDecimal.valueOf(50),
            Tier.ENTERPRISE, BigDecimal.valueOf(200)));
  }

  /**
   * The defaults with {@code tier=dollars} pairs applied, e.g. {@code starter=12,enterprise=250}.
   *
   * @throws IllegalArgumentException naming the pair that is not a tier and a non-negative amount
   */
  public Prices with(String pairs) {
    Map<Tier, BigDecimal> prices = new EnumMap<>(monthly);
    for (String pair : pairs.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      String[] parts = pair.split("=", 2);
      Tier tier =
          parts.length == 2
              ? TierTable.tierNamed(parts[0].strip().toLowerCase(Locale.ROOT)).orElse(null)
              : null;
      BigDecimal amount = parts.length == 2 ? amount(parts[1]) : null;
      if (tier == null || amount == null) {
        throw new IllegalArgumentException(
            "'"
                + pair.strip()
                + "' is not <tier>=<US dollars a month> with a tier of free, starter,"
                + " professional, enterprise, custom and an amount of 0 or more");
      }
      prices.put(tier, amount);
    }
    return new Prices(prices);
  }

  public BigDecimal of(Tier tier) {
    return monthly.get(tier);
  }

  /** A non-negative amount of dollars, or {@code null}. */
  public static BigDecimal amount(String text) {
    try {
      BigDecimal value = new BigDecimal(text.strip());
      return value.signum() < 0 ? null : value;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
