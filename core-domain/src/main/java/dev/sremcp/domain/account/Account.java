package dev.sremcp.domain.account;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer of sre-mcp.
 *
 * @param customLimits the limits of a {@code custom} account; {@code null} for the other tiers,
 *     which take theirs from the {@link TierTable}
 */
public record Account(
    AccountId id, String email, Tier tier, TierLimits customLimits, Instant createdAt) {

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** This account's limits: its own when it is a custom account that has them, else its tier's. */
  public TierLimits limits(TierTable table) {
    return tier == Tier.CUSTOM && customLimits != null ? customLimits : table.limits(tier);
  }
}
