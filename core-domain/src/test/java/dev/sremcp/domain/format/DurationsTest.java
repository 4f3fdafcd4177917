package dev.sremcp.domain.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void humanDurationsShowTheTwoLargestUnits() {
    assertThat(Durations.human(Duration.ofSeconds(2592))).isEqualTo("43m 12s");
    assertThat(Durations.human(Duration.ofDays(13).plusHours(1).plusMinutes(5)))
        .isEqualTo("13d 1h");
    assertThat(Durations.human(Duration.ofSeconds(9))).isEqualTo("9s");
    assertThat(Durations.human(Duration.ZERO)).isEqualTo("0s");
    assertThat(Durations.human(Duration.ofMinutes(-90))).isEqualTo("-1h 30m");
  }

  @Test
  void prometheusRangesAreWholeMinutesInCompoundUnits() {
    assertThat(Durations.prometheus(Duration.ofMinutes(4032))).isEqualTo("2d19h12m");
    assertThat(Durations.prometheus(Duration.ofHours(6))).isEqualTo("6h");
    assertThatThrownBy(() -> Durations.prometheus(Duration.ofSeconds(90)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
