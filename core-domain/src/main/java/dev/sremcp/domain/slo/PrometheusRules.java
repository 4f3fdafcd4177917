package dev.sremcp.domain.slo;

import dev.sremcp.domain.format.Durations;
import dev.sremcp.domain.format.Numbers;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes the burn-rate alerts of a policy as a Prometheus rule file, in the shape Pyrra uses: one
 * {@code ErrorBudgetBurn} alert per pair of windows, labelled with its windows and severity.
 */
public final class PrometheusRules {

  private PrometheusRules() {}

  public static String alertRules(SloRequest request, List<BurnRateWindow> windows) {
    BigDecimal budgetRatio = request.budgetRatio();
    String ratio = budgetRatio.stripTrailingZeros().toPlainString();
    String target = request.targetPercent().stripTrailingZeros().toPlainString();
    String slo = request.name() == null ? "the SLO" : request.name();
    StringBuilder yaml = new StringBuilder();
    yaml.append("# Multi-window, multi-burn-rate alerts for ")
        .append(target)
        .append("% over ")
        .append(request.window().text())
        .append(" (error budget ratio ")
        .append(ratio)
        .append(").\n# They read the error-ratio recording rules ")
        .append(request.metric().name())
        .append("<window>; record one per window below.\n")
        .append("groups:\n  - name: ")
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

  /** A double-quoted YAML scalar. */
  private static String quoted(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
