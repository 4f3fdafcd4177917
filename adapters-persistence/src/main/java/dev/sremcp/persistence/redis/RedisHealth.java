package dev.sremcp.persistence.redis;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Whether Redis answers, shared by the Redis limiters: after a failure they decide locally for a
 * second before they try Redis again, so a dead Redis costs one timeout per second, not one per
 * call.
 */
public final class RedisHealth {

  private static final Logger LOG = LoggerFactory.getLogger(RedisHealth.class);
  private static final long RETRY_NANOS = 1_000_000_000L;

  private final LongAdder fallbacks = new LongAdder();
  private final AtomicLong downUntil = new AtomicLong(Long.MIN_VALUE);
  private volatile boolean down;

  /** Runs {@code redis}, or {@code local} while Redis is down or when it fails now. */
  <T> T call(Supplier<T> redis, Supplier<T> local) {
    if (down && System.nanoTime() < downUntil.get()) {
      fallbacks.increment();
      return local.get();
    }
    try {
      T result = redis.get();
      if (down) {
        down = false;
        LOG.info("Redis answers again: the limiters are shared again");
      }
      return result;
    } catch (JedisException e) {
      if (!down) {
        LOG.warn(
            "Redis cannot be reached ({}): limiting locally at a tenth of each tier's rate until"
                + " it answers",
            e.getClass().getSimpleName());
      }
      down = true;
      downUntil.set(System.nanoTime() + RETRY_NANOS);
      fallbacks.increment();
      return local.get();
    }
  }

  /** Whether the last attempt found Redis unreachable: the limiters are local until it answers. */
  public boolean degraded() {
    return down;
  }

  /** Decisions taken locally because Redis could not be reached. */
  public long fallbacks() {
    return fallbacks.sum();
  }
}
