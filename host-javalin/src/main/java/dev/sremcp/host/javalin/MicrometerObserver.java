package dev.sremcp.host.javalin;

import dev.sremcp.mcp.engine.RequestObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * MCP requests as Prometheus series: {@code mcp_requests_seconds} by method, tool (or prompt) and
 * outcome, with a histogram for latency quantiles; its {@code _count} is the request count.
 */
final class MicrometerObserver implements RequestObserver {

  private final MeterRegistry registry;

  MicrometerObserver(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void completed(String method, String name, Duration duration, String outcome) {
    Timer.builder("mcp.requests")
        .description("MCP requests answered, by JSON-RPC method, tool and outcome")
        .tag("method", method)
        .tag("tool", name == null ? "" : name)
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .register(registry)
        .record(duration);
  }
}
