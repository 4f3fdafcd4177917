package dev.sremcp.domain.slo;

/**
 * When a rolling window's error budget runs out if errors keep coming at the current burn rate.
 *
 * <p>The observations cover a share {@code c} of the window and have spent a share {@code s} of its
 * budget, spread evenly over that part; nothing is assumed about the part before them. The window
 * first fills (no error leaves it while {@code t < (1 - c) W}), then the oldest errors roll out at
 * {@code s / c} per window while new ones arrive at the burn rate {@code b}:
 *
 * <pre>
 *   spent(t) = s + b t / W                                 for t &lt;= (1 - c) W
 *   spent(t) = s + b (1 - c) + (b - s / c) (t / W - 1 + c)  for (1 - c) W &lt; t &lt;= W
 *   spent(t) = b                                           after: the window holds only new errors
 * </pre>
 *
 * So a steady burn at or below 1x never exhausts a budget that is not spent before the old errors
 * have rolled out.
 */
final class Exhaustion {

  private Exhaustion() {}

  /**
   * Seconds until the budget is spent: 0 when it already is, {@code null} when it never will be at
   * this rate.
   */
  static Double seconds(double spent, double burn, double coverage, double windowSeconds) {
    if (spent >= 1) {
      return 0.0;
    }
    if (burn <= 0) {
      return null;
    }
    double filling = (1 - coverage) * windowSeconds;
    double beforeRollOff = (1 - spent) * windowSeconds / burn;
    if (beforeRollOff <= filling) {
      return beforeRollOff;
    }
    double spentWhenFull = spent + burn * (1 - coverage);
    double net = burn - spent / coverage;
    if (net <= 0) {
      return null;
    }
    double rollingOff = (1 - spentWhenFull) * windowSeconds / net;
    return rollingOff <= coverage * windowSeconds ? filling + rollingOff : null;
  }
}
