package dev.sremcp.host.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sremcp.mcp.engine.McpServer;
import dev.sremcp.mcp.spi.CallToolResult;
import dev.sremcp.mcp.spi.Implementation;
import dev.sremcp.mcp.spi.Tool;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Over real HTTP: a client that closes the event stream cancels its request (2026-07-28). */
class DisconnectTest {

  private final CountDownLatch cancelled = new CountDownLatch(1);

  private final McpServer server =
      McpServer.builder()
          .serverInfo(new Implementation("t", null, "1"))
          .tool(
              Tool.simple(
                  "long",
                  "Reports progress for up to a minute",
                  (args, context) -> {
                    for (int step = 1; step <= 1200; step++) {
                      context.progress(step, null, null);
                      if (context.isCancelled()) {
                        cancelled.countDown();
                        throw new CancellationException();
                      }
                      try {
                        Thread.sleep(50);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CancellationException();
                      }
                    }
                    return CallToolResult.text("finished");
                  }))
          .build();

  @Test
  void closingTheStreamStopsTheTool() throws Exception {
    try (RunningServer running = RunningServer.start(server)) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(running.url("/mcp")))
              .header("Content-Type", "application/json")
              .header("Accept", "application/json, text/event-stream")
              .header("MCP-Protocol-Version", "2026-07-28")
              .header("Mcp-Method", "tools/call")
              .header("Mcp-Name", "long")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"long\","
                          + "\"_meta\":{\"progressToken\":1,\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                          + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}"))
              .build();
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
      InputStream events = response.body();
      assertThat(events.read(new byte[64])).isPositive();

      events.close();
      client.close();

      assertThat(cancelled.await(10, TimeUnit.SECONDS))
          .as("the tool saw the cancellation")
          .isTrue();
    }
  }
}
