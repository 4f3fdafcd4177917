package dev.sremcp.host.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sremcp.testkit.host.HostRequest;
import dev.sremcp.testkit.host.HostResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OperationsEndpointsTest {

  private static RunningServer server;

  @BeforeAll
  static void start() {
    server = RunningServer.start(false);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void healthAndReadinessAnswerJson() {
    HostResponse health = server.send(new HostRequest("GET", "/healthz", Map.of(), ""));
    HostResponse ready = server.send(new HostRequest("GET", "/readyz", Map.of(), ""));

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("ok");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().path("tools").asInt()).isPositive();
  }

  @Test
  void metricsCountRequestsByMethodToolAndOutcome() {
    server.send(
        HostRequest.mcp(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"slo_report\","
                + "\"arguments\":{\"target\":99.9,\"window\":\"30d\",\"good\":990,\"total\":1000}}}",
            Map.of("MCP-Protocol-Version", "2025-11-25")));
    server.send(
        HostRequest.mcp(
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"made/up\"}",
            Map.of("MCP-Protocol-Version", "2025-11-25")));

    HostResponse metrics = server.send(new HostRequest("GET", "/metrics", Map.of(), ""));

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.header("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(metrics.body())
        .contains(
            "mcp_requests_seconds_count{method=\"tools/call\",outcome=\"ok\",tool=\"slo_report\"}")
        .contains("mcp_requests_seconds_bucket{method=\"tools/call\"")
        .contains("method=\"other\",outcome=\"error\"")
        .doesNotContain("made/up");
  }

  @Test
  void unknownPathsAnswerJson404() {
    HostResponse response = server.send(new HostRequest("GET", "/nowhere", Map.of(), ""));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().path("error").asText()).isEqualTo("Not Found");
  }
}
