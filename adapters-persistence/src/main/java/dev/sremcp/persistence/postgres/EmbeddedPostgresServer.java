package dev.sremcp.persistence.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL under {@code SREMCP_HOME/postgres}, shared by every sre-mcp process on
 * that home. The first process takes {@code postgres.lock}, starts the database and writes its port
 * and its kind to {@code postgres.owner}; others connect to it. A server waits for a short-lived
 * owner (an {@code admin} command) to finish rather than depend on a database about to stop.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** What the process holding the database is. */
  public enum Kind {
    SERVER,
    COMMAND
  }

  private final EmbeddedPostgres postgres;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final int port;

  private EmbeddedPostgresServer(
      EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock, int port) {
    this.postgres = postgres;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.port = port;
  }

  /** Starts the database, or finds the one another process on this home runs. */
  public static EmbeddedPostgresServer startOrJoin(Path home, Kind kind) {
    try {
      Files.createDirectories(home);
      Path lockFile = home.resolve("postgres.lock");
      Path ownerFile = home.resolve("postgres.owner");
      Instant deadline = Instant.now().plus(WAIT);
      while (true) {
        FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel);
        if (lock != null) {
          return start(home, kind, channel, lock, ownerFile);
        }
        channel.close();
        Owner owner = Owner.read(ownerFile);
        boolean join = owner != null && (owner.kind == Kind.SERVER || kind == Kind.COMMAND);
        if (join && answers(owner.port)) {
          LOG.info(
              "using the embedded PostgreSQL another sre-mcp process runs on port {}", owner.port);
          return new EmbeddedPostgresServer(null, null, null, owner.port);
        }
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              "another sre-mcp process holds the embedded database under "
                  + home
                  + " and it did not become available within "
                  + WAIT.toSeconds()
                  + " s");
        }
        Thread.sleep(200);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL under " + home, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the embedded database", e);
    }
  }

  private static EmbeddedPostgresServer start(
      Path home, Kind kind, FileChannel channel, FileLock lock, Path ownerFile) throws IOException {
    try {
      int port = freePort();
      Path data = home.resolve("postgres");
      LOG.info("starting the embedded PostgreSQL with its data in {}", data);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(data)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "100")
              .start();
      Files.writeString(ownerFile, port + " " + kind + "\n", StandardCharsets.UTF_8);
      return new EmbeddedPostgresServer(postgres, channel, lock, port);
    } catch (IOException | RuntimeException e) {
      lock.release();
      channel.close();
      throw e;
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  public String user() {
    return "postgres";
  }

  @Override
  public void close() {
    if (postgres == null) {
      return;
    }
    try {
      postgres.close();
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      LOG.warn("the embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // this JVM holds it already: join the running database
    }
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private record Owner(int port, Kind kind) {
    static Owner read(Path file) {
      try {
        String[] parts = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ");
        return new Owner(Integer.parseInt(parts[0]), Kind.valueOf(parts[1]));
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }
  }
}
