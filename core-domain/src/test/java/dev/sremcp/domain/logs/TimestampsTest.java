package dev.sremcp.domain.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void readsUnixSecondsAndMillisecondsInAJsonOrLogfmtTimeField() {
    List<String> zap =
        List.of(
            "{\"level\":\"info\",\"ts\":1745827417.605,\"msg\":\"request served\"}",
            "{\"level\":\"error\",\"ts\":1745827442.272,\"msg\":\"authorization check failed\"}");
    Timestamps seconds = Timestamps.learn(zap).orElseThrow();
    assertThat(seconds.epochSecond(zap.get(1))).isEqualTo(1745827442L);
    assertThat(seconds.render(seconds.epochSecond(zap.get(1)))).isEqualTo("2025-04-28T08:04:02Z");

    List<String> pino =
        List.of(
            "{\"level\":30,\"time\":1531171074631,\"pid\":657,\"msg\":\"hello\"}",
            "{\"level\":50,\"time\":1531171082399,\"pid\":657,\"msg\":\"boom\"}");
    Timestamps millis = Timestamps.learn(pino).orElseThrow();
    assertThat(millis.epochSecond(pino.get(1))).isEqualTo(1531171082L);

    Timestamps logfmt =
        Timestamps.learn(List.of("ts=1745827442 level=warn msg=slow")).orElseThrow();
    assertThat(logfmt.epochSecond("ts=1745827443 level=warn msg=slow")).isEqualTo(1745827443L);
  }

  @Test
  void aNumberThatIsNotATimeFieldIsNoTimestamp() {
    assertThat(Timestamps.learn(List.of("{\"bytes\":1745827442,\"msg\":\"x\"}"))).isEmpty();
    assertThat(Timestamps.learn(List.of("{\"ts\":17458274421234,\"msg\":\"x\"}"))).isEmpty();
  }
}
