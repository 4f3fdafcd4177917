package dev.sremcp.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sremcp.mcp.engine.LogLevel;
import dev.sremcp.mcp.engine.McpServer;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.spi.CallToolResult;
import dev.sremcp.mcp.spi.Implementation;
import dev.sremcp.mcp.spi.Tool;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StreamableHttpEndpointTest {

  private final AtomicBoolean sawCancellation = new AtomicBoolean();
  private final CountDownLatch finishedRunning = new CountDownLatch(1);

  private final McpServer server =
      McpServer.builder()
          .serverInfo(new Implementation("t", null, "1"))
          .tool(
              Tool.simple(
                  "steps",
                  "Reports progress until cancelled, for up to ten seconds",
                  (args, context) -> {
                    try {
                      for (int step = 1; step <= 200; step++) {
                        context.progress(step, 200.0, null);
                        if (context.isCancelled()) {
                          sawCancellation.set(true);
                          throw new java.util.concurrent.CancellationException();
                        }
                        sleep(50);
                        if (step == 3 && !args.path("long").asBoolean(false)) {
                          return CallToolResult.text("three steps");
                        }
                      }
                      return CallToolResult.text("all steps");
                    } finally {
                      finishedRunning.countDown();
                    }
                  }))
          .tool(
              Tool.simple(
                  "quiet", "Answers at once", (args, context) -> CallToolResult.text("quiet")))
          .build();

  private final StreamableHttpEndpoint endpoint =
      new StreamableHttpEndpoint(
          server,
          new HttpSettings(
              2048,
              AccessPolicy.loopback(Set.of("https://app.example.com")),
              Duration.ofMillis(100),
              LogLevel.INFO));

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String call(String tool, String extraParams) {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\""
        + tool
        + "\""
        + extraParams
        + "}}";
  }

  private static final Map<String, String> LEGACY = Map.of("MCP-Protocol-Version", "2025-11-25");

  @Test
  void answersPlainJsonWhenNothingNeedsToComeFirst() {
    FakeExchange exchange = FakeExchange.post(call("quiet", ""), LEGACY);

    endpoint.handle(exchange);

    assertThat(exchange.status).isEqualTo(200);
    assertThat(exchange.responseHeaders.get("Content-Type")).isEqualTo("application/json");
    assertThat(exchange.json().path("result").path("content").get(0).path("text").asText())
        .isEqualTo("quiet");
  }

  @Test
  void streamsProgressAheadOfTheResultOnOneLineEach() {
    FakeExchange exchange =
        FakeExchange.post(call("steps", ",\"_meta\":{\"progressToken\":\"p\"}"), LEGACY);

    endpoint.handle(exchange);

    assertThat(exchange.responseHeaders)
        .containsEntry("Content-Type", "text/event-stream")
        .containsEntry("Cache-Control", "no-cache")
        .containsEntry("X-Accel-Buffering", "no");
    String[] events =
        java.util.Arrays.stream(exchange.text().split("\n\n"))
            .filter(event -> !event.startsWith(":"))
            .toArray(String[]::new);
    assertThat(events).hasSize(4);
    assertThat(events[0])
        .startsWith(
            "event: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\"");
    assertThat(events[3])
        .startsWith("event: message\ndata: ")
        .contains("\"id\":1")
        .contains("three steps");
    assertThat(events[3].substring("event: message\ndata: ".length())).doesNotContain("\n");
  }

  @Test
  void aClientThatAcceptsOnlyJsonGetsJsonAndNoProgress() {
    FakeExchange exchange =
        FakeExchange.post(
            call("steps", ",\"_meta\":{\"progressToken\":\"p\"}"),
            Map.of("MCP-Protocol-Version", "2025-11-25", "Accept", "application/json"));

    endpoint.handle(exchange);

    assertThat(exchange.responseHeaders.get("Content-Type")).isEqualTo("application/json");
    assertThat(exchange.json().path("result").path("content").get(0).path("text").asText())
        .isEqualTo("three steps");
  }

  @Test
  void aClientThatClosesTheStreamCancelsTheRequest() throws Exception {
    FakeExchange exchange =
        FakeExchange.post(
            call("steps", ",\"arguments\":{\"long\":true},\"_meta\":{\"progressToken\":\"p\"}"),
            LEGACY);

    CompletableFuture<Void> running = CompletableFuture.runAsync(() -> endpoint.handle(exchange));
    assertThat(exchange.firstEvent.await(5, TimeUnit.SECONDS)).isTrue();
    exchange.disconnected = true;

    assertThat(finishedRunning.await(5, TimeUnit.SECONDS)).as("the tool stopped").isTrue();
    running.get(5, TimeUnit.SECONDS);
    assertThat(sawCancellation).isTrue();
    assertThat(exchange.text()).doesNotContain("all steps");
  }

  @Test
  void keepsALongStreamAliveWithComments() {
    StreamableHttpEndpoint chatty =
        new StreamableHttpEndpoint(
            server,
            new HttpSettings(
                2048, AccessPolicy.loopback(Set.of()), Duration.ofMillis(10), LogLevel.INFO));
    FakeExchange exchange =
        FakeExchange.post(call("steps", ",\"_meta\":{\"progressToken\":\"p\"}"), LEGACY);

    chatty.handle(exchange);

    assertThat(exchange.text()).contains(": keep-alive\n\n");
  }

  @Test
  void refusesABodyOverTheLimitBeforeAndWhileReadingIt() {
    String large = call("quiet", ",\"pad\":\"" + "x".repeat(3000) + "\"");
    FakeExchange declared =
        FakeExchange.post(large, Map.of("Content-Length", String.valueOf(large.length())));
    FakeExchange undeclared = FakeExchange.post(large, Map.of());

    endpoint.handle(declared);
    endpoint.handle(undeclared);

    for (FakeExchange exchange : new FakeExchange[] {declared, undeclared}) {
      assertThat(exchange.status).isEqualTo(413);
      assertThat(exchange.json().path("error").path("message").asText())
          .contains("the limit is 2048 bytes");
    }
  }

  @Test
  void refusesForeignHostsAndOriginsButServesLoopbackAndListedOrigins() {
    FakeExchange rebound = FakeExchange.post(call("quiet", ""), Map.of("Host", "evil.example.com"));
    FakeExchange foreign =
        FakeExchange.post(call("quiet", ""), Map.of("Origin", "http://evil.example.com"));
    FakeExchange local =
        FakeExchange.post(
            call("quiet", ""), Map.of("Host", "[::1]:9", "Origin", "http://127.0.0.1:6274"));
    FakeExchange listed =
        FakeExchange.post(call("quiet", ""), Map.of("Origin", "https://app.example.com"));

    for (FakeExchange exchange : new FakeExchange[] {rebound, foreign, local, listed}) {
      endpoint.handle(exchange);
    }

    assertThat(rebound.status).isEqualTo(403);
    assertThat(foreign.status).isEqualTo(403);
    assertThat(local.status).isEqualTo(200);
    assertThat(local.responseHeaders.get("Access-Control-Allow-Origin"))
        .isEqualTo("http://127.0.0.1:6274");
    assertThat(listed.status).isEqualTo(200);
  }

  @Test
  void answersACorsPreflightForAnAllowedOrigin() {
    FakeExchange preflight =
        new FakeExchange(
            "OPTIONS",
            Map.of(
                "Host",
                "localhost:1",
                "Origin",
                "https://app.example.com",
                "Access-Control-Request-Method",
                "POST"),
            "",
            true);

    endpoint.handle(preflight);

    assertThat(preflight.status).isEqualTo(204);
    assertThat(preflight.responseHeaders.get("Access-Control-Allow-Headers"))
        .contains("Mcp-Method")
        .contains("Authorization");
    assertThat(preflight.responseHeaders.get("Access-Control-Expose-Headers"))
        .contains("WWW-Authenticate");
  }

  @Test
  void refusesAContentTypeOtherThanJson() {
    FakeExchange exchange =
        FakeExchange.post(call("quiet", ""), Map.of("Content-Type", "text/plain"));

    endpoint.handle(exchange);

    assertThat(exchange.status).isEqualTo(415);
  }

  @Test
  void acceptsClientResponsesAndNotificationsWith202() {
    FakeExchange answer =
        FakeExchange.post("{\"jsonrpc\":\"2.0\",\"id\":\"sremcp-x\",\"result\":{}}", LEGACY);
    FakeExchange notification =
        FakeExchange.post(
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":9}}",
            LEGACY);

    endpoint.handle(answer);
    endpoint.handle(notification);

    assertThat(answer.status).isEqualTo(202);
    assertThat(answer.text()).isEmpty();
    assertThat(notification.status).isEqualTo(202);
  }

  @Test
  void readsBase64EncodedNamesInTheModernHeaders() {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"quiet\",\"_meta\":{"
            + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
    String encoded = "=?base64?" + Base64.getEncoder().encodeToString("quiet".getBytes()) + "?=";
    FakeExchange exchange =
        FakeExchange.post(
            body,
            Map.of(
                "MCP-Protocol-Version",
                "2026-07-28",
                "Mcp-Method",
                "tools/call",
                "Mcp-Name",
                encoded));

    endpoint.handle(exchange);

    assertThat(exchange.status).isEqualTo(200);
    assertThat(exchange.json().path("result").path("resultType").asText()).isEqualTo("complete");
  }

  @Test
  void aBufferedHostAnswersInJsonAndDropsProgress() {
    FakeExchange buffered =
        new FakeExchange(
            "POST",
            Map.of(
                "Host",
                "localhost",
                "Content-Type",
                "application/json",
                "Accept",
                "application/json, text/event-stream",
                "MCP-Protocol-Version",
                "2025-11-25"),
            call("steps", ",\"_meta\":{\"progressToken\":\"p\"}"),
            false);

    endpoint.handle(buffered);

    assertThat(buffered.responseHeaders.get("Content-Type")).isEqualTo("application/json");
    assertThat(Json.text(buffered.json())).contains("three steps");
  }
}
