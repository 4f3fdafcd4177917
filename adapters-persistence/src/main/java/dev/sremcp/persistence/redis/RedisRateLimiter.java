package dev.sremcp.persistence.redis;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.TierLimits;
import dev.sremcp.persistence.local.LocalRateLimiter;
import dev.sremcp.ports.out.RateLimiter;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/** The hourly token bucket in Redis, one {@code EVAL} per decision, on Redis's own clock. */
public final class RedisRateLimiter implements RateLimiter {

  static final String SCRIPT =
      """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      local capacity = tonumber(ARGV[1])
      local rate = tonumber(ARGV[2])
      local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
      local tokens = tonumber(state[1]) or capacity
      local ts = tonumber(state[2]) or now
      tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate)
      local allowed = 0
      if tokens >= 1 then
        tokens = tokens - 1
        allowed = 1
      end
      local reset = math.ceil((capacity - tokens) / rate)
      redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', now)
      redis.call('PEXPIRE', KEYS[1], reset + 1000)
      local retry = 0
      if allowed == 0 then retry = math.ceil((1 - tokens) / rate) end
      return {allowed, math.floor(tokens), retry, reset}
      """;

  private final UnifiedJedis redis;
  private final RedisHealth health;
  private final RateLimiter fallback;

  public RedisRateLimiter(UnifiedJedis redis, RedisHealth health) {
    this.redis = redis;
    this.health = health;
    this.fallback = new LocalRateLimiter(System::nanoTime, 0.1);
  }

  @Override
  public Decision tryAcquire(AccountId account, TierLimits limits) {
    return health.call(() -> shared(account, limits), () -> fallback.tryAcquire(account, limits));
  }

  private Decision shared(AccountId account, TierLimits limits) {
    double perMilli = limits.hourlyRate() / 3_600_000.0;
    @SuppressWarnings("unchecked")
    List<Long> result =
        (List<Long>)
            redis.eval(
                SCRIPT,
                List.of("sremcp:{" + account + "}:rate"),
                List.of(String.valueOf(limits.burst()), Double.toString(perMilli)));
    return new Decision(
        result.get(0) == 1,
        result.get(1),
        Duration.ofMillis(result.get(2)),
        Duration.ofMillis(result.get(3)));
  }
}
