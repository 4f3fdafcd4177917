package dev.sremcp.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sremcp.persistence.local.LocalConcurrencyLimiter;
import dev.sremcp.persistence.local.LocalExplanationCache;
import dev.sremcp.persistence.local.LocalRateLimiter;
import dev.sremcp.persistence.redis.RedisConcurrencyLimiter;
import dev.sremcp.persistence.redis.RedisExplanationCache;
import dev.sremcp.persistence.redis.RedisHealth;
import dev.sremcp.persistence.redis.RedisRateLimiter;
import dev.sremcp.ports.out.ConcurrencyLimiter;
import dev.sremcp.ports.out.ExplanationCache;
import dev.sremcp.ports.out.RateLimiter;
import dev.sremcp.testkit.ports.ConcurrencyLimiterContract;
import dev.sremcp.testkit.ports.ExplanationCacheContract;
import dev.sremcp.testkit.ports.RateLimiterContract;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** The limiter and cache contracts, passed in process and on a real redis-server. */
class LimiterContractsTest {

  @Nested
  class LocalRate extends RateLimiterContract {
    private final RateLimiter limiter = new LocalRateLimiter();

    @Override
    protected RateLimiter limiter() {
      return limiter;
    }
  }

  @Nested
  class LocalConcurrency extends ConcurrencyLimiterContract {
    private final ConcurrencyLimiter limiter = new LocalConcurrencyLimiter(capacity());

    @Override
    protected ConcurrencyLimiter limiter() {
      return limiter;
    }
  }

  @Nested
  class RedisRate extends RateLimiterContract {
    private UnifiedJedis redis;
    private RateLimiter limiter;

    @BeforeEach
    void connect() {
      redis = Servers.redisClient();
      limiter = new RedisRateLimiter(redis, new RedisHealth());
    }

    @AfterEach
    void close() {
      redis.close();
    }

    @Override
    protected RateLimiter limiter() {
      return limiter;
    }
  }

  @Nested
  class RedisConcurrency extends ConcurrencyLimiterContract {
    private UnifiedJedis redis;
    private ConcurrencyLimiter limiter;

    @BeforeEach
    void connect() {
      redis = Servers.redisClient();
      redis.flushAll();
      limiter = new RedisConcurrencyLimiter(redis, new RedisHealth(), capacity());
    }

    @AfterEach
    void close() {
      redis.close();
    }

    @Override
    protected ConcurrencyLimiter limiter() {
      return limiter;
    }
  }

  @Nested
  class LocalCache extends ExplanationCacheContract {
    private final ExplanationCache cache = new LocalExplanationCache(100);

    @Override
    protected ExplanationCache cache() {
      return cache;
    }

    @Test
    void holdsAtMostItsBoundTheLeastRecentlyUsedLeavingFirst() {
      LocalExplanationCache small = new LocalExplanationCache(2);
      ExplanationCache.Entry entry = new ExplanationCache.Entry("{}", "m", 1, 1);
      small.put("a", entry, Duration.ofMinutes(1));
      small.put("b", entry, Duration.ofMinutes(1));
      small.get("a");
      small.put("c", entry, Duration.ofMinutes(1));
      assertThat(small.size()).isEqualTo(2);
      assertThat(small.get("b")).isEmpty();
      assertThat(small.get("a")).isPresent();
    }
  }

  @Nested
  class RedisCache extends ExplanationCacheContract {
    private UnifiedJedis redis;
    private ExplanationCache cache;

    @BeforeEach
    void connect() {
      redis = Servers.redisClient();
      cache = new RedisExplanationCache(redis, new RedisHealth());
    }

    @AfterEach
    void close() {
      redis.close();
    }

    @Override
    protected ExplanationCache cache() {
      return cache;
    }
  }
}
