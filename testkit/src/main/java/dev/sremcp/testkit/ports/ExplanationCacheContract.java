package dev.sremcp.testkit.ports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sremcp.ports.out.ExplanationCache;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link ExplanationCache} promises: what was put comes back whole until it expires. */
public abstract class ExplanationCacheContract {

  protected abstract ExplanationCache cache();

  private static String key() {
    return "explain:" + UUID.randomUUID();
  }

  @Test
  void isEmptyForAKeyNeverPut() {
    assertThat(cache().get(key())).isEmpty();
  }

  @Test
  void returnsWhatWasPutWhole() {
    String key = key();
    String reply =
        "{\"summary\":\"a line\\nand another: é, 🚀, <aws-access-key-1a2b3c4d>\"}\n"
            + "x".repeat(40_000);
    ExplanationCache.Entry entry = new ExplanationCache.Entry(reply, "qwen2.5:7b", 1_234, 321);
    cache().put(key, entry, Duration.ofMinutes(5));
    assertThat(cache().get(key)).contains(entry);
  }

  @Test
  void aLaterPutReplacesTheEntry() {
    String key = key();
    cache().put(key, new ExplanationCache.Entry("{\"a\":1}", "m", 1, 1), Duration.ofMinutes(5));
    cache().put(key, new ExplanationCache.Entry("{\"b\":2}", "m", 2, 2), Duration.ofMinutes(5));
    assertThat(cache().get(key)).map(ExplanationCache.Entry::reply).contains("{\"b\":2}");
  }

  @Test
  void keysAreIndependent() {
    String one = key();
    String other = key();
    cache().put(one, new ExplanationCache.Entry("{}", "m", 1, 1), Duration.ofMinutes(5));
    assertThat(cache().get(other)).isEmpty();
    assertThat(cache().get(one)).isPresent();
  }

  @Test
  void anEntryExpiresAfterItsTimeToLive() throws InterruptedException {
    String key = key();
    cache().put(key, new ExplanationCache.Entry("{}", "m", 1, 1), Duration.ofMillis(150));
    assertThat(cache().get(key)).isPresent();
    Thread.sleep(400);
    assertThat(cache().get(key)).isEmpty();
  }
}
