package dev.sremcp.host.javalin;

import dev.sremcp.mcp.engine.RequestObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * MCP requests as Prometheus series: {@code mcp_requests_seconds} by method, tool (or prompt) and
 * outcome, with a histogram for latency quantiles; its {@code _count} is the request count. The
 * engine bounds the label values (known methods and names only), so timers are kept.
 */
final class MicrometerObserver implements RequestObserver {

  private record Labels(String method, String name, String outcome) {}

  private final MeterRegistry registry;
  private final Map<Labels, Timer> timers = new ConcurrentHashMap<>();

  MicrometerObserver(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void completed(String method, String name, Duration duration, String outcome) {
    timers
        .computeIfAbsent(new Labels(method, name == null ? "" : name, outcome), this::timer)
        .record(duration);
  }

  private Timer timer(Labels labels) {
    return Timer.builder("mcp.requests")
        .description("MCP requests answered, by JSON-RPC method, tool and outcome")
        .tag("method", labels.method())
        .tag("tool", labels.name())
        .tag("outcome", labels.outcome())
        .publishPercentileHistogram()
        .register(registry);
  }
}
