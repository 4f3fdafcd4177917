package dev.sremcp.domain.account;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The limits of every tier: the business plan's table, which an operator overrides with keys such
 * as {@code starter.monthly=600} ({@code monthly}, {@code hourly}, {@code burst}, {@code inflight},
 * {@code max-input-bytes}, {@code priority}; {@code monthly=unlimited} for no monthly limit). The
 * {@code custom} tier's row is the default for custom accounts, which carry their own limits.
 */
public final class TierTable {

  private static final String[] FIELDS = {
    "monthly", "hourly", "burst", "inflight", "max-input-bytes", "priority"
  };

  private final Map<Tier, TierLimits> limits;

  private TierTable(Map<Tier, TierLimits> limits) {
    this.limits = Map.copyOf(limits);
  }

  /** The business plan: free 50/month and 10/hour up to enterprise 10,000/month and 2,000/hour. */
  public static TierTable defaults() {
    Map<Tier, TierLimits> table = new EnumMap<>(Tier.class);
    table.put(Tier.FREE, new TierLimits(50, 10, 10, 2, 256 * 1024, Priority.LOW));
    table.put(Tier.STARTER, new TierLimits(500, 100, 100, 5, 1024 * 1024, Priority.MEDIUM));
    table.put(
        Tier.PROFESSIONAL, new TierLimits(2_500, 500, 500, 10, 4 * 1024 * 1024, Priority.HIGH));
    table.put(
        Tier.ENTERPRISE,
        new TierLimits(10_000, 2_000, 2_000, 25, 8 * 1024 * 1024, Priority.CRITICAL));
    table.put(
        Tier.CUSTOM,
        new TierLimits(TierLimits.UNLIMITED, 2_000, 2_000, 25, 8 * 1024 * 1024, Priority.CRITICAL));
    return new TierTable(table);
  }

  /**
   * The defaults with {@code overrides} applied.
   *
   * @throws IllegalArgumentException naming the key and the problem, for an unknown tier or field
   *     or a value out of range
   */
  public TierTable with(Map<String, String> overrides) {
    Map<Tier, Map<String, String>> byTier = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : overrides.entrySet()) {
      String key = entry.getKey().strip().toLowerCase(Locale.ROOT);
      int dot = key.indexOf('.');
      Tier tier = dot < 0 ? null : tierNamed(key.substring(0, dot)).orElse(null);
      String field = dot < 0 ? "" : key.substring(dot + 1);
      if (tier == null || !java.util.Arrays.asList(FIELDS).contains(field)) {
        throw new IllegalArgumentException(
            "unknown tier setting '"
                + entry.getKey()
                + "': use <tier>.<field> with a tier of free, starter, professional, enterprise,"
                + " custom and a field of "
                + String.join(", ", FIELDS));
      }
      byTier.computeIfAbsent(tier, t -> new LinkedHashMap<>()).put(field, entry.getValue().strip());
    }
    Map<Tier, TierLimits> table = new EnumMap<>(limits);
    byTier.forEach((tier, fields) -> table.put(tier, apply(tier, limits.get(tier), fields)));
    return new TierTable(table);
  }

  public TierLimits limits(Tier tier) {
    return limits.get(tier);
  }

  /** The cheapest tier above {@code tier}, to name in an upgrade hint. */
  public static Optional<Tier> next(Tier tier) {
    return tier.ordinal() + 1 < Tier.CUSTOM.ordinal()
        ? Optional.of(Tier.values()[tier.ordinal() + 1])
        : Optional.empty();
  }

  public static Optional<Tier> tierNamed(String name) {
    for (Tier tier : Tier.values()) {
      if (tier.id().equals(name.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(tier);
      }
    }
    return Optional.empty();
  }

  private static TierLimits apply(Tier tier, TierLimits base, Map<String, String> fields) {
    try {
      return new TierLimits(
          fields.containsKey("monthly") ? monthly(fields.get("monthly")) : base.monthlyRequests(),
          fields.containsKey("hourly") ? Integer.parseInt(fields.get("hourly")) : base.hourlyRate(),
          fields.containsKey("burst") ? Integer.parseInt(fields.get("burst")) : base.burst(),
          fields.containsKey("inflight")
              ? Integer.parseInt(fields.get("inflight"))
              : base.inFlight(),
          fields.containsKey("max-input-bytes")
              ? Long.parseLong(fields.get("max-input-bytes"))
              : base.maxInputBytes(),
          fields.containsKey("priority")
              ? Priority.valueOf(fields.get("priority").toUpperCase(Locale.ROOT))
              : base.priority());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "tier " + tier.id() + ": " + fields + " is not valid: " + e.getMessage(), e);
    }
  }

  /** A monthly limit: a count, or {@code unlimited}. */
  public static long monthly(String value) {
    return "unlimited".equalsIgnoreCase(value.strip())
        ? TierLimits.UNLIMITED
        : Long.parseLong(value.strip());
  }
}
