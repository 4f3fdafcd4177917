package dev.sremcp.domain.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-06-20T15:45:52Z",
        "2024-06-20T15:45:52.000+0000",
        "2024-06-20T17:45:52+02:00",
        "2024-06-20 15:45:52",
        "2024-06-20 15:45:52 UTC",
        "2024-06-20T15:45:52,000Z",
        "1718898352",
        "1718898352000",
      })
  void readsTheTimesSendersWrite(String text) {
    assertThat(Times.parse(text)).contains(Instant.parse("2024-06-20T15:45:52Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2024-13-20T15:45:52Z", "0001-01-01T00:00:00Z", ""})
  void refusesWhatIsNotATime(String text) {
    assertThat(Times.parse(text)).isEmpty();
  }
}
