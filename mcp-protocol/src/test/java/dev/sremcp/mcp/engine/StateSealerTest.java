package dev.sremcp.mcp.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StateSealerTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private final byte[] key = StateSealer.randomKey();
  private final StateSealer sealer =
      new StateSealer(key, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(15));

  @Test
  void opensWhatItSealedForTheSameOwnerWithinItsLifetime() {
    String sealed = sealer.seal("tools/call a", "round=2\nname=Ada");

    assertThat(sealer.open("tools/call a", sealed)).contains("round=2\nname=Ada");
    assertThat(sealer.open("tools/call b", sealed)).isEmpty();
    assertThat(
            new StateSealer(
                    key, Clock.fixed(NOW.plusSeconds(901), ZoneOffset.UTC), Duration.ofMinutes(15))
                .open("tools/call a", sealed))
        .isEmpty();
    assertThat(
            new StateSealer(
                    StateSealer.randomKey(),
                    Clock.fixed(NOW, ZoneOffset.UTC),
                    Duration.ofMinutes(15))
                .open("tools/call a", sealed))
        .as("another server's key")
        .isEmpty();
  }

  @Test
  void anyChangeBreaksTheSeal() {
    String sealed = sealer.seal("o", "s");
    int dot = sealed.indexOf('.');
    String otherPayload =
        java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("9999999999\no\nadmin".getBytes())
            + sealed.substring(dot);

    assertThat(sealer.open("o", sealed + "-TAMPERED")).isEmpty();
    assertThat(sealer.open("o", sealed + "A")).isEmpty();
    assertThat(sealer.open("o", otherPayload)).isEmpty();
    assertThat(sealer.open("o", "no-dot-at-all")).isEmpty();
    assertThat(sealer.open("o", "a.b.c")).isEmpty();
  }
}
