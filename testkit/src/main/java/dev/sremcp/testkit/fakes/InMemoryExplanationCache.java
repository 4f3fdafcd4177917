package dev.sremcp.testkit.fakes;

import dev.sremcp.ports.out.ExplanationCache;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An unbounded {@link ExplanationCache} in memory, for tests; it passes the cache contract. */
public final class InMemoryExplanationCache implements ExplanationCache {

  private record Held(Entry entry, long expiresAtNanos) {}

  private final Map<String, Held> entries = new ConcurrentHashMap<>();

  @Override
  public Optional<Entry> get(String key) {
    Held held = entries.get(key);
    if (held == null || System.nanoTime() - held.expiresAtNanos() >= 0) {
      return Optional.empty();
    }
    return Optional.of(held.entry());
  }

  @Override
  public void put(String key, Entry entry, Duration ttl) {
    entries.put(key, new Held(entry, System.nanoTime() + ttl.toNanos()));
  }
}
