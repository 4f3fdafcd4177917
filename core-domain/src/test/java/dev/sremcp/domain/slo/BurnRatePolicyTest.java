package dev.sremcp.domain.slo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sremcp.domain.format.Durations;
import java.util.List;
import org.junit.jupiter.api.Test;

class BurnRatePolicyTest {

  private static List<String> windows(String slo) {
    SloWindow window = SloWindow.parse(slo);
    return BurnRatePolicy.forWindow(window).stream()
        .map(
            rule ->
                rule.severity()
                    + " "
                    + rule.burnRate()
                    + "x "
                    + Durations.prometheus(rule.longWindow())
                    + "/"
                    + Durations.prometheus(rule.shortWindow())
                    + " for "
                    + Durations.prometheus(rule.forDuration())
                    + " spends "
                    + Math.round(rule.budgetConsumed(window) * 1000) / 10.0
                    + "%")
        .toList();
  }

  @Test
  void aThirtyDayWindowIsTheWorkbookPolicyExactly() {
    assertThat(windows("30d"))
        .containsExactly(
            "page 14.4x 1h/5m for 2m spends 2.0%",
            "page 6.0x 6h/30m for 15m spends 5.0%", "ticket 1.0x 3d/6h for 3h spends 10.0%");
  }

  @Test
  void otherWindowsScaleTheirLengthsAndKeepTheBudgetShares() {
    assertThat(windows("4w"))
        .containsExactly(
            "page 14.4x 56m/5m for 2m spends 2.0%",
            "page 6.0x 5h36m/28m for 14m spends 5.0%",
            "ticket 1.0x 2d19h12m/5h36m for 2h48m spends 10.0%");
  }

  @Test
  void shortWindowsNeverGoBelowAMinute() {
    assertThat(windows("1d").getFirst()).isEqualTo("page 14.4x 2m/1m for 1m spends 2.0%");
  }
}
