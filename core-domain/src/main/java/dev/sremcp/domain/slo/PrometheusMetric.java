package dev.sremcp.domain.slo;

import dev.sremcp.domain.promql.LabelMatcher;
import dev.sremcp.domain.promql.PromQl;
import dev.sremcp.domain.promql.PromQlSyntaxException;
import dev.sremcp.domain.promql.VectorSelector;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
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

  /**
   * The selector's labels, in the order written, for recording rules to set so that the series they
   * record match the selector.
   *
   * @throws InvalidArgumentsException when a matcher is not {@code label="value"}, names a label
   *     twice, or names a reserved {@code __} label: no recorded series could carry it
   */
  public SequencedMap<String, String> labels() {
    VectorSelector parsed;
    try {
      parsed = (VectorSelector) PromQl.parse(name + selector);
    } catch (PromQlSyntaxException e) {
      throw new InvalidArgumentsException(
          "metric " + name + selector + " is not a PromQL selector: " + e.problem());
    }
    SequencedMap<String, String> labels = new LinkedHashMap<>();
    for (LabelMatcher matcher : parsed.matchers()) {
      String written = matcher.name() + matcher.op() + "\"" + matcher.value() + "\"";
      if (!matcher.op().equals("=")) {
        throw new InvalidArgumentsException(
            "with sli, the selector of metric may hold only label=\"value\" matchers, which become"
                + " the labels of the recorded series; "
                + written
                + " cannot be recorded");
      }
      if (matcher.name().startsWith("__")) {
        throw new InvalidArgumentsException(
            "with sli, the selector of metric cannot set "
                + matcher.name()
                + ": labels starting"
                + " with __ are reserved to Prometheus");
      }
      if (labels.putIfAbsent(matcher.name(), matcher.value()) != null) {
        throw new InvalidArgumentsException(
            "with sli, the selector of metric names the label " + matcher.name() + " twice");
      }
    }
    return labels;
  }
}
