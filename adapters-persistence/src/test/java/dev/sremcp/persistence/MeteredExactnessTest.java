package dev.sremcp.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sremcp.application.MeteredToolService;
import dev.sremcp.application.ToolService;
import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.BillingPeriod;
import dev.sremcp.domain.account.Caller;
import dev.sremcp.domain.account.Priority;
import dev.sremcp.domain.account.Refusal;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.account.TierLimits;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.slo.SloAnalyzer;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Analyzer;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.ToolDescriptor;
import dev.sremcp.domain.usage.UsageOutcome;
import dev.sremcp.domain.usage.UsageRecord;
import dev.sremcp.persistence.postgres.Database;
import dev.sremcp.persistence.postgres.PostgresAccountStore;
import dev.sremcp.persistence.postgres.PostgresAuditLog;
import dev.sremcp.persistence.postgres.PostgresQuotaLedger;
import dev.sremcp.persistence.redis.RedisConcurrencyLimiter;
import dev.sremcp.persistence.redis.RedisHealth;
import dev.sremcp.persistence.redis.RedisRateLimiter;
import dev.sremcp.ports.in.ToolCall;
import dev.sremcp.ports.in.ToolOutcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * The whole admission path, twice over: two instances (each its own PostgreSQL pool, its own Redis
 * client) with 32 threads each call one account whose monthly quota is {@value #QUOTA}, while
 * redis-server is stopped and started again mid-run. Exactly {@value #QUOTA} calls are charged,
 * exactly {@value #QUOTA} usage rows are completed, and no retried request id is counted twice.
 */
class MeteredExactnessTest {

  private static final int QUOTA = 300;
  private static final int DISTINCT_IDS = 1_200;
  private static final int THREADS_PER_INSTANCE = 32;

  /** One instance of the server's admission path, on its own pool and its own Redis client. */
  private record Instance(MeteredToolService service, RedisHealth health, UnifiedJedis redis) {
    static Instance start(Database database) {
      RedisHealth health = new RedisHealth();
      UnifiedJedis redis = Servers.redisClient();
      MeteredToolService service =
          new MeteredToolService(
              new ToolService(List.of(new SlowSlo())),
              new RedisRateLimiter(redis, health),
              new RedisConcurrencyLimiter(redis, health, 64),
              new PostgresQuotaLedger(database),
              new PostgresAuditLog(database),
              Clock.systemUTC(),
              MeteredToolService.defaultWaits());
      return new Instance(service, health, redis);
    }
  }

  @Test
  void exactlyTheQuotaIsChargedAcrossInstancesWhileRedisGoesDownAndComesBack() throws Exception {
    Database first = Servers.database();
    AccountId account = Servers.account(first);
    TierLimits limits = new TierLimits(QUOTA, 1_000_000, 1_000_000, 16, 1 << 20, Priority.HIGH);
    new PostgresAccountStore(first).setTier(account, Tier.CUSTOM, limits);
    Caller caller = new Caller(account, Tier.CUSTOM, limits, "key:exactness");
    List<Instance> instances = List.of(Instance.start(first), Instance.start(Servers.database()));

    Set<String> charged = ConcurrentHashMap.newKeySet();
    AtomicInteger chargedCalls = new AtomicInteger();
    CountDownLatch thirdDone = new CountDownLatch(QUOTA / 3);
    CountDownLatch twoThirdsDone = new CountDownLatch(2 * QUOTA / 3);
    int threads = THREADS_PER_INSTANCE * instances.size();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads + 1)) {
      Future<?> chaos =
          pool.submit(
              () -> {
                // Redis goes away after a third of the quota is charged, and comes back at two.
                thirdDone.await(60, TimeUnit.SECONDS);
                Servers.stopRedis();
                twoThirdsDone.await(60, TimeUnit.SECONDS);
                Servers.restartRedis();
                return null;
              });
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Instance instance = instances.get(t % instances.size());
        int thread = t;
        workers.add(
            pool.submit(
                () -> {
                  for (int i = thread; i < DISTINCT_IDS; i += threads) {
                    // One call in ten retries an id sent before, as a client would after a timeout.
                    int id =
                        ThreadLocalRandom.current().nextInt(10) == 0
                            ? ThreadLocalRandom.current().nextInt(i + 1)
                            : i;
                    ToolOutcome outcome = callUntilDecided(instance.service(), caller, "req-" + id);
                    if (outcome instanceof ToolOutcome.Completed completed
                        && completed.report().usage().unitsCharged() == 1) {
                      chargedCalls.incrementAndGet();
                      assertThat(charged.add("req-" + id)).as("charged twice: req-" + id).isTrue();
                      thirdDone.countDown();
                      twoThirdsDone.countDown();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      chaos.get();
    }

    PostgresQuotaLedger ledger = new PostgresQuotaLedger(first);
    BillingPeriod period = BillingPeriod.calendarMonthOf(java.time.Instant.now());
    List<UsageRecord> rows = ledger.records(account, period, 10_000);
    assertThat(chargedCalls.get()).isEqualTo(QUOTA);
    assertThat(ledger.summary(account, period).used()).isEqualTo(QUOTA);
    assertThat(rows).filteredOn(row -> row.outcome() == UsageOutcome.COMPLETED).hasSize(QUOTA);
    assertThat(rows).filteredOn(row -> row.outcome() == UsageOutcome.RESERVED).isEmpty();
    assertThat(rows.stream().filter(row -> row.outcome() == UsageOutcome.COMPLETED))
        .extracting(UsageRecord::requestId)
        .containsExactlyInAnyOrderElementsOf(charged);
    // Redis really was away for part of the run, and the limiters went back to it afterwards.
    assertThat(instances)
        .allSatisfy(instance -> assertThat(instance.health().fallbacks()).isPositive());
    long fallbacksAfterRun = instances.getFirst().health().fallbacks();
    Thread.sleep(1_100);
    instances.getFirst().service().run(call(caller, "after-restart"));
    assertThat(instances.getFirst().health().fallbacks()).isEqualTo(fallbacksAfterRun);
    instances.forEach(instance -> instance.redis().close());
  }

  /**
   * Calls as a client that honours refusals would: a call refused for the moment (in flight,
   * overloaded) is sent again with the same id until it is served or the month's quota refuses it.
   */
  private static ToolOutcome callUntilDecided(
      MeteredToolService service, Caller caller, String requestId) throws InterruptedException {
    for (int attempt = 0; attempt < 10_000; attempt++) {
      ToolOutcome outcome = service.run(call(caller, requestId));
      if (!(outcome instanceof ToolOutcome.Refused refused)
          || refused.refusal() instanceof Refusal.MonthlyQuota) {
        return outcome;
      }
      Thread.sleep(2);
    }
    throw new AssertionError(requestId + " was neither served nor refused for the quota");
  }

  private static ToolCall call(Caller caller, String requestId) {
    Map<String, Object> arguments =
        Map.of("target", 99.9, "window", "30d", "good", 999, "total", 1000);
    String sha = HexFormat.of().formatHex(new byte[32]);
    return new ToolCall(
        "slo_report",
        arguments,
        AnalysisContext.detached(),
        new ToolCall.Metering(caller, requestId, 64, sha));
  }

  /** slo_report taking a millisecond, so calls overlap as real ones do. */
  private static final class SlowSlo implements Analyzer {
    private final SloAnalyzer slo = new SloAnalyzer();

    @Override
    public ToolDescriptor descriptor() {
      return slo.descriptor();
    }

    @Override
    public Analysis analyze(Arguments arguments, AnalysisContext context) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return slo.analyze(arguments, context);
    }
  }
}
