package dev.sremcp.mcp.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sremcp.mcp.engine.LogLevel;
import dev.sremcp.mcp.engine.McpServer;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.spi.CallToolResult;
import dev.sremcp.mcp.spi.Implementation;
import dev.sremcp.mcp.spi.InputRequest;
import dev.sremcp.mcp.spi.InputRequired;
import dev.sremcp.mcp.spi.Tool;
import dev.sremcp.mcp.spi.ToolResult;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StdioServerTest {

  private final McpServer server =
      McpServer.builder()
          .serverInfo(new Implementation("t", null, "1"))
          .tool(Tool.simple("hello", "Says hello", (args, context) -> CallToolResult.text("hello")))
          .tool(
              Tool.simple(
                  "ask",
                  "Asks the client's model",
                  (args, context) ->
                      context
                          .sampling("q")
                          .<ToolResult>map(
                              answer -> CallToolResult.text("it said " + answer.text()))
                          .orElseGet(() -> InputRequired.of("q", InputRequest.sample("hi", 5)))))
          .build();

  @Test
  void answersABatchAsOneArrayOnceTheConnectionSpeaks20250326() throws Exception {
    String input =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-03-26\"}}\n"
            + "[{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"},{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
            + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}]\n";
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PipedOutputStream client = new PipedOutputStream();
    PipedInputStream serverIn = new PipedInputStream(client, 1 << 16);
    CompletableFuture<Void> running = serve(server, serverIn, output, Duration.ofSeconds(5));

    write(client, input.lines().findFirst().orElseThrow());
    Thread.sleep(300); // the batch is only allowed once initialize has been answered
    write(client, input.lines().skip(1).findFirst().orElseThrow());
    client.close();
    running.get(10, TimeUnit.SECONDS);

    java.util.List<String> lines = output.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode batch = parse(lines.get(1));
    assertThat(batch.isArray()).isTrue();
    assertThat(batch).extracting(reply -> reply.path("id").asInt()).containsExactly(2, 3);
  }

  @Test
  void cancelsWhatIsStillRunningWhenTheGraceAfterEndOfInputRunsOut() throws Exception {
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean cancelled =
        new java.util.concurrent.atomic.AtomicBoolean();
    McpServer stubborn =
        McpServer.builder()
            .serverInfo(new Implementation("t", null, "1"))
            .tool(
                Tool.simple(
                    "forever",
                    "Runs until cancelled",
                    (args, context) -> {
                      started.countDown();
                      while (!context.isCancelled()) {
                        Thread.onSpinWait();
                      }
                      cancelled.set(true);
                      throw new java.util.concurrent.CancellationException();
                    }))
            .build();
    PipedOutputStream client = new PipedOutputStream();
    PipedInputStream serverIn = new PipedInputStream(client, 1 << 16);
    CompletableFuture<Void> running =
        serve(stubborn, serverIn, new ByteArrayOutputStream(), Duration.ofMillis(200));
    write(
        client,
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"forever\"}}");
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    client.close();

    running.get(10, TimeUnit.SECONDS);
    assertThat(cancelled).isTrue();
  }

  private static Map<String, JsonNode> byId(String output) {
    Map<String, JsonNode> messages = new HashMap<>();
    output
        .lines()
        .forEach(
            line -> {
              JsonNode message = parse(line);
              messages.put(message.has("id") ? message.get("id").asText() : "none", message);
            });
    return messages;
  }

  private static JsonNode parse(String line) {
    try {
      return Json.MAPPER.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(line, e);
    }
  }

  @Test
  void answersEachLineOnItsOwnLineAndNothingElse() throws Exception {
    String input =
        String.join(
            "\n",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"hello\"}}\r",
            "{broken",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"server/discover\",\"params\":{\"_meta\":{"
                + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\",\"params\":{\"pad\":\""
                + "x".repeat(300)
                + "\"}}",
            "[{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}]");
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    new StdioServer(
            server,
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            output,
            256,
            LogLevel.INFO)
        .run(Duration.ofSeconds(5));

    String written = output.toString(StandardCharsets.UTF_8);
    assertThat(written.lines()).hasSize(6);
    Map<String, JsonNode> messages = byId(written);
    assertThat(messages.get("1").path("result").path("protocolVersion").asText())
        .isEqualTo("2025-06-18");
    assertThat(messages.get("2").path("result").path("content").get(0).path("text").asText())
        .isEqualTo("hello");
    assertThat(messages.get("3").path("result").path("resultType").asText()).isEqualTo("complete");
    assertThat(written)
        .contains("\"code\":-32700")
        .contains("Message too large: the limit is 256 bytes per line");
    assertThat(written).contains("batches exist only in protocol version 2025-03-26");
  }

  @Test
  void asksTheClientOverTheConnectionInTheLegacyEra() throws Exception {
    PipedOutputStream client = new PipedOutputStream();
    PipedInputStream serverIn = new PipedInputStream(client, 1 << 16);
    PipedInputStream clientIn = new PipedInputStream(1 << 16);
    OutputStream serverOut = new PipedOutputStream(clientIn);
    CompletableFuture<Void> running = serve(server, serverIn, serverOut, Duration.ofSeconds(5));
    BufferedReader fromServer =
        new BufferedReader(new InputStreamReader(clientIn, StandardCharsets.UTF_8));

    write(
        client,
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"ask\"}}");
    JsonNode question = parse(fromServer.readLine());
    assertThat(question.path("method").asText()).isEqualTo("sampling/createMessage");
    write(
        client,
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + question.get("id")
            + ",\"result\":{\"role\":\"assistant\",\"model\":\"m\","
            + "\"content\":{\"type\":\"text\",\"text\":\"yes\"}}}");
    JsonNode answer = parse(fromServer.readLine());
    client.close();

    assertThat(answer.path("id").asInt()).isEqualTo(1);
    assertThat(answer.path("result").path("content").get(0).path("text").asText())
        .isEqualTo("it said yes");
    running.get(10, TimeUnit.SECONDS);
  }

  /** Runs a server over the given streams until its input ends, then closes its output. */
  private static CompletableFuture<Void> serve(
      McpServer server, InputStream in, OutputStream out, Duration grace) {
    return CompletableFuture.runAsync(
        () -> {
          try (out) {
            new StdioServer(server, in, out, 1 << 20, LogLevel.INFO).run(grace);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static void write(OutputStream out, String line) throws IOException {
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
