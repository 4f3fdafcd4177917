package dev.sremcp.domain.slo;

import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One SLO report to compute.
 *
 * @param targetPercent the objective in percent, e.g. {@code 99.9}; strictly between 0 and 100
 * @param metric the error-ratio recording rule that generated alerts read, with an optional label
 *     selector; the window is appended to its name, e.g. {@code slo:sli_error:ratio_rate} becomes
 *     {@code slo:sli_error:ratio_rate1h}
 * @param name the SLO's name, used in alert labels; may be {@code null}
 */
public record SloRequest(
    BigDecimal targetPercent,
    SloWindow window,
    Observations observations,
    PrometheusMetric metric,
    String name) {

  public SloRequest {
    Objects.requireNonNull(targetPercent, "targetPercent");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(observations, "observations");
    Objects.requireNonNull(metric, "metric");
    if (targetPercent.signum() <= 0 || targetPercent.compareTo(BigDecimal.valueOf(100)) >= 0) {
      throw new InvalidArgumentsException(
          "target must be above 0 and below 100 percent (a 100% target leaves no error budget), got "
              + targetPercent.toPlainString());
    }
  }

  /** The fraction of events allowed to fail: {@code 1 - target/100}. */
  public BigDecimal budgetRatio() {
    return BigDecimal.valueOf(100).subtract(targetPercent).movePointLeft(2);
  }
}
