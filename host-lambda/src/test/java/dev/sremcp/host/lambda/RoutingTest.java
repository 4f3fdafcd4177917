package dev.sremcp.host.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sremcp.testkit.host.HostRequest;
import dev.sremcp.testkit.host.HostResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingTest {

  private static final McpLambdaHandler HANDLER = McpLambdaHandler.unmetered(Map.of());

  @Test
  void servesMcpBehindAStagePrefix() {
    HostResponse response =
        EventFormat.HTTP_API_V2.invoke(
            HANDLER,
            new HostRequest(
                "POST",
                "/prod/mcp",
                Map.of("Content-Type", "application/json", "MCP-Protocol-Version", "2025-11-25"),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("result").isObject()).isTrue();
  }

  @Test
  void answersHealthAndUnknownPathsWithJson() {
    HostResponse health =
        EventFormat.REST_API_V1.invoke(HANDLER, new HostRequest("GET", "/healthz", Map.of(), ""));
    HostResponse missing =
        EventFormat.FUNCTION_URL.invoke(
            HANDLER, new HostRequest("GET", "/elsewhere", Map.of(), ""));

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("ok");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().path("error").asText()).isEqualTo("Not Found");
  }

  @Test
  void refusesAToolThatNeedsTheClientWhenTheResponseCannotStream() {
    HostResponse progress =
        EventFormat.HTTP_API_V2.invoke(
            HANDLER,
            HostRequest.mcp(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"slo_report\","
                    + "\"arguments\":{\"target\":99,\"window\":\"7d\",\"good\":99,\"total\":100},"
                    + "\"_meta\":{\"progressToken\":\"p1\"}}}",
                Map.of("MCP-Protocol-Version", "2025-11-25")));

    assertThat(progress.status()).isEqualTo(200);
    assertThat(progress.header("Content-Type")).contains("application/json");
    assertThat(progress.json().path("result").path("structuredContent").path("summary").asText())
        .contains("99%");
  }

  @Test
  void aBodyMarkedBase64ThatIsNotGets400() throws Exception {
    var event = EventFormat.FUNCTION_URL.event(HostRequest.mcp("{}", Map.of()));
    event.put("body", "%%% not base64 %%%");
    var out = new java.io.ByteArrayOutputStream();

    HANDLER.handleRequest(
        new java.io.ByteArrayInputStream(dev.sremcp.mcp.jsonrpc.Json.bytes(event)), out, null);

    var response = dev.sremcp.mcp.jsonrpc.Json.MAPPER.readTree(out.toByteArray());
    assertThat(response.path("statusCode").asInt()).isEqualTo(400);
    assertThat(response.path("body").asText()).contains("-32700").contains("base64");
  }

  @Test
  void aRepeatedHeaderOfARestApiKeepsAllItsValues() {
    var event = EventFormat.REST_API_V1.event(HostRequest.mcp("{}", Map.of()));
    ((com.fasterxml.jackson.databind.node.ObjectNode) event.get("headers"))
        .put("Accept", "text/event-stream");
    ((com.fasterxml.jackson.databind.node.ObjectNode) event.get("multiValueHeaders"))
        .putArray("Accept")
        .add("application/json")
        .add("text/event-stream");

    assertThat(ProxyEvent.parse(event).header("accept"))
        .contains("application/json, text/event-stream");
  }
}
