package dev.sremcp.domain.slo;

import dev.sremcp.domain.format.Durations;
import dev.sremcp.domain.promql.PromQl;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The recording rules of an SLO with an SLI, as Sloth generates them: the error ratio over every
 * window the alerts read and the usual dashboard windows, then Sloth's metadata and burn-rate
 * records. Sloth labels every series with {@code sloth_id}, {@code sloth_service}, {@code
 * sloth_slo} and {@code sloth_window}; here the labels are the metric selector's (which the alerts
 * select on) and {@code slo} (the SLO's name), and the window is in the name only.
 */
final class RecordingRules {

  /** The window the longer ones are averaged from, and the current burn rate read over. */
  static final Duration BASE = Duration.ofMinutes(5);

  /** Windows longer than this average the {@link #BASE} ratio rather than take a rate. */
  static final Duration LONGEST_RATE = Duration.ofDays(3);

  private static final List<Duration> USUAL =
      List.of(
          BASE,
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(6),
          Duration.ofDays(1),
          Duration.ofDays(3));

  private static final Pattern YAML_WORD = Pattern.compile("(?i)null|true|false|yes|no|on|off|y|n");

  private RecordingRules() {}

  /**
   * The windows recorded, shortest first: those of the alerts that can fire, the usual ones up to
   * the SLO window (a ratio over more than it says nothing about this SLO), and the SLO window.
   */
  static List<Duration> windows(SloRequest request, List<BurnRateWindow> policy) {
    Duration slo = request.window().length();
    double budgetRatio = request.budgetRatio().doubleValue();
    TreeSet<Duration> windows = new TreeSet<>();
    USUAL.stream().filter(w -> w.compareTo(slo) <= 0).forEach(windows::add);
    windows.add(BASE);
    windows.add(slo);
    for (BurnRateWindow alert : policy) {
      if (alert.errorRatioThreshold(budgetRatio) < 1) {
        windows.add(alert.longWindow());
        windows.add(alert.shortWindow());
      }
    }
    return List.copyOf(windows);
  }

  /** The labels of every recorded series: the metric selector's, then {@code slo}. */
  static SequencedMap<String, String> labels(SloRequest request) {
    SequencedMap<String, String> labels = request.metric().labels();
    if (request.name() != null) {
      labels.putIfAbsent("slo", request.name());
    }
    return labels;
  }

  /** The group, indented to sit under {@code groups:}. */
  static String group(SloRequest request, List<BurnRateWindow> policy) {
    SliQueries sli = request.sli();
    PrometheusMetric metric = request.metric();
    SequencedMap<String, String> labels = labels(request);
    String filter = selector(labels);
    String base = metric.name() + Durations.prometheus(BASE) + filter;
    StringBuilder yaml =
        new StringBuilder("  - name: ")
            .append(
                PrometheusRules.quoted(
                    "slo-recordings" + (request.name() == null ? "" : "-" + request.name())))
            .append("\n    rules:\n");
    boolean averaged = false;
    for (Duration window : windows(request, policy)) {
      String text = Durations.prometheus(window);
      if (window.compareTo(LONGEST_RATE) <= 0) {
        if (window.compareTo(BASE) < 0) {
          yaml.append("      # rate() over ")
              .append(text)
              .append(" needs two samples in it: scrape these series every ")
              .append(PromQl.format(window.dividedBy(2)))
              .append(" or more often.\n");
        }
        rule(yaml, metric.name() + text, sli.errorRatio(text), labels);
        continue;
      }
      if (!averaged) {
        averaged = true;
        yaml.append("      # Windows above ")
            .append(Durations.prometheus(LONGEST_RATE))
            .append(" average the ")
            .append(Durations.prometheus(BASE))
            .append(" ratio, as Sloth records its SLO period:\n")
            .append("      # a rate() over them would read days of raw samples at every")
            .append(" evaluation.\n");
      }
      String range = "[" + text + "]";
      rule(
          yaml,
          metric.name() + text,
          "sum_over_time(" + base + range + ")\n/\ncount_over_time(" + base + range + ")",
          labels);
    }
    metadata(yaml, request, labels, filter, base);
    return yaml.toString();
  }

  /** Sloth's records of the objective, the budget, the period and how fast the budget burns. */
  private static void metadata(
      StringBuilder yaml,
      SloRequest request,
      SequencedMap<String, String> labels,
      String filter,
      String base) {
    PrometheusMetric metric = request.metric();
    String on = " on(" + String.join(", ", labels.sequencedKeySet()) + ") group_left\n";
    String budget = "slo:error_budget:ratio" + filter;
    String period = Durations.prometheus(request.window().length());
    rule(yaml, "slo:objective:ratio", "vector(" + plain(objective(request)) + ")", labels);
    rule(yaml, "slo:error_budget:ratio", "vector(" + plain(request.budgetRatio()) + ")", labels);
    rule(
        yaml,
        "slo:time_period:days",
        "vector("
            + plain(
                BigDecimal.valueOf(request.window().length().toSeconds())
                    .divide(BigDecimal.valueOf(86_400), MathContext.DECIMAL64))
            + ")",
        labels);
    rule(yaml, "slo:current_burn_rate:ratio", base + "\n/" + on + budget, labels);
    rule(
        yaml,
        "slo:period_burn_rate:ratio",
        metric.name() + period + filter + "\n/" + on + budget,
        labels);
    rule(
        yaml,
        "slo:period_error_budget_remaining:ratio",
        "1 - slo:period_burn_rate:ratio" + filter,
        labels);
  }

  private static BigDecimal objective(SloRequest request) {
    return BigDecimal.ONE.subtract(request.budgetRatio());
  }

  private static String plain(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }

  private static void rule(
      StringBuilder yaml, String record, String expr, Map<String, String> labels) {
    yaml.append("      - record: ")
        .append(record)
        .append("\n        expr: |\n")
        .append(("          " + expr.replace("\n", "\n          ")).replaceAll("(?m)^ +$", ""))
        .append('\n');
    if (!labels.isEmpty()) {
      yaml.append("        labels:\n");
      labels.forEach(
          (name, value) ->
              yaml.append("          ")
                  .append(YAML_WORD.matcher(name).matches() ? PrometheusRules.quoted(name) : name)
                  .append(": ")
                  .append(PrometheusRules.quoted(value))
                  .append('\n'));
    }
  }

  /** A PromQL selector matching exactly these labels, e.g. {@code {service="checkout"}}. */
  private static String selector(Map<String, String> labels) {
    if (labels.isEmpty()) {
      return "";
    }
    return labels.entrySet().stream()
        .map(label -> label.getKey() + "=" + promQlString(label.getValue()))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static String promQlString(String value) {
    StringBuilder text = new StringBuilder("\"");
    value
        .codePoints()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                text.append('\\').appendCodePoint(c);
              } else if (Character.isISOControl(c)) {
                text.append("\\u%04x".formatted(c));
              } else {
                text.appendCodePoint(c);
              }
            });
    return text.append('"').toString();
  }
}
