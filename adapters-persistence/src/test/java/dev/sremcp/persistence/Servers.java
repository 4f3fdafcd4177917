package dev.sremcp.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sremcp.domain.account.Account;
import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.persistence.postgres.Database;
import dev.sremcp.persistence.postgres.PostgresAccountStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;

/**
 * The real servers the adapter tests run against, started once per test JVM: an embedded PostgreSQL
 * (zonky binaries from Maven Central) and a {@code redis-server} process (the Debian package;
 * {@code .ci/run} installs it).
 */
final class Servers {

  private static EmbeddedPostgres postgres;
  private static final List<Database> DATABASES = new ArrayList<>();
  private static Process redis;
  private static int redisPort;

  private Servers() {}

  /** A database on its own pool; every call gives another pool over the same server. */
  static synchronized Database database() {
    try {
      if (postgres == null) {
        postgres =
            EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory("sremcp-test-pg"))
                .setCleanDataDirectory(true)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(Servers::stopPostgres));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setMaximumPoolSize(16);
    config.setConnectionTimeout(2_000);
    Database database = Database.onPool(new HikariDataSource(config));
    DATABASES.add(database);
    return database;
  }

  static AccountId account(Database database) {
    AccountId id = new AccountId(UUID.randomUUID());
    new PostgresAccountStore(database)
        .create(new Account(id, id + "@example.com", Tier.FREE, null, Instant.now()))
        .orElseThrow();
    return id;
  }

  /** A running redis-server on a free loopback port. */
  static synchronized LimitsSettings redis() {
    if (redis == null || !redis.isAlive()) {
      startRedis();
    }
    return new LimitsSettings(java.net.URI.create("redis://127.0.0.1:" + redisPort), 10);
  }

  static synchronized void stopRedis() {
    if (redis != null) {
      redis.destroy();
      try {
        redis.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Starts redis-server again on the same port (after {@link #stopRedis}). */
  static synchronized void restartRedis() {
    startRedis();
  }

  static UnifiedJedis redisClient() {
    return PersistenceModule.redisClient(redis());
  }

  private static void startRedis() {
    try {
      if (redisPort == 0) {
        try (ServerSocket socket = new ServerSocket(0)) {
          redisPort = socket.getLocalPort();
        }
      }
      Path dir = Files.createTempDirectory("sremcp-test-redis");
      redis =
          new ProcessBuilder(
                  redisServer(),
                  "--port",
                  String.valueOf(redisPort),
                  "--bind",
                  "127.0.0.1",
                  "--save",
                  "",
                  "--appendonly",
                  "no",
                  "--dir",
                  dir.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("redis.log").toFile())
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(redis::destroy));
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (true) {
        try (Socket socket = new Socket("127.0.0.1", redisPort)) {
          return;
        } catch (IOException notYet) {
          if (System.nanoTime() > deadline || !redis.isAlive()) {
            throw new IllegalStateException("redis-server did not start on port " + redisPort);
          }
          Thread.sleep(50);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not start redis-server", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code redis-server} from the PATH, else the Linux or macOS binary from the test class path.
   */
  private static String redisServer() throws IOException {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "redis-server");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
    String arch = System.getProperty("os.arch").contains("aarch64") ? "arm64" : "amd64";
    String name =
        os.contains("mac")
            ? "redis-server-6.2.6-v5-darwin-" + arch
            : arch.equals("arm64")
                ? "redis-server-6.2.7-linux-arm64"
                : "redis-server-6.2.6-v5-linux-amd64";
    try (java.io.InputStream in = Servers.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IOException("no redis-server on the PATH, and no " + name + " on the class path");
      }
      Path binary = Files.createTempDirectory("sremcp-redis-bin").resolve("redis-server");
      Files.copy(in, binary);
      binary.toFile().setExecutable(true);
      return binary.toString();
    }
  }

  private static void stopPostgres() {
    DATABASES.forEach(Database::close);
    try {
      postgres.close();
    } catch (IOException e) {
      // the JVM is exiting
    }
  }
}
