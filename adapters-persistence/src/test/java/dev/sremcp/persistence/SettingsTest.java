package dev.sremcp.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void numbersFromTheEnvironmentAreReadOrRefusedByName() {
    assertThat(
            DatabaseSettings.fromEnvironment(Map.of("SREMCP_DATABASE_POOL_SIZE", " 7 ")).poolSize())
        .isEqualTo(7);
    assertThat(DatabaseSettings.fromEnvironment(Map.of()).poolSize()).isEqualTo(10);
    assertThatThrownBy(
            () -> DatabaseSettings.fromEnvironment(Map.of("SREMCP_DATABASE_POOL_SIZE", "ten")))
        .hasMessage("SREMCP_DATABASE_POOL_SIZE must be a whole number of at least 1, not 'ten'");
    assertThatThrownBy(
            () -> LimitsSettings.fromEnvironment(Map.of("SREMCP_GLOBAL_CONCURRENCY", "0")))
        .hasMessage("SREMCP_GLOBAL_CONCURRENCY must be a whole number of at least 1, not '0'");
    assertThat(
            LimitsSettings.fromEnvironment(Map.of("SREMCP_GLOBAL_CONCURRENCY", "32"))
                .globalConcurrency())
        .isEqualTo(32);
  }
}
