package dev.sremcp.benchmarks;

import dev.sremcp.application.MeteredToolService;
import dev.sremcp.application.ToolService;
import dev.sremcp.domain.account.Account;
import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Caller;
import dev.sremcp.domain.account.Priority;
import dev.sremcp.domain.account.Refusal;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.account.TierTable;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.slo.SloAnalyzer;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Analyzer;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.ToolDescriptor;
import dev.sremcp.persistence.DatabaseSettings;
import dev.sremcp.persistence.LimitsSettings;
import dev.sremcp.persistence.PersistenceModule;
import dev.sremcp.persistence.local.LocalConcurrencyLimiter;
import dev.sremcp.persistence.local.LocalRateLimiter;
import dev.sremcp.persistence.postgres.Database;
import dev.sremcp.persistence.postgres.EmbeddedPostgresServer;
import dev.sremcp.persistence.postgres.PostgresAccountStore;
import dev.sremcp.persistence.postgres.PostgresAuditLog;
import dev.sremcp.persistence.postgres.PostgresQuotaLedger;
import dev.sremcp.persistence.redis.RedisConcurrencyLimiter;
import dev.sremcp.persistence.redis.RedisHealth;
import dev.sremcp.persistence.redis.RedisRateLimiter;
import dev.sremcp.ports.in.ToolCall;
import dev.sremcp.ports.in.ToolOutcome;
import dev.sremcp.ports.out.ConcurrencyLimiter;
import dev.sremcp.ports.out.RateLimiter;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Priority load shedding under overload, on the real admission path: {@link MeteredToolService}
 * over the PostgreSQL quota ledger and audit log (embedded PostgreSQL) and the in-process or Redis
 * limiters. A tool that holds its slot for {@code --tool-ms} stands for a call waiting on the
 * model, which is what fills the global budget in production; the capacity is then {@code
 * --capacity} slots / tool time, in calls per second.
 *
 * <p>Open-loop Poisson arrivals (each call on its own virtual thread, so a slow answer never slows
 * the arrivals) in a fixed mix of tiers: first at a quarter of capacity (the unloaded baseline),
 * then at twice capacity. Each tier's hourly, monthly and in-flight limits are raised out of the
 * way, keeping its priority, so that only the global budget acts. Prints per tier: offered, served,
 * shed, other refusals, p50 and p99 of served calls, and the share of all shedding.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.sremcp.benchmarks.OverloadBenchmark [--redis redis://127.0.0.1:6379] [--capacity 16]
 * [--tool-ms 100] [--seconds 60] [--mix enterprise=0.10,professional=0.20,starter=0.20,free=0.50]}
 */
public final class OverloadBenchmark {

  /** The default traffic mix: most calls come from free accounts, fewest from enterprise ones. */
  private static final String DEFAULT_MIX =
      "enterprise=0.10,professional=0.20,starter=0.20,free=0.50";

  private static final Map<Tier, Double> MIX = new LinkedHashMap<>();

  /** Calls spread over this many accounts per tier, as real traffic is. */
  private static final int ACCOUNTS_PER_TIER = 50;

  private OverloadBenchmark() {}

  /** What one tier saw in one phase. */
  private static final class Tally {
    final AtomicLong offered = new AtomicLong();
    final AtomicLong served = new AtomicLong();
    final AtomicLong shed = new AtomicLong();
    final AtomicLong otherRefusals = new AtomicLong();
    final ConcurrentLinkedQueue<Long> servedMicros = new ConcurrentLinkedQueue<>();

