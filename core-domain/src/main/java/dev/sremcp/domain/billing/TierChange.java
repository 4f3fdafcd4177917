package dev.sremcp.domain.billing;

import dev.sremcp.domain.account.Tier;
import java.time.Instant;
import java.util.Objects;

/** A tier an account moves to at a given time: a downgrade at period end, the end of a grace. */
public record TierChange(Tier tier, Instant at) {

  public TierChange {
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(at, "at");
  }

  public boolean dueAt(Instant now) {
    return !at.isAfter(now);
  }
}
