package dev.sremcp.benchmarks;

import dev.sremcp.host.javalin.HttpHost;
import dev.sremcp.mcp.http.AccessPolicy;
import dev.sremcp.mcp.http.HttpSettings;
import dev.sremcp.mcp.jsonrpc.Json;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Set;

/**
 * The Javalin host without accounts (the foundation's bare {@code /mcp}), plus {@code POST /echo}:
 * a bare Javalin route that parses the JSON body and writes it back. wrk loads both in one process,
 * so the ratio of their figures is the cost of MCP itself. Sending {@code /echo} a body as large as
 * the MCP response gives the size-matched floor.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.sremcp.benchmarks.HttpBenchmarkServer PORT}
 */
public final class HttpBenchmarkServer {

  private HttpBenchmarkServer() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 18932;
    HttpHost.create(
            Requests.server(),
            HttpSettings.defaults(AccessPolicy.loopback(Set.of())),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            config ->
                config.routes.post(
                    "/echo",
                    context ->
                        context
                            .contentType("application/json")
                            .result(
                                Json.MAPPER.writeValueAsBytes(
                                    Json.MAPPER.readTree(context.bodyAsBytes())))))
        .start("127.0.0.1", port);
    System.err.println("benchmark server on http://127.0.0.1:" + port + " (/mcp and /echo)");
  }
}
