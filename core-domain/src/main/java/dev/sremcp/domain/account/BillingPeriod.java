package dev.sremcp.domain.account;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The month a quota counts in: [start, end). Accounts without a subscription count calendar months
 * in UTC; a Stripe subscription's own period replaces it when billing arrives.
 */
public record BillingPeriod(Instant start, Instant end) {

  public BillingPeriod {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("a period ends after it starts");
    }
  }

  public static BillingPeriod calendarMonthOf(Instant instant) {
    LocalDate first = LocalDate.ofInstant(instant, ZoneOffset.UTC).withDayOfMonth(1);
    return new BillingPeriod(
        first.atStartOfDay(ZoneOffset.UTC).toInstant(),
        first.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** The period's name in rows and on the wire, e.g. {@code 2026-11}. */
  public String id() {
    return LocalDate.ofInstant(start, ZoneOffset.UTC).toString().substring(0, 7);
  }
}
