package dev.sremcp.testkit.ollama;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sremcp.testkit.ollama.FakeOllamaServer.Reply;
import dev.sremcp.testkit.ollama.FakeOllamaServer.Request;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeOllamaServerTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CHAT =
      "{\"model\":\"llama3.2:3b\",\"messages\":["
          + "{\"role\":\"system\",\"content\":\"You are terse.\"},"
          + "{\"role\":\"user\",\"content\":\"Say the pangram.\"}]}";
  private static final String NOT_STREAMED =
      CHAT.replace("{\"model\"", "{\"stream\":false,\"model\"");
  private static final String GENERATE =
      "{\"model\":\"qwen2.5:7b\",\"prompt\":\"Why is the sky blue?\",\"system\":\"Be brief.\"}";

  private static HttpClient client;
  private FakeOllamaServer server;

  @BeforeAll
  static void createClient() {
    // HTTP/2 preferred, as ollama4j's client: on plain http it tries an h2c upgrade.
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  @AfterAll
  static void closeClient() {
    client.close();
  }

  @BeforeEach
  void startServer() throws IOException {
    server = FakeOllamaServer.start("llama3.2:3b", "qwen2.5:7b");
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void describesItsModelsAndVersion() throws Exception {
    HttpResponse<String> root = get("/");
    HttpResponse<Void> head =
        client.send(
            HttpRequest.newBuilder(server.uri().resolve("/"))
                .method("HEAD", BodyPublishers.noBody())
                .build(),
            BodyHandlers.discarding());
    JsonNode version = json(get("/api/version"));
    JsonNode tags = json(get("/api/tags"));
    JsonNode ps = json(get("/api/ps"));
    HttpResponse<String> missing = get("/api/pull-everything");

    assertThat(root.statusCode()).isEqualTo(200);
    assertThat(root.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(root.body()).isEqualTo("Ollama is running");
    // The client asked for an h2c upgrade; the answer above is plain HTTP/1.1 all the same.
    assertThat(server.requests().get(0).headers()).containsEntry("upgrade", "h2c");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValueAsLong("content-length")).hasValue(17);
    assertThat(version.path("version").asText()).isEqualTo("0.12.6");

    assertThat(tags.path("models")).hasSize(2);
    JsonNode tag = tags.path("models").get(0);
    assertThat(fieldNames(tag))
        .containsExactly("name", "model", "modified_at", "size", "digest", "details");
    assertThat(tag.path("name").asText()).isEqualTo("llama3.2:3b");
    assertThat(tag.path("model").asText()).isEqualTo("llama3.2:3b");
    assertThat(tag.path("modified_at").asText()).isEqualTo("2026-11-01T00:00:00Z");
    assertThat(tag.path("size").asLong()).isEqualTo(2_019_393_189L);
    assertThat(tag.path("digest").asText()).matches("sha256:[0-9a-f]{64}");
    assertThat(fieldNames(tag.path("details")))
        .containsExactly(
            "parent_model", "format", "family", "families", "parameter_size", "quantization_level");
    assertThat(tag.path("details").path("families").get(0).asText()).isEqualTo("llama");
    assertThat(tags.path("models").get(1).path("name").asText()).isEqualTo("qwen2.5:7b");

    assertThat(ps.path("models")).hasSize(2);
    JsonNode running = ps.path("models").get(0);
    assertThat(fieldNames(running))
        .containsExactly("name", "model", "size", "digest", "details", "expires_at", "size_vram");
    assertThat(running.path("expires_at").asText()).isEqualTo("2026-11-25T00:05:00Z");
    assertThat(running.path("size_vram").asLong()).isEqualTo(2_019_393_189L);
    assertThat(running.path("digest").asText()).isEqualTo(tag.path("digest").asText());

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).path("error").asText()).isEqualTo("not found");
  }

  @Test
  void streamsAChatReplyAsNdjson() throws Exception {
    String text = "The quick brown fox jumps over the lazy dog.";
    server.replyWith(Reply.content(text));

    HttpResponse<String> response = post("/api/chat", CHAT);
    List<JsonNode> lines = ndjson(response.body());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/x-ndjson");
    assertThat(response.headers().firstValue("transfer-encoding")).hasValue("chunked");
    assertThat(lines).hasSize(7); // 44 characters in chunks of 8, then the final line
    JsonNode last = lines.getLast();
    List<JsonNode> chunks = lines.subList(0, lines.size() - 1);
    assertThat(chunks)
        .allSatisfy(
            chunk -> {
              assertThat(chunk.path("model").asText()).isEqualTo("llama3.2:3b");
              assertThat(chunk.path("created_at").asText()).isNotEmpty();
              assertThat(chunk.path("message").path("role").asText()).isEqualTo("assistant");
              assertThat(chunk.path("done").asBoolean()).isFalse();
            });
    assertThat(String.join("", chatTokens(lines))).isEqualTo(text);
    assertThat(last.path("done").asBoolean()).isTrue();
    assertThat(last.path("done_reason").asText()).isEqualTo("stop");
    assertThat(last.at("/message/content").asText()).isEmpty();
    assertThat(last.path("prompt_eval_count").asInt()).isEqualTo(8); // 30 characters / 4, up
    assertThat(last.path("eval_count").asInt()).isEqualTo(6);
    assertThat(last.path("total_duration").asLong()).isPositive();
    assertThat(last.has("load_duration")).isTrue();
    assertThat(last.has("prompt_eval_duration")).isTrue();
    assertThat(last.has("eval_duration")).isTrue();
  }

  @Test
  void splitsIntoExactlyNChunksAndNeverSplitsASurrogatePair() throws Exception {
    server.enqueue(Reply.content("abcdefghij").chunks(3), Reply.content("abcdefg\uD83D\uDE00x"));

    List<String> exact = chatTokens(ndjson(post("/api/chat", CHAT).body()));
    List<String> emoji = chatTokens(ndjson(post("/api/chat", CHAT).body()));

    assertThat(exact).containsExactly("abcd", "efg", "hij");
    assertThat(emoji).containsExactly("abcdefg\uD83D\uDE00", "x");
  }

  @Test
  void answersWithOneObjectWhenNotStreamed() throws Exception {
    server.replyWith(Reply.content("Whole answer at once."));

    HttpResponse<String> response = post("/api/chat", NOT_STREAMED);
    JsonNode body = json(response);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type").orElseThrow())
        .startsWith("application/json");
    assertThat(response.body().strip()).doesNotContain("\n");
    assertThat(body.at("/message/content").asText()).isEqualTo("Whole answer at once.");
    assertThat(body.at("/message/role").asText()).isEqualTo("assistant");
    assertThat(body.path("done").asBoolean()).isTrue();
    assertThat(body.path("done_reason").asText()).isEqualTo("stop");
    assertThat(body.path("prompt_eval_count").asInt()).isEqualTo(8);
    assertThat(body.path("eval_count").asInt()).isEqualTo(3);
  }

  @Test
  void streamsAGenerateReply() throws Exception {
    server.replyWith(Reply.content("Rayleigh scattering.").chunks(4));

    HttpResponse<String> response = post("/api/generate", GENERATE);
    List<JsonNode> lines = ndjson(response.body());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(lines).hasSize(5);
    StringBuilder text = new StringBuilder();
    for (JsonNode chunk : lines.subList(0, 4)) {
      assertThat(chunk.has("message")).isFalse();
      assertThat(chunk.path("model").asText()).isEqualTo("qwen2.5:7b");
      assertThat(chunk.path("done").asBoolean()).isFalse();
      text.append(chunk.path("response").asText());
    }
    assertThat(text).hasToString("Rayleigh scattering.");
    JsonNode last = lines.getLast();
    assertThat(last.path("done").asBoolean()).isTrue();
    assertThat(last.path("response").asText()).isEmpty();
    assertThat(last.path("context").toString()).isEqualTo("[1,2,3]");
    assertThat(last.path("prompt_eval_count").asInt()).isEqualTo(8); // 29 characters
    assertThat(last.path("eval_count").asInt()).isEqualTo(4);
  }

  @Test
  void refusesAnUnknownModelWithoutTakingAQueuedReply() throws Exception {
    server.enqueue(Reply.content("kept"));

    HttpResponse<String> refused =
        post("/api/chat", NOT_STREAMED.replace("llama3.2:3b", "mistral:7b"));
    HttpResponse<String> served = post("/api/chat", NOT_STREAMED);

    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(json(refused).path("error").asText())
        .isEqualTo("model \"mistral:7b\" not found, try pulling it first");
    assertThat(json(served).at("/message/content").asText()).isEqualTo("kept");
    assertThat(server.generations()).isEqualTo(2);
  }

  @Test
  void sendsAScriptedErrorStatus() throws Exception {
    server.enqueue(Reply.status(500, "{\"error\":\"llama runner process has terminated\"}"));

    HttpResponse<String> response = post("/api/chat", CHAT);

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(json(response).path("error").asText())
        .isEqualTo("llama runner process has terminated");
  }

  @Test
  void sendsLinesThatAreNotJson() throws Exception {
    server.enqueue(Reply.malformed());

    HttpResponse<String> response = post("/api/chat", CHAT);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body().lines().toList()).containsExactly("{\"model\":", "garbage");
    assertThat(response.body().lines())
        .allSatisfy(
            line ->
                assertThatThrownBy(() -> MAPPER.readTree(line)).isInstanceOf(IOException.class));
  }

  @Test
  void dropsTheConnectionMidStream() throws Exception {
    server.enqueue(Reply.content("0123456789abcdefghij").chunks(5).dropAfter(2));

    List<String> lines = new ArrayList<>();
    boolean failed = false;
    try {
      HttpResponse<Stream<String>> response =
          client.send(chatRequest(CHAT), BodyHandlers.ofLines());
      try (Stream<String> body = response.body()) {
        Iterator<String> it = body.iterator();
        while (it.hasNext()) {
          lines.add(it.next());
        }
      }
    } catch (IOException | UncheckedIOException e) {
      failed = true;
    }

    assertThat(lines).hasSizeLessThanOrEqualTo(2).noneMatch(line -> line.contains("\"done\":true"));
    assertThat(failed || lines.size() < 6).isTrue();
    // The server shrugs it off and goes on serving.
    assertThat(get("/api/version").statusCode()).isEqualTo(200);
  }

  @Test
  void survivesAClientThatHangsUpMidStream() throws Exception {
    server.enqueue(Reply.content("x".repeat(80)).between(Duration.ofMillis(20)));
    byte[] body = CHAT.getBytes(UTF_8);

    try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/chat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Content-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(UTF_8));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      assertThat(new String(in.readNBytes(12), UTF_8)).isEqualTo("HTTP/1.1 200");
    }

    assertThat(get("/api/version").statusCode()).isEqualTo(200);
    await(() -> server.inFlight() == 0);
  }

  @Test
  void delaysTheFirstChunk() throws Exception {
    Duration delay = Duration.ofMillis(300);
    server.enqueue(Reply.content("slow").firstTokenAfter(delay));

    long start = System.nanoTime();
    HttpResponse<InputStream> response =
        client.send(chatRequest(CHAT), BodyHandlers.ofInputStream());
    String firstLine;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(response.body(), UTF_8))) {
      firstLine = reader.readLine();
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertThat(MAPPER.readTree(firstLine).at("/message/content").asText()).isEqualTo("slow");
    assertThat(elapsed).isGreaterThanOrEqualTo(delay);
  }

  @Test
  void killEndsAHungCallWithAnIoException() throws Exception {
    server.enqueue(Reply.hang());

    CompletableFuture<HttpResponse<String>> call =
        client.sendAsync(chatRequest(CHAT), BodyHandlers.ofString());
    await(() -> server.inFlight() == 1);
    server.kill();

    assertThatThrownBy(() -> call.get(2, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IOException.class);
    await(() -> server.inFlight() == 0);
  }

  @Test
  void usesQueuedRepliesInOrderThenTheResponderThenTheDefault() throws Exception {
    server
        .replyWith(Reply.content("default"))
        .enqueue(Reply.content("first"), Reply.content("second"));

    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      answers.add(json(post("/api/chat", NOT_STREAMED)).at("/message/content").asText());
    }
    server.respond(
        request -> Reply.content("echo " + request.json().at("/messages/1/content").asText()));
    server.enqueue(Reply.content("queued"));
    answers.add(json(post("/api/chat", NOT_STREAMED)).at("/message/content").asText());
    answers.add(json(post("/api/chat", NOT_STREAMED)).at("/message/content").asText());

    assertThat(answers)
        .containsExactly("first", "second", "default", "queued", "echo Say the pangram.");
    assertThat(server.generations()).isEqualTo(5);
  }

  @Test
  void recordsRequestsAndEveryByteReceived() throws Exception {
    String marked = CHAT.replace("Say the pangram.", "needle-42");
    server.replyWith(Reply.content("ok"));

    post("/api/chat", marked);
    HttpResponse<String> chunked =
        client.send(
            HttpRequest.newBuilder(server.uri().resolve("/api/generate"))
                .header("Content-Type", "application/json")
                .POST(
                    BodyPublishers.ofInputStream(
                        () ->
                            new ByteArrayInputStream(
                                "{\"model\":\"qwen2.5:7b\",\"prompt\":\"chunked-77\",\"stream\":false}"
                                    .getBytes(UTF_8))))
                .build(),
            BodyHandlers.ofString());
    get("/");

    List<Request> requests = server.requests();
    assertThat(requests)
        .extracting(Request::path)
        .containsExactly("/api/chat", "/api/generate", "/");
    Request chat = requests.get(0);
    assertThat(chat.method()).isEqualTo("POST");
    assertThat(chat.body()).isEqualTo(marked);
    assertThat(chat.headers()).containsEntry("content-type", "application/json");
    assertThat(chat.json().path("model").asText()).isEqualTo("llama3.2:3b");
    assertThat(new String(chat.raw(), UTF_8))
        .startsWith("POST /api/chat HTTP/1.1\r\n")
        .endsWith(marked);
    Request generate = requests.get(1);
    assertThat(generate.headers()).containsEntry("transfer-encoding", "chunked");
    assertThat(generate.json().path("prompt").asText()).isEqualTo("chunked-77");
    assertThat(chunked.statusCode()).isEqualTo(200);
    assertThat(requests.get(2).json()).isNull();
    String received = new String(server.receivedBytes(), UTF_8);
    assertThat(received).contains("needle-42", "chunked-77", "GET / HTTP/1.1");
  }

  @Test
  void refusesConnectionsOnceKilled() throws Exception {
    int port = server.uri().getPort();
    server.kill();

    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
    assertThatThrownBy(() -> get("/api/version")).isInstanceOf(IOException.class);
    server.close(); // idempotent after kill
  }

  @Test
  void countsConcurrentCalls() throws Exception {
    server.replyWith(Reply.content("slow reply").firstTokenAfter(Duration.ofMillis(400)));

    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      calls.add(client.sendAsync(chatRequest(CHAT), BodyHandlers.ofString()));
    }
    for (CompletableFuture<HttpResponse<String>> call : calls) {
      assertThat(call.get(3, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    assertThat(server.maxInFlight()).isEqualTo(3);
    assertThat(server.generations()).isEqualTo(3);
    await(() -> server.inFlight() == 0);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(server.uri().resolve(path)).GET().build(), BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(server.uri().resolve(path))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body))
            .build(),
        BodyHandlers.ofString());
  }

  private HttpRequest chatRequest(String body) {
    return HttpRequest.newBuilder(server.uri().resolve("/api/chat"))
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body))
        .build();
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return MAPPER.readTree(response.body());
  }

  private static List<JsonNode> ndjson(String body) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : body.lines().toList()) {
      nodes.add(MAPPER.readTree(line));
    }
    return nodes;
  }

  private static List<String> chatTokens(List<JsonNode> lines) {
    return lines.stream()
        .filter(line -> !line.path("done").asBoolean())
        .map(line -> line.at("/message/content").asText())
        .toList();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within 2 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
