package dev.sremcp.domain.slo;

import java.time.Duration;

/**
 * One pair of windows of a multi-window, multi-burn-rate alert: it fires when the error budget
 * burns faster than {@code burnRate} times the sustainable rate over both the long and the short
 * window. The short window lets the alert reset soon after the burn stops.
 *
 * @param forDuration how long the condition must hold before the alert fires (half the short
 *     window, as Pyrra does), so a single bad scrape does not page
 */
public record BurnRateWindow(
    AlertSeverity severity,
    Duration longWindow,
    Duration shortWindow,
    Duration forDuration,
    double burnRate) {

  /** The share of the whole budget that a burn at exactly this rate spends over the long window. */
  public double budgetConsumed(SloWindow window) {
    return burnRate * longWindow.toSeconds() / window.length().toSeconds();
  }

  /** The error ratio above which this alert fires. */
  public double errorRatioThreshold(double budgetRatio) {
    return burnRate * budgetRatio;
  }
}
