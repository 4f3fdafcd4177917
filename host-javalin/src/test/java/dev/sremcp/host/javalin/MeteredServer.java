package dev.sremcp.host.javalin;

import dev.sremcp.mcp.http.AccessPolicy;
import dev.sremcp.mcp.http.HttpSettings;
import dev.sremcp.persistence.postgres.EmbeddedPostgresServer;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The metered server as {@code serve} composes it, on an embedded PostgreSQL, listening on a free
 * loopback port, for end-to-end tests; what it writes to standard error is kept for them to read.
 */
final class MeteredServer implements AutoCloseable {

  private final PrintStream originalErr;
  private final ByteArrayOutputStream logs;
  private final Application application;
  private final Javalin app;

  private MeteredServer(
      PrintStream originalErr, ByteArrayOutputStream logs, Application application, Javalin app) {
    this.originalErr = originalErr;
    this.logs = logs;
    this.application = application;
    this.app = app;
  }

  static MeteredServer start(Map<String, String> environment, PrometheusMeterRegistry metrics)
      throws Exception {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream logs = new ByteArrayOutputStream();
    System.setErr(new PrintStream(new TeeStream(originalErr, logs), true, StandardCharsets.UTF_8));
    Application application =
        Application.start(environment, EmbeddedPostgresServer.Kind.SERVER, "http://127.0.0.1");
    Javalin app =
        ServeCommand.meteredHost(
                application,
                environment,
                HttpSettings.defaults(AccessPolicy.loopback(Set.of())),
                metrics,
                false,
                "http://127.0.0.1")
            .start("127.0.0.1", 0);
    return new MeteredServer(originalErr, logs, application, app);
  }

  Application application() {
    return application;
  }

  Javalin app() {
    return app;
  }

  /** What the server wrote to standard error so far. */
  String logs() {
    return logs.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    app.stop();
    application.close();
    System.setErr(originalErr);
  }
}
