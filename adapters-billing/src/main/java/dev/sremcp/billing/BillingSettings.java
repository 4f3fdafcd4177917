package dev.sremcp.billing;

import dev.sremcp.domain.account.Tier;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Billing's configuration, read once from the environment: {@code SREMCP_STRIPE_SECRET_KEY} and
 * {@code SREMCP_STRIPE_WEBHOOK_SECRET} turn it on; {@code SREMCP_STRIPE_PRICE_STARTER}, {@code
 * _PROFESSIONAL} and {@code _ENTERPRISE} name the price sold for each tier; {@code
 * SREMCP_STRIPE_API_BASE} points stripe-java elsewhere (a local stub); {@code
 * SREMCP_BILLING_GRACE_DAYS} (default 7) is how long a failed payment keeps a paid tier; {@code
 * SREMCP_BILLING_RETURN_URL} is where Stripe's pages send customers back to. Secrets never appear
 * in {@link #toString()}.
 */
public record BillingSettings(
    String secretKey,
    String webhookSecret,
    Map<Tier, String> prices,
    URI apiBase,
    Duration grace,
    Optional<URI> returnUrl) {

  public static final URI STRIPE_API = URI.create("https://api.stripe.com");
  private static final String PREFIX = "SREMCP_STRIPE_";

  public BillingSettings {
    prices = Map.copyOf(prices);
  }

  /**
   * The settings, or empty when billing is off (no secret key).
   *
   * @throws IllegalArgumentException naming the variable, when billing is half configured
   */
  public static Optional<BillingSettings> fromEnvironment(Map<String, String> environment) {
    String key = value(environment, PREFIX + "SECRET_KEY");
    if (key == null) {
      String stray =
          environment.keySet().stream()
              .filter(name -> name.startsWith(PREFIX) && value(environment, name) != null)
              .sorted()
              .collect(Collectors.joining(", "));
      if (!stray.isEmpty()) {
        throw new IllegalArgumentException(
            stray + " set but SREMCP_STRIPE_SECRET_KEY is not: billing needs the secret key");
      }
      return Optional.empty();
    }
    String webhookSecret = value(environment, PREFIX + "WEBHOOK_SECRET");
    if (webhookSecret == null) {
      throw new IllegalArgumentException(
          "SREMCP_STRIPE_WEBHOOK_SECRET is not set: without it no Stripe notification can be"
              + " verified (Stripe shows it as whsec_... on the webhook endpoint's page)");
    }
    Map<Tier, String> prices = new EnumMap<>(Tier.class);
    for (Tier tier : new Tier[] {Tier.STARTER, Tier.PROFESSIONAL, Tier.ENTERPRISE}) {
      String price = value(environment, PREFIX + "PRICE_" + tier.name());
      if (price != null) {
        prices.put(tier, price);
      }
    }
    if (prices.isEmpty()) {
      throw new IllegalArgumentException(
          "no tier has a Stripe price: set SREMCP_STRIPE_PRICE_STARTER,"
              + " SREMCP_STRIPE_PRICE_PROFESSIONAL or SREMCP_STRIPE_PRICE_ENTERPRISE (price_...)");
    }
    return Optional.of(
        new BillingSettings(
            key,
            webhookSecret,
            prices,
            url(environment, PREFIX + "API_BASE").orElse(STRIPE_API),
            Duration.ofDays(graceDays(environment)),
            url(environment, "SREMCP_BILLING_RETURN_URL")));
  }

  private static long graceDays(Map<String, String> environment) {
    String text = value(environment, "SREMCP_BILLING_GRACE_DAYS");
    if (text == null) {
      return 7;
    }
    try {
      long days = Long.parseLong(text);
      if (days >= 0 && days <= 60) {
        return days;
      }
    } catch (NumberFormatException e) {
      // named below
    }
    throw new IllegalArgumentException(
        "SREMCP_BILLING_GRACE_DAYS is '" + text + "': use whole days from 0 to 60");
  }

  private static Optional<URI> url(Map<String, String> environment, String name) {
    String text = value(environment, name);
    if (text == null) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(text.replaceAll("/+$", ""));
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (IllegalArgumentException e) {
      // named below
    }
    throw new IllegalArgumentException(name + " is '" + text + "', not an http(s) URL");
  }

  private static String value(Map<String, String> environment, String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  @Override
  public String toString() {
    return "billing on Stripe at "
        + apiBase
        + " selling "
        + prices.keySet().stream().sorted().map(Tier::id).collect(Collectors.joining(", "))
        + ", "
        + grace.toDays()
        + " days' grace";
  }
}
