package dev.sremcp.domain.account;

import dev.sremcp.domain.format.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a call was refused before any work: which limit, when to retry, and how to get more. A
 * refused call is never charged.
 */
public sealed interface Refusal {

  /**
   * Which limit refused the call, as named on the wire: {@code hourly-rate}, {@code monthly-quota},
   * ...
   */
  String kind();

  /** How long until a retry can succeed; empty when retrying the same call cannot help. */
  Optional<Duration> retryAfter();

  /** One or two sentences for the person: the limit, when it resets, and how to get more. */
  String message();

  /**
   * Whether the refusal is the server's condition (overload, an outage), not the caller's limit.
   */
  default boolean serverSide() {
    return false;
  }

  /** The account used its hourly rate. */
  record HourlyRate(Tier tier, int perHour, Duration delay) implements Refusal {
    public HourlyRate {
      Objects.requireNonNull(tier, "tier");
      Objects.requireNonNull(delay, "delay");
    }

    @Override
    public String kind() {
      return "hourly-rate";
    }

    @Override
    public Optional<Duration> retryAfter() {
      return Optional.of(delay);
    }

    @Override
    public String message() {
      return "Rate limit reached: the "
          + tier.id()
          + " tier allows "
          + perHour
          + " calls per hour. The next call is allowed in "
          + Durations.human(delay)
          + "."
          + upgrade(tier);
    }
  }

  /** The account has as many calls running as its tier allows. */
  record InFlight(Tier tier, int cap) implements Refusal {
    public InFlight {
      Objects.requireNonNull(tier, "tier");
    }

    @Override
    public String kind() {
      return "in-flight";
    }

    @Override
    public Optional<Duration> retryAfter() {
      return Optional.of(Duration.ofSeconds(1));
    }

    @Override
    public String message() {
      return "Too many calls at once: the "
          + tier.id()
          + " tier runs "
          + cap
          + " calls at a time. Retry when one of them has finished."
          + upgrade(tier);
    }
  }

  /** The account used its monthly quota. */
  record MonthlyQuota(Tier tier, long limit, Instant resetsAt, Instant now) implements Refusal {
    public MonthlyQuota {
      Objects.requireNonNull(tier, "tier");
      Objects.requireNonNull(resetsAt, "resetsAt");
      Objects.requireNonNull(now, "now");
    }

    @Override
    public String kind() {
      return "monthly-quota";
    }

    @Override
    public Optional<Duration> retryAfter() {
      Duration left = Duration.between(now, resetsAt);
      return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    @Override
    public String message() {
      return "Monthly quota used: the "
          + tier.id()
          + " tier includes "
          + limit
          + " calls a month, and all of them have been used. The quota resets at "
          + resetsAt
          + "."
          + upgrade(tier);
    }
  }

  /** The server is overloaded and sheds this caller's priority first. */
  record Overloaded(Priority priority, Duration delay) implements Refusal {
    public Overloaded {
      Objects.requireNonNull(priority, "priority");
      Objects.requireNonNull(delay, "delay");
    }

    @Override
    public String kind() {
      return "overload";
    }

    @Override
    public Optional<Duration> retryAfter() {
      return Optional.of(delay);
    }

    @Override
    public boolean serverSide() {
      return true;
    }

    @Override
    public String message() {
      return "The server is overloaded and is shedding "
          + priority.id()
          + "-priority calls; nothing was charged. Retry in "
          + Durations.human(delay)
          + ". Higher tiers are served first.";
    }
  }

  /** A store the call needs (the quota database) cannot be reached; the call was not run. */
  record Unavailable(String what, Duration delay) implements Refusal {
    public Unavailable {
      Objects.requireNonNull(what, "what");
      Objects.requireNonNull(delay, "delay");
    }

    @Override
    public String kind() {
      return "unavailable";
    }

    @Override
    public Optional<Duration> retryAfter() {
      return Optional.of(delay);
    }

    @Override
    public boolean serverSide() {
      return true;
    }

    @Override
    public String message() {
      return "The service is temporarily unavailable ("
          + what
          + "); nothing was charged. Retry in "
          + Durations.human(delay)
          + ".";
    }
  }

  /** The tool belongs to a higher tier than the caller's. */
  record TierTooLow(String tool, Tier required, Tier current) implements Refusal {
    public TierTooLow {
      Objects.requireNonNull(tool, "tool");
      Objects.requireNonNull(required, "required");
      Objects.requireNonNull(current, "current");
    }

    @Override
    public String kind() {
      return "tier";
    }

    @Override
    public Optional<Duration> retryAfter() {
      return Optional.empty();
    }

    @Override
    public String message() {
      return tool
          + " needs the "
          + required.id()
          + " tier or above; this account is on the "
          + current.id()
          + " tier. Upgrade to "
          + required.id()
          + " to call it.";
    }
  }

  /** The arguments are larger than the caller's tier accepts. */
  record InputTooLarge(Tier tier, long limitBytes, long actualBytes) implements Refusal {
    public InputTooLarge {
      Objects.requireNonNull(tier, "tier");
    }

    @Override
    public String kind() {
      return "input-size";
    }

    @Override
    public Optional<Duration> retryAfter() {
      return Optional.empty();
    }

    @Override
    public String message() {
      return "Input too large: "
          + actualBytes
          + " bytes, and the "
          + tier.id()
          + " tier accepts up to "
          + limitBytes
          + " bytes per call. Send a smaller excerpt."
          + upgrade(tier);
    }
  }

  private static String upgrade(Tier tier) {
    return TierTable.next(tier)
        .map(next -> " Upgrade to the " + next.id() + " tier for more.")
        .orElse("");
  }
}
