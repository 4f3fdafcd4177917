package dev.sremcp.domain.slo;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The alerting policy of the Google SRE workbook (chapter 5, table 5-8), defined for a 30-day
 * window: page at 14.4x over 1h and 5m (2% of the budget), page at 6x over 6h and 30m (5%), ticket
 * at 1x over 3d and 6h (10%).
 *
 * <p>For other windows the window lengths scale with the SLO window and the burn rates stay, as
 * Pyrra does, so each alert still fires after the same share of the budget is spent. Windows are
 * rounded to whole minutes and are never shorter than one minute.
 */
public final class BurnRatePolicy {

  private static final Duration REFERENCE_WINDOW = Duration.ofDays(30);
  private static final List<BurnRateWindow> WORKBOOK =
      List.of(
          new BurnRateWindow(
              AlertSeverity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), null, 14.4),
          new BurnRateWindow(
              AlertSeverity.PAGE, Duration.ofHours(6), Duration.ofMinutes(30), null, 6),
          new BurnRateWindow(
              AlertSeverity.TICKET, Duration.ofDays(3), Duration.ofHours(6), null, 1));

  private BurnRatePolicy() {}

  /** The policy's windows scaled to an SLO window. */
  public static List<BurnRateWindow> forWindow(SloWindow window) {
    double scale = (double) window.length().toSeconds() / REFERENCE_WINDOW.toSeconds();
    return WORKBOOK.stream()
        .map(
            base -> {
              Duration shortWindow = scaled(base.shortWindow(), scale);
              return new BurnRateWindow(
                  base.severity(),
                  scaled(base.longWindow(), scale),
                  shortWindow,
                  atLeastAMinute(shortWindow.dividedBy(2).truncatedTo(ChronoUnit.MINUTES)),
                  base.burnRate());
            })
        .toList();
  }

  private static Duration scaled(Duration base, double scale) {
    return wholeMinutes(Duration.ofSeconds(Math.round(base.toSeconds() * scale)));
  }

  private static Duration wholeMinutes(Duration duration) {
    return atLeastAMinute(Duration.ofMinutes(Math.round(duration.toSeconds() / 60.0)));
  }

  private static Duration atLeastAMinute(Duration duration) {
    return duration.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : duration;
  }
}
