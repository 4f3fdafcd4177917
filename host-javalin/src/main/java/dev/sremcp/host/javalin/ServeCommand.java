package dev.sremcp.host.javalin;

import dev.sremcp.application.BillingService;
import dev.sremcp.application.Explainer;
import dev.sremcp.mcp.engine.McpServer;
import dev.sremcp.mcp.http.BearerAuthentication;
import dev.sremcp.mcp.http.HttpSettings;
import dev.sremcp.mcp.http.ProtectedResourceMetadata;
import dev.sremcp.mcp.tools.SreMcpServer;
import dev.sremcp.persistence.postgres.EmbeddedPostgresServer;
import dev.sremcp.ports.out.QuotaLedger;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
    String address = host.contains(":") ? "[" + host + "]" : host;
    String publicUrl =
        Optional.ofNullable(environment.get("SREMCP_PUBLIC_URL"))
            .filter(url -> !url.isBlank())
            .map(url -> url.strip().replaceAll("/+$", ""))
            .orElse("http://" + address + ":" + port);
    Application application =
        Application.start(environment, EmbeddedPostgresServer.Kind.SERVER, publicUrl);
    application
        .redis()
        .ifPresent(
            health ->
                FunctionCounter.builder("sremcp_redis_fallbacks", health, h -> h.fallbacks())
                    .description("Limiter decisions taken locally because Redis was unreachable")
                    .register(metrics));
    application.explainer().ifPresent(explainer -> registerExplainMetrics(explainer, metrics));
    EconomicsGauges.register(application.economics(), metrics);
    Javalin app =
        meteredHost(application, environment, http, metrics, conformanceFixtures, publicUrl);
    Thread reaper =
        Thread.ofVirtual().name("sre-mcp-reservation-reaper").start(() -> reap(application));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  reaper.interrupt();
                  application.close();
                  stopped.countDown();
                },
                "sre-mcp-shutdown"));
    System.err.println("sre-mcp: " + application.describe());
    app.start(host, port);
    System.err.printf(
        "sre-mcp %s serving MCP at http://%s:%d/mcp (protocol 2026-07-28, and 2025-11-25,"
            + " 2025-06-18, 2025-03-26 through initialize)%s%n",
        SreMcpServer.VERSION,
        address,
        app.port(),
        conformanceFixtures ? " with the conformance fixtures" : "");
    stopped.await();
    return 0;
  }

  /** The HTTP host over the metered application: MCP with bearer authentication, REST, PRM. */
  static Javalin meteredHost(
      Application application,
      Map<String, String> environment,
      HttpSettings http,
      PrometheusMeterRegistry metrics,
      boolean conformanceFixtures,
      String publicUrl) {
    String metadata = ProtectedResourceMetadata.url(publicUrl);
    McpServer server =
        Composition.meteredServer(
            environment,
            conformanceFixtures,
            new MicrometerObserver(metrics),
            application.tools(),
            BearerAuthentication.challenge(metadata));
    return HttpHost.create(
        server,
        http,
        metrics,
        new BearerAuthentication(application.accounts(), metadata, conformanceFixtures),
        application::readiness,
        config -> {
          RestApi rest = new RestApi(application.accounts(), metadata);
          rest.register(config);
          new BillingApi(
                  rest,
                  application.accounts(),
                  application.billing(),
                  application.economics(),
                  Optional.ofNullable(environment.get("SREMCP_ADMIN_TOKEN"))
                      .filter(token -> !token.isBlank()))
              .register(config);
          Handler document =
              context -> {
                byte[] body = ProtectedResourceMetadata.at(context.path(), publicUrl).orElseThrow();
                ProtectedResourceMetadata.HEADERS.forEach(context::header);
                context.result(body);
              };
          config.routes.get(ProtectedResourceMetadata.url(""), document);
          config.routes.get(ProtectedResourceMetadata.ROOT, document);
        });
  }

  /** The explain step's counters, as Prometheus counters. */
  static void registerExplainMetrics(Explainer explainer, PrometheusMeterRegistry metrics) {
    Map<String, java.util.function.ToDoubleFunction<Explainer>> counters =
        Map.of(
            "sremcp_explain_answers", e -> e.stats().explained(),
            "sremcp_explain_cache_hits", e -> e.stats().cacheHits(),
            "sremcp_explain_shared_answers", e -> e.stats().sharedAnswers(),
            "sremcp_explain_upstream_calls", e -> e.stats().upstreamCalls(),
            "sremcp_explain_repairs", e -> e.stats().repairs(),
            "sremcp_explain_fallbacks", e -> e.stats().fallbacks(),
            "sremcp_explain_tokens_saved", e -> e.stats().tokensSaved());
    counters.forEach(
        (name, value) ->
            FunctionCounter.builder(name, explainer, value)
                .description("Explain step: " + name.substring("sremcp_explain_".length()))
                .register(metrics));
  }

  /**
   * Every minute, releases the reservations of calls whose instance crashed and applies the tier
   * changes whose time has come (downgrades, ends of grace and of paid periods).
   */
  private static void reap(Application application) {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(Duration.ofMinutes(1));
        int released = application.releaseAbandoned(QuotaLedger.ABANDONED_AFTER);
        if (released > 0) {
          System.err.println("sre-mcp: released " + released + " abandoned quota reservations");
        }
        int changed = application.billing().map(BillingService::applyDue).orElse(0);
        if (changed > 0) {
          System.err.println("sre-mcp: applied " + changed + " scheduled tier changes");
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        System.err.println("sre-mcp: maintenance failed this minute: " + e.getMessage());
      }
    }
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
