package dev.sremcp.host.javalin;

import dev.sremcp.mcp.engine.McpServer;
import dev.sremcp.mcp.http.HttpSettings;
import dev.sremcp.mcp.tools.SreMcpServer;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sre-mcp serve}: MCP over Streamable HTTP. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve MCP at /mcp over HTTP, with /healthz, /readyz and /metrics.")
final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--port",
      defaultValue = "${env:SREMCP_PORT:-8080}",
      description = "Port to listen on (default ${DEFAULT-VALUE}; SREMCP_PORT).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "${env:SREMCP_HOST:-127.0.0.1}",
      description =
          "Address to bind (default ${DEFAULT-VALUE}, loopback only; SREMCP_HOST). Bind 0.0.0.0"
              + " to serve the network, and set SREMCP_ALLOWED_ORIGINS for browser clients.")
  String host;

  @Option(
      names = "--conformance-fixtures",
      description =
          "Also register the fixture tools, resources and prompts the official MCP conformance"
              + " suite calls by name. Loopback only.")
  boolean conformanceFixtures;

  @Override
  public Integer call() throws Exception {
    Map<String, String> environment = System.getenv();
    boolean loopback = isLoopback(host);
    if (conformanceFixtures && !loopback) {
      System.err.println(
          "sre-mcp: --conformance-fixtures registers test tools and is allowed on a loopback"
              + " address only, not "
              + host);
      return 2;
    }
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmGcMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    new UptimeMetrics().bindTo(metrics);
    HttpSettings http = HttpSettings.fromEnvironment(environment, loopback);
    McpServer server =
        Composition.mcpServer(environment, conformanceFixtures, new MicrometerObserver(metrics));
    Javalin app = HttpHost.create(server, http, metrics);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  stopped.countDown();
                },
                "sre-mcp-shutdown"));
    app.start(host, port);
    String address = host.contains(":") ? "[" + host + "]" : host;
    System.err.printf(
        "sre-mcp %s serving MCP at http://%s:%d/mcp (protocol 2026-07-28, and 2025-11-25,"
            + " 2025-06-18, 2025-03-26 through initialize)%s%n",
        SreMcpServer.VERSION,
        address,
        app.port(),
        conformanceFixtures ? " with the conformance fixtures" : "");
    if (!loopback) {
      System.err.println(
          "sre-mcp: WARNING: this server has no authentication yet (accounts arrive with issue 3):"
              + " anyone who can reach "
              + address
              + ":"
              + app.port()
              + " can call its tools.");
    }
    stopped.await();
    return 0;
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "--host " + host + " is not an address this machine knows");
    }
  }
}