    long percentile(double p) {
      long[] sorted = servedMicros.stream().mapToLong(Long::longValue).sorted().toArray();
      if (sorted.length == 0) {
        return 0;
      }
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int capacity = Integer.parseInt(options.getOrDefault("capacity", "16"));
    int toolMillis = Integer.parseInt(options.getOrDefault("tool-ms", "100"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
    String redisUrl = options.get("redis");
    for (String part : options.getOrDefault("mix", DEFAULT_MIX).split(",")) {
      String[] tierAndShare = part.split("=");
      MIX.put(
          TierTable.tierNamed(tierAndShare[0].strip()).orElseThrow(),
          Double.parseDouble(tierAndShare[1]));
    }
    double callsPerSecond = capacity * 1000.0 / toolMillis;

    DatabaseSettings settings =
        new DatabaseSettings(null, null, null, Files.createTempDirectory("sremcp-overload"), 16);
    try (Database database = Database.open(settings, EmbeddedPostgresServer.Kind.SERVER)) {
      RateLimiter rate;
      ConcurrencyLimiter concurrency;
      if (redisUrl != null) {
        RedisHealth health = new RedisHealth();
        var redis =
            PersistenceModule.redisClient(new LimitsSettings(URI.create(redisUrl), capacity));
        redis.flushAll();
        rate = new RedisRateLimiter(redis, health);
        concurrency = new RedisConcurrencyLimiter(redis, health, capacity);
      } else {
        rate = new LocalRateLimiter();
        concurrency = new LocalConcurrencyLimiter(capacity);
      }
      TimedGlobalWait timed = new TimedGlobalWait(concurrency);
      MeteredToolService service =
          new MeteredToolService(
              new ToolService(List.of(new HeldSlot(toolMillis))),
              rate,
              timed,
              new PostgresQuotaLedger(database),
              new PostgresAuditLog(database),
              Clock.systemUTC(),
              MeteredToolService.defaultWaits());
      TierTable tiers = limitsOutOfTheWay();
      Map<Tier, List<Caller>> callers = new EnumMap<>(Tier.class);
      PostgresAccountStore accounts = new PostgresAccountStore(database);
      for (Tier tier : MIX.keySet()) {
        for (int i = 0; i < ACCOUNTS_PER_TIER; i++) {
          AccountId id = new AccountId(UUID.randomUUID());
          accounts.create(new Account(id, tier.id() + i + "@load.test", tier, null, Instant.now()));
          callers
              .computeIfAbsent(tier, t -> new ArrayList<>())
              .add(new Caller(id, tier, tiers.limits(tier), "key:load-" + tier.id() + i));
        }
      }
      System.out.printf(
          Locale.ROOT,
          "limiters: %s; global budget %d slots; tool holds its slot %d ms; capacity %.0f"
              + " calls/s; mix %s%n",
          redisUrl == null ? "in process" : "Redis " + redisUrl,
          capacity,
          toolMillis,
          callsPerSecond,
          MIX);
      run(service, callers, callsPerSecond * 0.5, Math.min(10, seconds), "warm-up");
      timed.reset();
      Map<Tier, Tally> unloaded = run(service, callers, callsPerSecond * 0.25, seconds, "0.25x");
      timed.report();
      Map<Tier, Tally> overloaded = run(service, callers, callsPerSecond * 2, seconds, "2x");
      timed.report();
      verdict(unloaded, overloaded);
    }
  }

  private static Map<Tier, Tally> run(
      MeteredToolService service,
      Map<Tier, List<Caller>> callers,
      double perSecond,
      int seconds,
      String label)
      throws InterruptedException {
    Map<Tier, Tally> tallies = new EnumMap<>(Tier.class);
    MIX.keySet().forEach(tier -> tallies.put(tier, new Tally()));
    List<Tier> tierOfDraw = new ArrayList<>();
    MIX.forEach(
        (tier, share) -> {
          for (int i = 0; i < Math.round(share * 100); i++) {
            tierOfDraw.add(tier);
          }
        });
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    long next = start;
    try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
      while (next < end) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        Tier tier = tierOfDraw.get(ThreadLocalRandom.current().nextInt(tierOfDraw.size()));
        Tally tally = tallies.get(tier);
        List<Caller> ofTier = callers.get(tier);
        Caller caller = ofTier.get(ThreadLocalRandom.current().nextInt(ofTier.size()));
        tally.offered.incrementAndGet();
        calls.submit(() -> call(service, caller, tally));
        // Exponential gaps: a Poisson process at the offered rate.
        next += (long) (-Math.log(1 - ThreadLocalRandom.current().nextDouble()) / perSecond * 1e9);
      }
    }
    report(label, perSecond, seconds, tallies);
    return tallies;
  }

  private static void call(MeteredToolService service, Caller caller, Tally tally) {
    long started = System.nanoTime();
    ToolOutcome outcome =
        service.run(
            new ToolCall(
                "slo_report",
                Map.of("target", 99.9, "window", "30d", "good", 999, "total", 1000),
                AnalysisContext.detached(),
                new ToolCall.Metering(
                    caller,
                    UUID.randomUUID().toString(),
                    64,
                    HexFormat.of().formatHex(new byte[32]))));
    long micros = (System.nanoTime() - started) / 1_000;
    switch (outcome) {
      case ToolOutcome.Completed completed -> {
        tally.served.incrementAndGet();
        tally.servedMicros.add(micros);
      }
      case ToolOutcome.Refused refused when refused.refusal() instanceof Refusal.Overloaded ->
          tally.shed.incrementAndGet();
      default -> tally.otherRefusals.incrementAndGet();
    }
  }

