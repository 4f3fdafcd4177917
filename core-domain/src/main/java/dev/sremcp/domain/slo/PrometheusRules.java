package dev.sremcp.domain.slo;

import dev.sremcp.domain.format.Durations;
import dev.sremcp.domain.format.Numbers;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes the burn-rate alerts of a policy as a Prometheus rule file, in the shape Pyrra uses: one
 * {@code ErrorBudgetBurn} alert per pair of windows, labelled with its windows and severity. With
 * an SLI, the file starts with the recording rules the alerts read.
 */
public final class PrometheusRules {

  private PrometheusRules() {}

  /**
   * The rule file of an SLO: its burn-rate alerts; with an SLI, first the recording rules they read
   * (see {@link RecordingRules}).
   */
  public static String ruleFile(SloRequest request, List<BurnRateWindow> windows) {
    if (request.sli() == null) {
      return alertRules(request, windows);
    }
    String metric = request.metric().name();
    return "# Recording rules and multi-window, multi-burn-rate alerts for "
        + objective(request)
        + ".\n# As Sloth records them: "
        + metric
        + "<window> is errors / total over the window;\n"
        + "# slo:objective:ratio, slo:error_budget:ratio and slo:time_period:days describe the SLO;\n"
        + "# slo:current_burn_rate:ratio (over 5m), slo:period_burn_rate:ratio and\n"
        + "# slo:period_error_budget_remaining:ratio (over "
        + Durations.prometheus(request.window().length())
        + ") follow the budget. Sloth's sloth_* labels\n"
        + "# are the metric's selector and slo here, and the window is only in the name.\n"
        + "groups:\n"
        + RecordingRules.group(request, windows)
        + alertGroup(request, windows);
  }

  /** The burn-rate alerts alone, reading recording rules the user writes. */
  public static String alertRules(SloRequest request, List<BurnRateWindow> windows) {
    return "# Multi-window, multi-burn-rate alerts for "
        + objective(request)
        + ".\n# They read the error-ratio recording rules "
        + request.metric().name()
        + "<window>; record one per window below.\n"
        + "groups:\n"
        + alertGroup(request, windows);
  }

  private static String objective(SloRequest request) {
    return request.targetPercent().stripTrailingZeros().toPlainString()
        + "% over "
        + request.window().text()
        + " (error budget ratio "
        + request.budgetRatio().stripTrailingZeros().toPlainString()
        + ")";
  }

  private static String alertGroup(SloRequest request, List<BurnRateWindow> windows) {
    BigDecimal budgetRatio = request.budgetRatio();
    String ratio = budgetRatio.stripTrailingZeros().toPlainString();
    String slo = request.name() == null ? "the SLO" : request.name();
    StringBuilder yaml = new StringBuilder();
    yaml.append("  - name: ")
        .append(quoted("slo-burn-rate" + (request.name() == null ? "" : "-" + request.name())))
        .append("\n    rules:\n");
    for (BurnRateWindow window : windows) {
      String longWindow = Durations.prometheus(window.longWindow());
      String shortWindow = Durations.prometheus(window.shortWindow());
      String rate = Numbers.plain(window.burnRate(), 4);
      if (window.errorRatioThreshold(budgetRatio.doubleValue()) >= 1) {
        yaml.append("      # The ")
            .append(rate)
            .append("x alert over ")
            .append(longWindow)
            .append(" and ")
            .append(shortWindow)
            .append(
                " is left out: it would need an error ratio above 100% and could never fire.\n");
        continue;
      }
      String threshold = "(" + rate + " * " + ratio + ")";
      yaml.append("      - alert: ErrorBudgetBurn\n")
          .append("        expr: |\n")
          .append("          (\n")
          .append("            ")
          .append(request.metric().forWindow(longWindow))
          .append(" > ")
          .append(threshold)
          .append("\n          and\n            ")
          .append(request.metric().forWindow(shortWindow))
          .append(" > ")
          .append(threshold)
          .append("\n          )\n")
          .append("        for: ")
          .append(Durations.prometheus(window.forDuration()))
          .append("\n        labels:\n")
          .append("          severity: ")
          .append(window.severity())
          .append("\n          long_window: ")
          .append(quoted(longWindow))
          .append("\n          short_window: ")
          .append(quoted(shortWindow));
      if (request.name() != null) {
        yaml.append("\n          slo: ").append(quoted(request.name()));
      }
      yaml.append("\n        annotations:\n          summary: ")
          .append(
              quoted(
                  "The error budget of "
                      + slo
                      + " is burning at "
                      + rate
                      + "x or faster over "
                      + longWindow
                      + " and "
                      + shortWindow))
          .append("\n          description: ")
          .append(
              quoted(
                  "At this rate "
                      + Numbers.percent(window.budgetConsumed(request.window()), 1)
                      + " of the "
                      + request.window().text()
                      + " error budget is spent every "
                      + longWindow
                      + "."))
          .append('\n');
    }
    return yaml.toString();
  }

  /** A double-quoted YAML scalar; control characters and line separators are escaped. */
  static String quoted(String text) {
    StringBuilder yaml = new StringBuilder("\"");
    text.codePoints()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                yaml.append('\\').appendCodePoint(c);
              } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                yaml.append("\\u%04x".formatted(c));
              } else {
                yaml.appendCodePoint(c);
              }
            });
    return yaml.append('"').toString();
  }
}
