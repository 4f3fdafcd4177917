package dev.sremcp.domain.slo;

import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One SLO report to compute.
 *
 * @param targetPercent the objective in percent, e.g. {@code 99.9}; above 1 and below 100
 * @param metric the error-ratio recording rule that generated alerts read, with an optional label
 *     selector; the window is appended to its name, e.g. {@code slo:sli_error:ratio_rate} becomes
 *     {@code slo:sli_error:ratio_rate1h}
 * @param name the SLO's name, used in alert labels; may be {@code null}
 * @param sli the queries the error-ratio recording rules are made of, or {@code null} to generate
 *     the alerts alone; with it the metric's selector must hold only {@code label="value"} matchers
 */
public record SloRequest(
    BigDecimal targetPercent,
    SloWindow window,
    Observations observations,
    PrometheusMetric metric,
    String name,
    SliQueries sli) {

  /** A request for the alerts alone, without recording rules. */
  public SloRequest(
      BigDecimal targetPercent,
      SloWindow window,
      Observations observations,
      PrometheusMetric metric,
      String name) {
    this(targetPercent, window, observations, metric, name, null);
  }

  public SloRequest {
    Objects.requireNonNull(targetPercent, "targetPercent");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(observations, "observations");
    Objects.requireNonNull(metric, "metric");
    if (name != null && !NAME.matcher(name).matches()) {
      throw new InvalidArgumentsException(
          "name must be 1 to 128 letters, digits, spaces and . _ : / - (it labels the generated"
              + " alerts), got '"
              + name
              + "'");
    }
    SloTarget.percent("target", targetPercent);
    if (sli != null) {
      metric.labels(); // refuses a selector the recorded series could not match
    }
  }

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._:/-]{0,127}");

  /** The fraction of events allowed to fail: {@code 1 - target/100}. */
  public BigDecimal budgetRatio() {
    return BigDecimal.valueOf(100).subtract(targetPercent).movePointLeft(2);
  }
}
