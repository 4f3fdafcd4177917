package dev.sremcp.persistence.redis;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Priority;
import dev.sremcp.persistence.local.LocalConcurrencyLimiter;
import dev.sremcp.ports.out.ConcurrencyLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import redis.clients.jedis.UnifiedJedis;

/**
 * In-flight caps per account and the global priority budget in Redis: a sorted set of running calls
 * per account and per priority, scored by start time, so the slots of a crashed instance expire
 * after {@link #STALE}. The global rule is the local limiter's (a priority within its share is
 * admitted even when others borrowed everything, and a less urgent call leaves a free slot to a
 * more urgent one that waits); a refused call is listed as waiting and polls until it gets a slot
 * or its wait runs out.
 */
public final class RedisConcurrencyLimiter implements ConcurrencyLimiter {

  /** A slot older than this belongs to a crashed instance. */
  static final Duration STALE = Duration.ofMinutes(5);

  private static final String NOW =
      """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      """;

  static final String ACCOUNT_SCRIPT =
      NOW
          + """
          redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[3]))
          if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
          redis.call('ZADD', KEYS[1], now, ARGV[2])
          redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
          return 1
          """;

  /**
   * KEYS: the running sets of every priority, most urgent first, then their waiting sets. ARGV:
   * this priority's index (from 1), the member, the stale age, the capacity, this priority's share,
   * and 1 when a refused call will wait (it is then listed as waiting until it gets a slot or gives
   * up, so that less urgent calls leave the next free slot to it).
   */
  static final String GLOBAL_SCRIPT =
      NOW
          + """
          local ttl = tonumber(ARGV[3])
          local me = tonumber(ARGV[1])
          local n = #KEYS / 2
          local total = 0
          local mine = 0
          for i = 1, n do
            redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - ttl)
            local running = redis.call('ZCARD', KEYS[i])
            total = total + running
            if i == me then mine = running end
          end
          local urgentWaiting = false
          for i = 1, me - 1 do
            redis.call('ZREMRANGEBYSCORE', KEYS[n + i], '-inf', now - tonumber(ARGV[7]))
            if redis.call('ZCARD', KEYS[n + i]) > 0 then urgentWaiting = true end
          end
          if mine >= tonumber(ARGV[5])
              and (total >= tonumber(ARGV[4]) or urgentWaiting) then
            if ARGV[6] == '1' then
              redis.call('ZADD', KEYS[n + me], now, ARGV[2])
              redis.call('PEXPIRE', KEYS[n + me], tonumber(ARGV[7]))
            end
            return 0
          end
          redis.call('ZREM', KEYS[n + me], ARGV[2])
          redis.call('ZADD', KEYS[me], now, ARGV[2])
          redis.call('PEXPIRE', KEYS[me], ttl)
          return 1
          """;

  /** A waiting entry older than this was left by a crashed instance (the longest wait is 2 s). */
  static final Duration WAIT_STALE = Duration.ofSeconds(5);

  private static final List<String> GLOBAL_KEYS =
      List.of(Priority.values()).stream().map(p -> "sremcp:{global}:inflight:" + p.id()).toList();

  private static final List<String> WAITING_KEYS =
      List.of(Priority.values()).stream().map(p -> "sremcp:{global}:waiting:" + p.id()).toList();

  private static final List<String> SCRIPT_KEYS =
      Stream.concat(GLOBAL_KEYS.stream(), WAITING_KEYS.stream()).toList();

  private final UnifiedJedis redis;
  private final RedisHealth health;
  private final int capacity;
  private final LocalConcurrencyLimiter fallback;

  /**
   * @param capacity calls the whole fleet runs at once
   */
  public RedisConcurrencyLimiter(UnifiedJedis redis, RedisHealth health, int capacity) {
    this.redis = redis;
    this.health = health;
    this.capacity = capacity;
    this.fallback = new LocalConcurrencyLimiter(Math.max(1, capacity / 10));
  }

  @Override
  public Optional<Permit> enterAccount(AccountId account, String requestId, int cap) {
    String key = "sremcp:{" + account + "}:inflight";
    String member = member(requestId);
    return health.call(
        () -> {
          Object admitted =
              redis.eval(
                  ACCOUNT_SCRIPT,
                  List.of(key),
                  List.of(String.valueOf(cap), member, String.valueOf(STALE.toMillis())));
          return Long.valueOf(1).equals(admitted)
              ? Optional.of(release(key, member))
              : Optional.<Permit>empty();
        },
        () -> fallback.enterAccount(account, requestId, Math.max(1, cap / 10)));
  }

  @Override
  public Optional<Permit> enterGlobal(Priority priority, String requestId, Duration maxWait)
      throws InterruptedException {
    long deadline = System.nanoTime() + maxWait.toNanos();
    String key = GLOBAL_KEYS.get(priority.ordinal());
    String member = member(requestId);
    List<String> args = new ArrayList<>();
    args.add(String.valueOf(priority.ordinal() + 1));
    args.add(member);
    args.add(String.valueOf(STALE.toMillis()));
    args.add(String.valueOf(capacity));
    args.add(String.valueOf(LocalConcurrencyLimiter.guaranteedShare(capacity, priority)));
    args.add(maxWait.isPositive() ? "1" : "0");
    args.add(String.valueOf(WAIT_STALE.toMillis()));
    while (true) {
      Optional<Optional<Permit>> decided =
          health.call(
              () ->
                  Optional.of(
                      Long.valueOf(1).equals(redis.eval(GLOBAL_SCRIPT, SCRIPT_KEYS, args))
                          ? Optional.of(release(key, member))
                          : Optional.<Permit>empty()),
              () -> Optional.empty());
      if (decided.isEmpty()) {
        return fallback.enterGlobal(
            priority, requestId, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      }
      if (decided.get().isPresent()) {
        return decided.get();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        if (maxWait.isPositive()) {
          String waiting = WAITING_KEYS.get(priority.ordinal());
          health.call(() -> redis.zrem(waiting, member), () -> 0L);
        }
        return Optional.empty();
      }
      long pause = Math.min(left, ThreadLocalRandom.current().nextLong(2_000_000, 10_000_000));
      Thread.sleep(pause / 1_000_000, (int) (pause % 1_000_000));
    }
  }

  /** Retries reuse a request id, so a slot is named by the id and a random tail. */
  private static String member(String requestId) {
    return requestId + "#" + Long.toHexString(ThreadLocalRandom.current().nextLong());
  }

  private Permit release(String key, String member) {
    return Permit.once(() -> health.call(() -> redis.zrem(key, member), () -> 0L));
  }
}
