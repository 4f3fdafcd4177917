package dev.sremcp.persistence.redis;

import dev.sremcp.ports.out.ExplanationCache;
import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The explanation cache in Redis, shared by every instance: one {@code SET ... PX} per entry, so
 * Redis expires it; its size is bounded by the time to live and by Redis's own {@code maxmemory}
 * policy. While Redis cannot be reached the cache is empty and stores nothing: a call is never
 * failed by it.
 */
public final class RedisExplanationCache implements ExplanationCache {

  private static final String PREFIX = "sremcp:explain:";

  private final UnifiedJedis redis;
  private final RedisHealth health;

  public RedisExplanationCache(UnifiedJedis redis, RedisHealth health) {
    this.redis = redis;
    this.health = health;
  }

  @Override
  public Optional<Entry> get(String key) {
    String value = health.call(() -> redis.get(PREFIX + key), () -> null);
    return value == null ? Optional.empty() : decode(value);
  }

  @Override
  public void put(String key, Entry entry, Duration ttl) {
    health.call(
        () -> redis.set(PREFIX + key, encode(entry), SetParams.setParams().px(ttl.toMillis())),
        () -> null);
  }

  /** The model, the token counts and the reply, one per line; the reply last. */
  private static String encode(Entry entry) {
    return entry.model()
        + "\n"
        + entry.tokensIn()
        + "\n"
        + entry.tokensOut()
        + "\n"
        + entry.reply();
  }

  private static Optional<Entry> decode(String value) {
    String[] parts = value.split("\n", 4);
    if (parts.length < 4) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Entry(parts[3], parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
