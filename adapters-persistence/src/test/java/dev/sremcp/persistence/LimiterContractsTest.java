package dev.sremcp.persistence;

import dev.sremcp.persistence.local.LocalConcurrencyLimiter;
import dev.sremcp.persistence.local.LocalRateLimiter;
import dev.sremcp.persistence.redis.RedisConcurrencyLimiter;
import dev.sremcp.persistence.redis.RedisHealth;
import dev.sremcp.persistence.redis.RedisRateLimiter;
import dev.sremcp.ports.out.ConcurrencyLimiter;
import dev.sremcp.ports.out.RateLimiter;
import dev.sremcp.testkit.ports.ConcurrencyLimiterContract;
import dev.sremcp.testkit.ports.RateLimiterContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import redis.clients.jedis.UnifiedJedis;

/** The limiter contracts, passed in process and on a real redis-server. */
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
}
