package dev.sremcp.domain.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ExhaustionTest {

  private static final double WINDOW = 30 * 86_400.0;

  @Test
  void aSpentBudgetIsExhaustedNow() {
    assertThat(Exhaustion.seconds(1.2, 0, 1, WINDOW)).isZero();
  }

  @Test
  void aFullWindowBurningNoFasterThanItForgetsNeverRunsOut() {
    assertThat(Exhaustion.seconds(0.5, 0.5, 1, WINDOW)).isNull();
    assertThat(Exhaustion.seconds(0.5, 0.9, 1, WINDOW)).as("below 1x").isNull();
    assertThat(Exhaustion.seconds(0.5, 0, 1, WINDOW)).isNull();
  }

  @Test
  void aFullWindowBurningFasterRunsOutAsOldErrorsRollOut() {
    // spent rises from 0.5 at (2 - 0.5) per window: 0.5 / 1.5 of a window
    assertThat(Exhaustion.seconds(0.5, 2, 1, WINDOW)).isEqualTo(WINDOW / 3, within(1e-6));
  }

  @Test
  void aFillingWindowCanRunOutEvenBelowOneX() {
    // 95% spent in the first tenth of the window; 0.9x spends the last 5% before anything rolls out
    assertThat(Exhaustion.seconds(0.95, 0.9, 0.1, WINDOW))
        .isEqualTo(0.05 * WINDOW / 0.9, within(1e-6));
    assertThat(Exhaustion.seconds(0.05, 0.5, 0.1, WINDOW))
        .as("fills to 0.5 and then forgets 0.5 per window")
        .isNull();
  }
}
