package dev.sremcp.host.javalin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.engine.McpServer;
import dev.sremcp.mcp.http.HttpAuthentication;
import dev.sremcp.mcp.http.HttpSettings;
import dev.sremcp.mcp.http.ProtectedResourceMetadata;
import dev.sremcp.mcp.http.StreamableHttpEndpoint;
import dev.sremcp.mcp.jsonrpc.Json;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of sre-mcp on Javalin: MCP at {@code /mcp}, liveness at {@code /healthz}, readiness
 * at {@code /readyz}, Prometheus metrics at {@code /metrics}. Every answer, errors included, is
 * JSON; no stack trace leaves the process.
 */
public final class HttpHost {

  private static final Logger LOG = LoggerFactory.getLogger(HttpHost.class);
  private static final String JSON = "application/json";
  static final String MCP_PATH = ProtectedResourceMetadata.MCP_PATH;

  private HttpHost() {}

  static Javalin create(McpServer server, HttpSettings settings, PrometheusMeterRegistry metrics) {
    return create(server, settings, metrics, config -> {});
  }

  /** What {@code /readyz} checks: each dependency's state; any {@code down} means not ready. */
  @FunctionalInterface
  interface Readiness {
    Readiness NONE = Map::of;

    Map<String, String> checks();
  }

  /**
   * The host with something added to its configuration last; the benchmarks add a bare JSON echo
   * route to compare with, in the same process.
   */
  public static Javalin create(
      McpServer server,
      HttpSettings settings,
      PrometheusMeterRegistry metrics,
      Consumer<JavalinConfig> addition) {
    return create(server, settings, metrics, HttpAuthentication.NONE, Readiness.NONE, addition);
  }

  /**
   * The host with authentication on {@code /mcp}, readiness checks on {@code /readyz}, and more
   * routes added last.
   */
  static Javalin create(
      McpServer server,
      HttpSettings settings,
      PrometheusMeterRegistry metrics,
      HttpAuthentication authentication,
      Readiness readiness,
      Consumer<JavalinConfig> addition) {
    StreamableHttpEndpoint endpoint = new StreamableHttpEndpoint(server, settings, authentication);
    Handler mcp = context -> endpoint.handle(new JavalinExchange(context));
    return Javalin.create(
        config -> {
          config.concurrency.useVirtualThreads = true;
          config.startup.showJavalinBanner = false;
          config.startup.showOldJavalinVersionWarning = false;
          config.http.compressionStrategy = CompressionStrategy.NONE;
          config.routes.post(MCP_PATH, mcp);
          config.routes.get(MCP_PATH, mcp);
          config.routes.delete(MCP_PATH, mcp);
          config.routes.options(MCP_PATH, mcp);
          config.routes.get("/healthz", context -> json(context, 200, "{\"status\":\"ok\"}"));
          config.routes.get("/readyz", context -> ready(context, server, readiness.checks()));
          config.routes.get(
              "/metrics",
              context ->
                  context
                      .contentType("text/plain; version=0.0.4; charset=utf-8")
                      .result(metrics.scrape()));
          config.routes.error(
              404,
              context -> {
                // The MCP endpoint's 404s are JSON-RPC, and the REST API's say what was not found.
                String type = context.res().getContentType();
                if (!MCP_PATH.equals(context.path())
                    && (type == null || !type.startsWith("application/json"))) {
                  json(
                      context,
                      404,
                      "{\"error\":\"Not Found\",\"message\":\"sre-mcp serves MCP at /mcp, its"
                          + " REST API under /v1 (see /v1/openapi.json), and /healthz, /readyz"
                          + " and /metrics\"}");
                }
              });
          config.routes.exception(
              Exception.class,
              (exception, context) -> {
                String reference = UUID.randomUUID().toString();
                LOG.error(
                    "request {} {} failed, reference {}",
                    context.method(),
                    context.path(),
                    reference,
                    exception);
                json(
                    context,
                    500,
                    "{\"error\":\"Internal Server Error\",\"reference\":\"" + reference + "\"}");
              });
          addition.accept(config);
        });
  }

  private static void ready(Context context, McpServer server, Map<String, String> checks) {
    boolean ready = !checks.containsValue("down");
    ObjectNode body =
        Json.object()
            .put("status", ready ? "ready" : "not ready")
            .put("tools", server.tools().size());
    checks.forEach(body.putObject("checks")::put);
    json(context, ready ? 200 : 503, Json.text(body));
  }

  private static void json(Context context, int status, String body) {
    context.status(status).contentType(JSON).result(body);
  }
}
