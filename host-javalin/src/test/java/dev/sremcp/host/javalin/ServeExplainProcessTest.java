package dev.sremcp.host.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sremcp.inference.ExplainSettings;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.testkit.ollama.FakeOllamaServer;
import dev.sremcp.testkit.ollama.FakeOllamaServer.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code sre-mcp serve} in its own JVM, as a user runs it, with {@code SREMCP_OLLAMA_URLS} at a
 * fake Ollama server: the explanation reaches the client in {@code structuredContent}, the model's
 * tokens reach it as progress notifications on the event stream, and a client that hangs up stops
 * the request to Ollama.
 */
class ServeExplainProcessTest {

  private static final Pattern SERVING = Pattern.compile("serving MCP at (http://\\S+/mcp)");
  private static final String REPLY =
      """
      {"summary":"Payments time out against the gateway; the retries that follow fill the pool.",\
      "notes":[{"finding":"F1","explanation":"The gateway stops answering within 30 s."}],\
      "hypotheses":[{"title":"The payment gateway is degraded","explanation":"Every error is a\
       timeout to the same upstream.","confidence":0.7,"evidence":["F1"]}]}""";

  private static FakeOllamaServer ollama;
  private static Process serve;
  private static URI mcp;
  private static String apiKey;
  private static final List<String> serverLog = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    ollama = FakeOllamaServer.start(ExplainSettings.DEFAULT_MODEL);
    Path home = Files.createTempDirectory("sremcp-explain");
    serve = command(home, "serve", "--port", "0").start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader err =
                  new BufferedReader(
                      new InputStreamReader(serve.getErrorStream(), StandardCharsets.UTF_8))) {
                err.lines()
                    .forEach(
                        line -> {
                          serverLog.add(line);
                          lines.add(line);
                        });
              } catch (IOException e) {
                lines.add("stderr closed: " + e.getMessage());
              }
            });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (mcp == null && System.nanoTime() < deadline && serve.isAlive()) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      Matcher serving = line == null ? null : SERVING.matcher(line);
      if (serving != null && serving.find()) {
        mcp = URI.create(serving.group(1));
      }
    }
    assertThat(mcp).as("serve started; its log: %s", serverLog).isNotNull();

    Process admin =
        command(
                home,
                "admin",
                "create-account",
                "--email",
                "explain@example.com",
                "--tier",
                "starter",
                "--json")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String created = new String(admin.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(admin.waitFor(60, TimeUnit.SECONDS)).isTrue();
    apiKey = Json.MAPPER.readTree(created).path("apiKey").asText();
    assertThat(apiKey).as(created).isNotBlank();
  }

  @AfterAll
  static void stop() throws Exception {
    if (serve != null) {
      serve.destroy(); // SIGTERM: the shutdown hook stops the embedded database
      if (!serve.waitFor(30, TimeUnit.SECONDS)) {
        serve.destroyForcibly();
      }
    }
    if (ollama != null) {
      ollama.close();
    }
  }

  private static ProcessBuilder command(Path home, String... arguments) {
    return SreMcpProcess.command(
        home, Map.of("SREMCP_OLLAMA_URLS", ollama.uri().toString()), arguments);
  }

  /** A 2026-07-28 tools/call of analyze_logs that asks for progress. */
  private static HttpRequest analyzeLogs(String log) {
    String arguments = Json.MAPPER.createObjectNode().put("content", log).toString();
    return HttpRequest.newBuilder(mcp)
        .timeout(Duration.ofSeconds(90))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .header("Authorization", "Bearer " + apiKey)
        .header("MCP-Protocol-Version", "2026-07-28")
        .header("Mcp-Method", "tools/call")
        .header("Mcp-Name", "analyze_logs")
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":"
                    + "\"analyze_logs\",\"arguments\":"
                    + arguments
                    + ",\"_meta\":{\"progressToken\":\"p7\","
                    + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                    + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}"))
        .build();
  }

  private static String gatewayLog(String service) {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      log.append(
              "2026-11-25T10:%02d:00Z INFO %s GET /api/orders/%d 200 12ms\n"
                  .formatted(i, service, i))
          .append(
              "2026-11-25T10:%02d:30Z ERROR %s payment gateway timeout after 30000ms order=%d\n"
                  .formatted(i, service, i));
    }
    return log.toString();
  }

  private static JsonNode json(String data) {
    try {
      return Json.MAPPER.readTree(data);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + data, e);
    }
  }

  @Test
  void theExplanationArrivesInStructuredContentAfterProgressOnTheEventStream() throws Exception {
    ollama.replyWith(Reply.content(REPLY).chunks(24).between(Duration.ofMillis(10)));
    int before = ollama.generations();

    HttpResponse<java.util.stream.Stream<String>> response;
    try (HttpClient client = HttpClient.newHttpClient()) {
      response =
          client.send(analyzeLogs(gatewayLog("checkout")), HttpResponse.BodyHandlers.ofLines());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
      List<JsonNode> messages =
          response
              .body()
              .filter(line -> line.startsWith("data:"))
              .map(line -> json(line.substring("data:".length()).strip()))
              .collect(Collectors.toList());

      List<JsonNode> progress =
          messages.stream()
              .filter(m -> "notifications/progress".equals(m.path("method").asText()))
              .toList();
      assertThat(progress).allMatch(p -> "p7".equals(p.at("/params/progressToken").asText()));
      assertThat(progress)
          .filteredOn(p -> p.at("/params/message").asText().contains("explaining with"))
          .as("a notification per streamed token or so")
          .hasSizeGreaterThan(10);
      List<Double> done = progress.stream().map(p -> p.at("/params/progress").asDouble()).toList();
      assertThat(done).isSorted().doesNotHaveDuplicates();

      JsonNode result = messages.getLast();
      assertThat(result.path("id").asInt()).isEqualTo(7);
      JsonNode structured = result.at("/result/structuredContent");
      assertThat(structured.at("/llm/used").asBoolean()).as(structured.toString()).isTrue();
      assertThat(structured.at("/llm/model").asText()).isEqualTo(ExplainSettings.DEFAULT_MODEL);
      assertThat(structured.at("/llm/cached").asBoolean()).isFalse();
      assertThat(structured.at("/llm/explanation").asText()).contains("gateway");
      JsonNode hypothesis = null;
      for (JsonNode finding : structured.path("findings")) {
        if ("llm".equals(finding.path("source").asText())) {
          hypothesis = finding;
        }
      }
      assertThat(hypothesis).as("a source:llm finding in %s", structured).isNotNull();
      assertThat(hypothesis.path("ruleId").asText()).isEqualTo("llm.hypothesis");
      assertThat(hypothesis.path("evidence")).isNotEmpty();
      assertThat(result.at("/result/content/0/text").asText()).contains("gateway");
    }
    assertThat(ollama.generations() - before).isEqualTo(1);

    // the same call again: answered from the cache, no request to Ollama
    try (HttpClient client = HttpClient.newHttpClient()) {
      String again =
          client
              .send(analyzeLogs(gatewayLog("checkout")), HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(again).contains("\"cached\":true");
    }
    assertThat(ollama.generations() - before).isEqualTo(1);
    String metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(mcp.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(metrics).containsPattern("sremcp_explain_cache_hits_total [1-9]");
  }

  @Test
  void aClientThatHangsUpStopsTheRequestToOllama() throws Exception {
    // a slow model: a minute of tokens
    ollama.replyWith(Reply.content(REPLY).chunks(REPLY.length()).between(Duration.ofMillis(150)));
    int requestsBefore = ollama.requests().size();

    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<InputStream> response =
        client.send(analyzeLogs(gatewayLog("billing")), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
    BufferedReader events =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    String line;
    int tokens = 0;
    while (tokens < 3 && (line = events.readLine()) != null) {
      if (line.contains("explaining with")) {
        tokens++; // the model is streaming to us
      }
    }
    assertThat(tokens).isEqualTo(3);
    assertThat(ollama.inFlight()).isEqualTo(1);

    events.close();
    client.close();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (ollama.inFlight() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(ollama.inFlight()).as("the upstream request was dropped").isZero();
    Thread.sleep(1_000);
    assertThat(ollama.requests().stream().skip(requestsBefore))
        .as("one chat request, not retried on cancellation")
        .filteredOn(request -> request.path().equals("/api/chat"))
        .hasSize(1);
  }
}