  private static void report(
      String label, double perSecond, int seconds, Map<Tier, Tally> tallies) {
    long shedTotal = tallies.values().stream().mapToLong(t -> t.shed.get()).sum();
    System.out.printf(
        Locale.ROOT, "%n## %s: %.0f calls/s offered for %d s%n", label, perSecond, seconds);
    System.out.println(
        "| tier | offered | served | success | shed | other refusals | p50 ms | p99 ms | share of"
            + " shedding |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    tallies.forEach(
        (tier, t) ->
            System.out.printf(
                Locale.ROOT,
                "| %s | %d | %d | %.2f%% | %d | %d | %.1f | %.1f | %s |%n",
                tier.id(),
                t.offered.get(),
                t.served.get(),
                100.0 * t.served.get() / Math.max(1, t.offered.get()),
                t.shed.get(),
                t.otherRefusals.get(),
                t.percentile(0.50) / 1000.0,
                t.percentile(0.99) / 1000.0,
                shedTotal == 0
                    ? "-"
                    : String.format(Locale.ROOT, "%.1f%%", 100.0 * t.shed.get() / shedTotal)));
  }

  private static void verdict(Map<Tier, Tally> unloaded, Map<Tier, Tally> overloaded) {
    long shedTotal = overloaded.values().stream().mapToLong(t -> t.shed.get()).sum();
    System.out.println();
    for (Tier tier : List.of(Tier.ENTERPRISE, Tier.PROFESSIONAL)) {
      Tally t = overloaded.get(tier);
      double success = 100.0 * t.served.get() / Math.max(1, t.offered.get());
      double ratio = (double) t.percentile(0.99) / Math.max(1, unloaded.get(tier).percentile(0.99));
      System.out.printf(
          Locale.ROOT,
          "%s: success %.2f%% (target >= 99.5%%: %s), p99 %.2fx unloaded (target <= 1.5x: %s)%n",
          tier.id(),
          success,
          success >= 99.5 ? "met" : "NOT met",
          ratio,
          ratio <= 1.5 ? "met" : "NOT met");
    }
    double freeShare = 100.0 * overloaded.get(Tier.FREE).shed.get() / Math.max(1, shedTotal);
    System.out.printf(
        Locale.ROOT,
        "free: %.1f%% of the shedding (target >= 90%%: %s)%n",
        freeShare,
        freeShare >= 90 ? "met" : "NOT met");
  }

  /** Every tier's hourly, monthly and in-flight limits out of the way; priorities kept. */
  private static TierTable limitsOutOfTheWay() {
    Map<String, String> overrides = new LinkedHashMap<>();
    for (Tier tier : MIX.keySet()) {
      overrides.put(tier.id() + ".monthly", "unlimited");
      overrides.put(tier.id() + ".hourly", "1000000000");
      overrides.put(tier.id() + ".burst", "1000000000");
      overrides.put(tier.id() + ".inflight", "100000");
    }
    return TierTable.defaults().with(overrides);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException(
            "unexpected argument " + args[i] + " in " + Arrays.toString(args));
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  /** Times each wait for a slot in the global budget, by priority: the queue-wait figure. */
  private static final class TimedGlobalWait implements ConcurrencyLimiter {
    private final ConcurrencyLimiter limiter;
    private final Map<Priority, ConcurrentLinkedQueue<Long>> waits = new EnumMap<>(Priority.class);

    TimedGlobalWait(ConcurrencyLimiter limiter) {
      this.limiter = limiter;
      reset();
    }

    void reset() {
      for (Priority priority : Priority.values()) {
        waits.put(priority, new ConcurrentLinkedQueue<>());
      }
    }

    void report() {
      StringBuilder line = new StringBuilder("wait for a global slot, p50/p99 ms:");
      waits.forEach(
          (priority, micros) -> {
            long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
            line.append(
                sorted.length == 0
                    ? " " + priority + " -"
                    : String.format(
                        Locale.ROOT,
                        " %s %.1f/%.1f",
                        priority,
                        sorted[sorted.length / 2] / 1000.0,
                        sorted[Math.max(0, (int) Math.ceil(0.99 * sorted.length) - 1)] / 1000.0));
          });
      System.out.println(line);
      reset();
    }

    @Override
    public Optional<Permit> enterAccount(AccountId account, String requestId, int cap) {
      return limiter.enterAccount(account, requestId, cap);
    }

    @Override
    public Optional<Permit> enterGlobal(Priority priority, String requestId, Duration maxWait)
        throws InterruptedException {
      long started = System.nanoTime();
      Optional<Permit> permit = limiter.enterGlobal(priority, requestId, maxWait);
      if (permit.isPresent()) {
        waits.get(priority).add((System.nanoTime() - started) / 1_000);
      }
      return permit;
    }
  }

  /** slo_report after holding its slot as long as a model call would. */
  private static final class HeldSlot implements Analyzer {
    private final SloAnalyzer slo = new SloAnalyzer();
    private final int millis;

    HeldSlot(int millis) {
      this.millis = millis;
    }

    @Override
    public ToolDescriptor descriptor() {
      return slo.descriptor();
    }

    @Override
    public Analysis analyze(Arguments arguments, AnalysisContext context) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return slo.analyze(arguments, context);
    }
  }
}
