package dev.sremcp.testkit.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every host of sre-mcp must do over HTTP, whatever carries the request (Javalin, an API
 * Gateway event, a Function URL): the same answers to the same MCP requests, and the same refusals
 * of bad ones. A host passes by implementing {@link #send} over its real transport, configured with
 * the default settings ({@code HttpSettings.DEFAULT_MAX_BODY_BYTES}, no extra origins) and without
 * the conformance fixtures.
 *
 * <p>The expected {@code tools/list} and {@code tools/call slo_report} results are files beside
 * this class, so both hosts are held to literally the same answer. When a tool's schema or output
 * changes on purpose, update them from a real run.
 */
public abstract class McpHostContract {

  protected static final ObjectMapper JSON = new ObjectMapper();
  protected static final String MODERN = "2026-07-28";
  protected static final String SLO_ARGUMENTS =
      "{\"target\":99.9,\"window\":\"30d\",\"good\":999500,\"total\":1000000}";

  /** Sends one request to the host under test. */
  protected abstract HostResponse send(HostRequest request);

  @Test
  void listsTheToolsWithTheirSchemas() {
    HostResponse response = send(modern("tools/list", "{}", Map.of()));

    assertThat(response.status()).isEqualTo(200);
    ObjectNode result = (ObjectNode) response.json().get("result");
    assertThat(result.path("resultType").asText()).isEqualTo("complete");
    assertThat(
            result.path("_meta").path("io.modelcontextprotocol/serverInfo").path("name").asText())
        .isEqualTo("sre-mcp");
    assertThat(result.path("ttlMs").isIntegralNumber()).isTrue();
    result.remove("_meta");
    assertThat(result).isEqualTo(golden("tools-list.result.json"));
  }

  @Test
  void callsSloReportAndAnswersWithStructuredContentAndText() {
    HostResponse response = send(modern("tools/call", sloCall(), Map.of("Mcp-Name", "slo_report")));

    assertThat(response.status()).isEqualTo(200);
    JsonNode result = response.json().get("result");
    assertThat(result.path("resultType").asText()).isEqualTo("complete");
    assertThat(result.path("isError").asBoolean(false)).isFalse();
    assertThat(result.get("structuredContent")).isEqualTo(golden("slo-report.structured.json"));
    assertThat(result.path("content").get(0).path("text").asText())
        .startsWith("# slo_report")
        .contains("50% of the error budget spent");
  }

  @Test
  void servesTheLegacyEraWithoutMintingASession() {
    HostResponse initialize =
        send(
            HostRequest.mcp(
                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
                    + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"contract\",\"version\":\"1\"}}}",
                Map.of()));
    assertThat(initialize.status()).isEqualTo(200);
    assertThat(initialize.json().path("result").path("protocolVersion").asText())
        .isEqualTo("2025-11-25");
    assertThat(initialize.header("Mcp-Session-Id")).isEmpty();

    HostResponse call = send(legacy("tools/call", sloCall()));

    assertThat(call.status()).isEqualTo(200);
    JsonNode result = call.json().get("result");
    assertThat(result.has("resultType")).as("legacy results carry no 2026 fields").isFalse();
    assertThat(result.get("structuredContent")).isEqualTo(golden("slo-report.structured.json"));
  }

  @Test
  void answersPingAndAcceptsNotificationsInTheLegacyEra() {
    HostResponse ping = send(legacy("ping", "{}"));
    assertThat(ping.status()).isEqualTo(200);
    assertThat(ping.json().get("result")).isEqualTo(JSON.createObjectNode());

    HostResponse initialized =
        send(
            HostRequest.mcp(
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                Map.of("MCP-Protocol-Version", "2025-11-25")));
    assertThat(initialized.status()).isEqualTo(202);
    assertThat(initialized.body()).isEmpty();
  }

  @Test
  void refusesUnparseableJsonWithParseError() {
    HostResponse response = send(HostRequest.mcp("{not json", Map.of()));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("error").path("code").asInt()).isEqualTo(-32700);
    assertThat(response.json().has("id")).isFalse();
  }

  @Test
  void refusesAnInvalidRequestWithInvalidRequest() {
    HostResponse response =
        send(HostRequest.mcp("{\"jsonrpc\":\"1.0\",\"id\":7,\"method\":\"ping\"}", Map.of()));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("error").path("code").asInt()).isEqualTo(-32600);
    assertThat(response.json().path("id").asInt()).isEqualTo(7);
  }

  @Test
  void answersAnUnknownMethodWith404InTheModernEra() {
    HostResponse response = send(modern("no/such/method", "{}", Map.of()));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().path("error").path("code").asInt()).isEqualTo(-32601);
  }

  @Test
  void answersAnUnknownToolWithInvalidParams() {
    HostResponse response =
        send(
            modern(
                "tools/call",
                "{\"name\":\"no_such_tool\",\"arguments\":{}}",
                Map.of("Mcp-Name", "no_such_tool")));

    assertThat(response.json().path("error").path("code").asInt()).isEqualTo(-32602);
    assertThat(response.json().path("error").path("message").asText()).contains("no_such_tool");
  }

  @Test
  void answersSchemaInvalidArgumentsWithAToolErrorNamingTheArgument() {
    HostResponse response =
        send(
            modern(
                "tools/call",
                "{\"name\":\"slo_report\",\"arguments\":{\"target\":\"high\",\"window\":\"30d\"}}",
                Map.of("Mcp-Name", "slo_report")));

    assertThat(response.status()).isEqualTo(200);
    JsonNode result = response.json().get("result");
    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(result.path("content").get(0).path("text").asText()).contains("target");
  }

  @Test
  void answersAnImpossibleSloWithAToolError() {
    HostResponse response =
        send(
            modern(
                "tools/call",
                "{\"name\":\"slo_report\",\"arguments\":{\"target\":99.9,\"window\":\"30d\","
                    + "\"good\":20,\"total\":10}}",
                Map.of("Mcp-Name", "slo_report")));

    JsonNode result = response.json().get("result");
    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(result.path("content").get(0).path("text").asText())
        .contains("good")
        .contains("cannot exceed");
  }

  @Test
  void refusesAnOversizedBodyNamingTheLimit() {
    String padding = "x".repeat(4 * 1024 * 1024);
    HostResponse response =
        send(
            HostRequest.mcp(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"pad\":\"" + padding + "\"}",
                Map.of()));

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.json().path("error").path("message").asText()).contains("4194304");
    assertThat(response.json().path("error").path("data").path("limitBytes").asLong())
        .isEqualTo(4194304);
  }

  @Test
  void refusesAForeignOrigin() {
    HostResponse response =
        send(
            HostRequest.mcp(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                Map.of("Origin", "http://evil.example")));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().path("error").path("message").asText()).contains("evil.example");
  }

  @Test
  void refusesAnUnsupportedProtocolVersionListingTheSupportedOnes() {
    HostResponse response =
        send(
            HostRequest.mcp(
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\",\"params\":{\"_meta\":{"
                    + "\"io.modelcontextprotocol/protocolVersion\":\"2099-01-01\","
                    + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}",
                Map.of("MCP-Protocol-Version", "2099-01-01", "Mcp-Method", "tools/list")));

    assertThat(response.status()).isEqualTo(400);
    JsonNode error = response.json().get("error");
    assertThat(error.path("code").asInt()).isEqualTo(-32022);
    assertThat(error.path("data").path("requested").asText()).isEqualTo("2099-01-01");
    assertThat(error.path("data").path("supported").toString()).contains(MODERN);
  }

  @Test
  void refusesMissingOrMismatchedHeadersInTheModernEra() {
    String body = request("tools/call", withMeta(sloCall()));
    HostResponse noMethod =
        send(
            HostRequest.mcp(
                body, Map.of("MCP-Protocol-Version", MODERN, "Mcp-Name", "slo_report")));
    HostResponse wrongName =
        send(
            HostRequest.mcp(
                body,
                Map.of(
                    "MCP-Protocol-Version",
                    MODERN,
                    "Mcp-Method",
                    "tools/call",
                    "Mcp-Name",
                    "other_tool")));
    HostResponse wrongVersion =
        send(
            HostRequest.mcp(
                body,
                Map.of(
                    "MCP-Protocol-Version",
                    "2025-11-25-x",
                    "Mcp-Method",
                    "tools/call",
                    "Mcp-Name",
                    "slo_report")));

    for (HostResponse response : new HostResponse[] {noMethod, wrongName, wrongVersion}) {
      assertThat(response.status()).isEqualTo(400);
      assertThat(response.json().path("error").path("code").asInt()).isEqualTo(-32020);
    }
  }

  @Test
  void refusesAModernRequestWithoutClientCapabilities() {
    HostResponse response =
        send(
            HostRequest.mcp(
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\",\"params\":{\"_meta\":{"
                    + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}}",
                Map.of("MCP-Protocol-Version", MODERN, "Mcp-Method", "tools/list")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("error").path("code").asInt()).isEqualTo(-32602);
  }

  @Test
  void refusesABatchInAnEraThatForbidsItAndAnswersOneWhereAllowed() {
    String batch =
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}]";

    HostResponse forbidden =
        send(HostRequest.mcp(batch, Map.of("MCP-Protocol-Version", "2025-11-25")));
    HostResponse allowed =
        send(HostRequest.mcp(batch, Map.of("MCP-Protocol-Version", "2025-03-26")));

    assertThat(forbidden.status()).isEqualTo(400);
    assertThat(forbidden.json().path("error").path("code").asInt()).isEqualTo(-32600);
    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.json().isArray()).isTrue();
    assertThat(allowed.json().size()).isEqualTo(2);
    assertThat(allowed.json().get(1).path("result").path("tools").findValuesAsText("name"))
        .contains("slo_report");
  }

  @Test
  void answersGetAndDeleteWith405() {
    for (String method : new String[] {"GET", "DELETE"}) {
      HostResponse response =
          send(new HostRequest(method, "/mcp", Map.of("Accept", "text/event-stream"), ""));
      assertThat(response.status()).as(method).isEqualTo(405);
      assertThat(response.header("Allow")).contains("POST, OPTIONS");
      assertThat(response.json().path("error").path("code").asInt()).isEqualTo(-32600);
    }
  }

  // ---- helpers

  protected static HostRequest modern(
      String method, String params, Map<String, String> extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("MCP-Protocol-Version", MODERN);
    headers.put("Mcp-Method", method);
    headers.putAll(extraHeaders);
    return HostRequest.mcp(request(method, withMeta(params)), headers);
  }

  public static HostRequest legacy(String method, String params) {
    return HostRequest.mcp(request(method, params), Map.of("MCP-Protocol-Version", "2025-11-25"));
  }

  protected static String sloCall() {
    return "{\"name\":\"slo_report\",\"arguments\":" + SLO_ARGUMENTS + "}";
  }

  private static String request(String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
  }

  private static String withMeta(String params) {
    try {
      ObjectNode node = (ObjectNode) JSON.readTree(params);
      ObjectNode meta = node.putObject("_meta");
      meta.put("io.modelcontextprotocol/protocolVersion", MODERN);
      meta.putObject("io.modelcontextprotocol/clientCapabilities");
      meta.putObject("io.modelcontextprotocol/clientInfo")
          .put("name", "contract")
          .put("version", "1");
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected static JsonNode golden(String file) {
    try (InputStream in = McpHostContract.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException(file + " is missing beside McpHostContract");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
