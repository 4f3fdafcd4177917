package dev.sremcp.domain.slo;

import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of an error-ratio recording rule, and an optional label selector, such as {@code
 * slo:sli_error:ratio_rate{service="checkout"}}. Alerts read it once per window: {@code
 * slo:sli_error:ratio_rate1h{service="checkout"}}.
 */
public record PrometheusMetric(String name, String selector) {

  /** The name Sloth gives its error-ratio recording rules. */
  public static final PrometheusMetric DEFAULT =
      new PrometheusMetric("slo:sli_error:ratio_rate", "");

  private static final String MATCHER =
      "\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*(?:=|!=|=~|!~)\\s*\"(?:[^\"\\\\\\p{Cntrl}]|\\\\[^\\p{Cntrl}])*\"\\s*";
  private static final Pattern SYNTAX =
      Pattern.compile(
          "([a-zA-Z_:][a-zA-Z0-9_:]{0,199})(\\{(?:" + MATCHER + "(?:," + MATCHER + ")*,?)?\\s*})?");

  public static PrometheusMetric parse(String text) {
    Matcher matcher = SYNTAX.matcher(text.strip());
    if (!matcher.matches()) {
      throw new InvalidArgumentsException(
          "metric must be a Prometheus metric name with an optional selector of label=\"value\""
              + " matchers, such as slo:sli_error:ratio_rate{service=\"checkout\"}, got '"
              + text
              + "'");
    }
    return new PrometheusMetric(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2));
  }

  /** The series for one window, e.g. {@code slo:sli_error:ratio_rate5m{service="checkout"}}. */
  public String forWindow(String window) {
    return name + window + selector;
  }
}
