package dev.sremcp.persistence.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sremcp.persistence.DatabaseSettings;
import dev.sremcp.ports.out.StoreUnavailableException;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The PostgreSQL sre-mcp keeps its accounts in: a connection pool, migrated to the current schema
 * on open. The same migrations run on the embedded and on an external database.
 */
public final class Database implements AutoCloseable {

  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final EmbeddedPostgresServer embedded;

  private Database(HikariDataSource pool, EmbeddedPostgresServer embedded) {
    this.pool = pool;
    this.jdbi = Jdbi.create(pool);
    this.embedded = embedded;
  }

  /**
   * Opens the configured database (starting or joining the embedded one when none is configured)
   * and brings its schema up to date.
   */
  public static Database open(DatabaseSettings settings, EmbeddedPostgresServer.Kind kind) {
    EmbeddedPostgresServer embedded =
        settings.embedded() ? EmbeddedPostgresServer.startOrJoin(settings.home(), kind) : null;
    try {
      HikariConfig config = new HikariConfig();
      config.setPoolName("sremcp");
      config.setJdbcUrl(embedded != null ? embedded.jdbcUrl() : settings.url());
      config.setUsername(embedded != null ? embedded.user() : settings.user());
      if (embedded == null && settings.password() != null) {
        config.setPassword(settings.password());
      }
      config.setMaximumPoolSize(settings.poolSize());
      config.setMinimumIdle(Math.min(2, settings.poolSize()));
      // A database that does not answer fails a call in 2 s, not 30: charged calls get 503.
      config.setConnectionTimeout(2_000);
      config.setValidationTimeout(1_000);
      config.setInitializationFailTimeout(-1);
      HikariDataSource pool = new HikariDataSource(config);
      try {
        migrate(pool);
      } catch (RuntimeException e) {
        pool.close();
        throw e;
      }
      return new Database(pool, embedded);
    } catch (RuntimeException e) {
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  /** A database on an existing pool (tests that share one server between several pools). */
  public static Database onPool(HikariDataSource pool) {
    migrate(pool);
    return new Database(pool, null);
  }

  private static void migrate(HikariDataSource pool) {
    Flyway.configure()
        .dataSource(pool)
        .locations("classpath:db/migration")
        .loggers("slf4j")
        .load()
        .migrate();
  }

  /**
   * Runs {@code work} on a connection of the pool.
   *
   * @throws StoreUnavailableException when the database cannot be reached
   */
  <T> T withHandle(HandleCallback<T, RuntimeException> work) {
    return guarded(() -> jdbi.withHandle(work));
  }

  /**
   * Runs {@code work} in one transaction (Read Committed), committed when it returns.
   *
   * @throws StoreUnavailableException when the database cannot be reached
   */
  <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
    return guarded(() -> jdbi.inTransaction(work));
  }

  /** Whether the database answers a trivial query now (within the pool's 2 s timeout). */
  public boolean reachable() {
    try {
      return withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (StoreUnavailableException e) {
      return false;
    }
  }

  private static <T> T guarded(Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      if (SqlFailures.unreachable(e)) {
        throw new StoreUnavailableException("PostgreSQL", e);
      }
      throw e;
    }
  }

  @Override
  public void close() {
    pool.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
