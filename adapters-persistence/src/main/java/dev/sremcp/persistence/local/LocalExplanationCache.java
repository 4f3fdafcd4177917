package dev.sremcp.persistence.local;

import dev.sremcp.ports.out.ExplanationCache;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The explanation cache of one process: at most a number of entries, the least recently used
 * leaving first, each for its time to live.
 */
public final class LocalExplanationCache implements ExplanationCache {

  /** The entries of the default cache: about 40 MB at the largest replies. */
  public static final int DEFAULT_ENTRIES = 10_000;

  private record Held(Entry entry, long expiresAtNanos) {}

  private final int maxEntries;
  private final LongSupplier nanos;
  private final LinkedHashMap<String, Held> entries;

  public LocalExplanationCache(int maxEntries) {
    this(maxEntries, System::nanoTime);
  }

  /**
   * @param nanos the clock, in nanoseconds, that ages entries
   */
  public LocalExplanationCache(int maxEntries, LongSupplier nanos) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("the cache holds at least one entry: " + maxEntries);
    }
    this.maxEntries = maxEntries;
    this.nanos = Objects.requireNonNull(nanos, "nanos");
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Held> eldest) {
            return size() > LocalExplanationCache.this.maxEntries;
          }
        };
  }

  @Override
  public synchronized Optional<Entry> get(String key) {
    Held held = entries.get(key);
    if (held == null) {
      return Optional.empty();
    }
    if (nanos.getAsLong() - held.expiresAtNanos() >= 0) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(held.entry());
  }

  @Override
  public synchronized void put(String key, Entry entry, Duration ttl) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(entry, "entry");
    entries.put(key, new Held(entry, nanos.getAsLong() + ttl.toNanos()));
  }

  /** Entries held now, expired ones included until they are next read. */
  public synchronized int size() {
    return entries.size();
  }
}
