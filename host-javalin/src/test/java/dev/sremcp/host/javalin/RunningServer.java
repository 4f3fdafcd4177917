package dev.sremcp.host.javalin;

import dev.sremcp.mcp.engine.McpServer;
import dev.sremcp.mcp.http.AccessPolicy;
import dev.sremcp.mcp.http.HttpSettings;
import dev.sremcp.testkit.host.HostRequest;
import dev.sremcp.testkit.host.HostResponse;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.Set;

/** The Javalin host on a free loopback port, and a client for it. */
final class RunningServer implements AutoCloseable {

  final Javalin app;
  final PrometheusMeterRegistry metrics;
  private final ServerCalls calls;

  /** The application as {@code serve} composes it, with or without the conformance fixtures. */
  static RunningServer start(boolean conformanceFixtures) {
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    return new RunningServer(
        metrics,
        Composition.mcpServer(Map.of(), conformanceFixtures, new MicrometerObserver(metrics)));
  }

  /** A given engine behind the real HTTP host. */
  static RunningServer start(McpServer server) {
    return new RunningServer(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), server);
  }

  private RunningServer(PrometheusMeterRegistry metrics, McpServer server) {
    this.metrics = metrics;
    this.app =
        HttpHost.create(server, HttpSettings.defaults(AccessPolicy.loopback(Set.of())), metrics)
            .start("127.0.0.1", 0);
    this.calls = new ServerCalls(app::port);
  }

  String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  HostResponse send(HostRequest request) {
    return calls.send(request);
  }

  @Override
  public void close() {
    app.stop();
  }
}
