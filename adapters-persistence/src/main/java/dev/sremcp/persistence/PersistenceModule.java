package dev.sremcp.persistence;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.sremcp.persistence.local.LocalConcurrencyLimiter;
import dev.sremcp.persistence.local.LocalExplanationCache;
import dev.sremcp.persistence.local.LocalRateLimiter;
import dev.sremcp.persistence.postgres.Database;
import dev.sremcp.persistence.postgres.EmbeddedPostgresServer;
import dev.sremcp.persistence.postgres.PostgresAccountStore;
import dev.sremcp.persistence.postgres.PostgresAuditLog;
import dev.sremcp.persistence.postgres.PostgresBillingStore;
import dev.sremcp.persistence.postgres.PostgresCredentialStore;
import dev.sremcp.persistence.postgres.PostgresQuotaLedger;
import dev.sremcp.persistence.redis.RedisConcurrencyLimiter;
import dev.sremcp.persistence.redis.RedisExplanationCache;
import dev.sremcp.persistence.redis.RedisHealth;
import dev.sremcp.persistence.redis.RedisRateLimiter;
import dev.sremcp.ports.out.AccountStore;
import dev.sremcp.ports.out.AuditLog;
import dev.sremcp.ports.out.BillingStore;
import dev.sremcp.ports.out.ConcurrencyLimiter;
import dev.sremcp.ports.out.CredentialStore;
import dev.sremcp.ports.out.ExplanationCache;
import dev.sremcp.ports.out.QuotaLedger;
import dev.sremcp.ports.out.RateLimiter;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Binds the persistence ports to PostgreSQL and the limiter ports to Redis or to this process.
 * Whoever creates the injector closes {@link Database} (and {@link UnifiedJedis}, when bound) at
 * shutdown.
 */
public final class PersistenceModule extends AbstractModule {

  private final DatabaseSettings database;
  private final LimitsSettings limits;
  private final EmbeddedPostgresServer.Kind kind;

  public PersistenceModule(
      DatabaseSettings database, LimitsSettings limits, EmbeddedPostgresServer.Kind kind) {
    this.database = database;
    this.limits = limits;
    this.kind = kind;
  }

  @Override
  protected void configure() {
    bind(AccountStore.class).to(PostgresAccountStore.class);
    bind(CredentialStore.class).to(PostgresCredentialStore.class);
    bind(QuotaLedger.class).to(PostgresQuotaLedger.class);
    bind(AuditLog.class).to(PostgresAuditLog.class);
    bind(BillingStore.class).to(PostgresBillingStore.class);
  }

  @Provides
  @Singleton
  Database database() {
    return Database.open(database, kind);
  }

  @Provides
  @Singleton
  PostgresAccountStore accounts(Database database) {
    return new PostgresAccountStore(database);
  }

  @Provides
  @Singleton
  PostgresCredentialStore credentials(Database database) {
    return new PostgresCredentialStore(database);
  }

  @Provides
  @Singleton
  PostgresQuotaLedger ledger(Database database) {
    return new PostgresQuotaLedger(database);
  }

  @Provides
  @Singleton
  PostgresAuditLog audit(Database database) {
    return new PostgresAuditLog(database);
  }

  @Provides
  @Singleton
  PostgresBillingStore billing(Database database) {
    return new PostgresBillingStore(database);
  }

  @Provides
  @Singleton
  RedisHealth redisHealth() {
    return new RedisHealth();
  }

  @Provides
  @Singleton
  UnifiedJedis redis() {
    if (limits.inProcess()) {
      throw new IllegalStateException("no SREMCP_REDIS_URL is set");
    }
    return redisClient(limits);
  }

  @Provides
  @Singleton
  RateLimiter rateLimiter(com.google.inject.Injector injector) {
    return limits.inProcess()
        ? new LocalRateLimiter()
        : new RedisRateLimiter(
            injector.getInstance(UnifiedJedis.class), injector.getInstance(RedisHealth.class));
  }

  @Provides
  @Singleton
  ConcurrencyLimiter concurrencyLimiter(com.google.inject.Injector injector) {
    return limits.inProcess()
        ? new LocalConcurrencyLimiter(limits.globalConcurrency())
        : new RedisConcurrencyLimiter(
            injector.getInstance(UnifiedJedis.class),
            injector.getInstance(RedisHealth.class),
            limits.globalConcurrency());
  }

  @Provides
  @Singleton
  ExplanationCache explanationCache(com.google.inject.Injector injector) {
    return limits.inProcess()
        ? new LocalExplanationCache(LocalExplanationCache.DEFAULT_ENTRIES)
        : new RedisExplanationCache(
            injector.getInstance(UnifiedJedis.class), injector.getInstance(RedisHealth.class));
  }

  /** Closes what this module opened in {@code injector}: Redis's pool, then the database. */
  public void close(com.google.inject.Injector injector) {
    if (!limits.inProcess()) {
      try {
        injector.getInstance(UnifiedJedis.class).close();
      } catch (RuntimeException e) {
        // it never connected
      }
    }
    injector.getInstance(Database.class).close();
  }

  /** A client with short timeouts: a hanging Redis costs about 100 ms before the fallback. */
  public static UnifiedJedis redisClient(LimitsSettings limits) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(64);
    pool.setMaxIdle(64);
    pool.setMaxWait(java.time.Duration.ofMillis(200));
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(100)
            .socketTimeoutMillis(100)
            .ssl("rediss".equals(limits.redis().getScheme()));
    String userInfo = limits.redis().getUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      if (colon >= 0) {
        if (colon > 0) {
          config.user(userInfo.substring(0, colon));
        }
        config.password(userInfo.substring(colon + 1));
      } else {
        config.password(userInfo);
      }
    }
    int port = limits.redis().getPort() < 0 ? 6379 : limits.redis().getPort();
    return RedisClient.builder()
        .hostAndPort(new HostAndPort(limits.redis().getHost(), port))
        .clientConfig(config.build())
        .poolConfig(pool)
        .build();
  }
}
