package dev.sremcp.mcp.engine;

import static dev.sremcp.mcp.engine.Harness.error;
import static dev.sremcp.mcp.engine.Harness.json;
import static dev.sremcp.mcp.engine.Harness.legacy;
import static dev.sremcp.mcp.engine.Harness.modern;
import static dev.sremcp.mcp.engine.Harness.modernParams;
import static dev.sremcp.mcp.engine.Harness.request;
import static dev.sremcp.mcp.engine.Harness.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sremcp.mcp.engine.Harness.Recorder;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.jsonrpc.JsonRpcError;
import dev.sremcp.mcp.jsonrpc.JsonRpcMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class McpServerTest {

  private final TestCatalog catalog = new TestCatalog();
  private final McpServer server = catalog.server();

  private Reply legacyCall(String method, String params) {
    return server.handle(request(method, params), legacy(Recorder.silent()));
  }

  private Reply modernCall(String method, String params) {
    return modernCall(method, params, "{}", null, Recorder.silent());
  }

  private Reply modernCall(
      String method, String params, String capabilities, String logLevel, Outbound outbound) {
    JsonRpcMessage.Request request = request(method, modernParams(params, capabilities, logLevel));
    return server.handle(request, modern(request, outbound));
  }

  @Nested
  class LegacyLifecycle {

    @ParameterizedTest
    @ValueSource(strings = {"2025-11-25", "2025-06-18", "2025-03-26"})
    void initializeEchoesASupportedVersion(String version) {
      JsonNode result =
          result(
              legacyCall(
                  "initialize", "{\"protocolVersion\":\"" + version + "\",\"capabilities\":{}}"));

      assertThat(result.path("protocolVersion").asText()).isEqualTo(version);
      assertThat(result.path("serverInfo").path("name").asText()).isEqualTo("test-server");
      assertThat(result.path("capabilities").has("tools")).isTrue();
      assertThat(result.path("capabilities").path("resources").path("subscribe").asBoolean())
          .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-11-05", "2026-07-28", "tomorrow"})
    void initializeOffersTheLatestLegacyVersionForAnyOther(String version) {
      JsonNode result =
          result(legacyCall("initialize", "{\"protocolVersion\":\"" + version + "\"}"));

      assertThat(result.path("protocolVersion").asText()).isEqualTo("2025-11-25");
    }

    @Test
    void initializeNeedsAProtocolVersion() {
      Reply reply = legacyCall("initialize", "{}");

      assertThat(error(reply).code()).isEqualTo(-32602);
      assertThat(error(reply).message()).contains("protocolVersion");
    }

    @Test
    void pingSetLevelAndSubscriptionsAnswerExactlyAnEmptyObject() {
      for (Reply reply :
          new Reply[] {
            legacyCall("ping", "{}"),
            legacyCall("logging/setLevel", "{\"level\":\"debug\"}"),
            legacyCall("resources/subscribe", "{\"uri\":\"test://one\"}"),
            legacyCall("resources/unsubscribe", "{\"uri\":\"test://one\"}")
          }) {
        assertThat(result(reply)).isEqualTo(Json.object());
      }
    }

    @Test
    void setLevelRefusesAnUnknownLevel() {
      assertThat(error(legacyCall("logging/setLevel", "{\"level\":\"loud\"}")).code())
          .isEqualTo(-32602);
    }

    @Test
    void serverDiscoverIsNotPartOfTheLegacyEra() {
      Reply reply = legacyCall("server/discover", "{}");

      assertThat(error(reply).code()).isEqualTo(-32601);
      assertThat(reply.httpStatus()).isEqualTo(200);
    }

    @Test
    void legacyResultsCarryNoModernFields() {
      JsonNode result = result(legacyCall("tools/list", "{}"));

      assertThat(result.has("resultType")).isFalse();
      assertThat(result.has("ttlMs")).isFalse();
      assertThat(result.has("_meta")).isFalse();
    }
  }

  @Nested
  class ModernEra {

    @Test
    void discoverListsTheModernVersionsCapabilitiesAndIdentity() {
      JsonNode result = result(modernCall("server/discover", "{}"));

      assertThat(result.path("supportedVersions").toString()).isEqualTo("[\"2026-07-28\"]");
      assertThat(result.path("capabilities").has("prompts")).isTrue();
      assertThat(result.path("capabilities").path("resources").has("subscribe")).isFalse();
      assertThat(result.path("resultType").asText()).isEqualTo("complete");
      assertThat(result.path("_meta").path(Envelope.SERVER_INFO).path("version").asText())
          .isEqualTo("1.2.3");
      assertThat(result.path("ttlMs").asLong()).isEqualTo(300_000);
      assertThat(result.path("cacheScope").asText()).isEqualTo("public");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "initialize",
          "ping",
          "logging/setLevel",
          "resources/subscribe",
          "resources/unsubscribe",
          "made/up"
        })
    void removedAndUnknownMethodsAre404(String method) {
      Reply reply = modernCall(method, "{}");

      assertThat(reply.httpStatus()).isEqualTo(404);
      assertThat(error(reply).code()).isEqualTo(-32601);
    }

    @Test
    void everyResultCarriesItsTypeAndOnlyCacheableOnesCacheHints() {
      JsonNode call =
          result(
              modernCall("tools/call", "{\"name\":\"echo\",\"arguments\":{\"message\":\"hi\"}}"));
      JsonNode read = result(modernCall("resources/read", "{\"uri\":\"test://one\"}"));

      assertThat(call.path("resultType").asText()).isEqualTo("complete");
      assertThat(call.has("ttlMs")).isFalse();
      assertThat(read.path("ttlMs").isIntegralNumber()).isTrue();
    }

    @Test
    void logsOnlyWhatTheRequestAskedFor() {
      Recorder none = Recorder.silent();
      Recorder errorsOnly = Recorder.silent();

      modernCall("tools/call", "{\"name\":\"logs\"}", "{}", null, none);
      modernCall("tools/call", "{\"name\":\"logs\"}", "{}", "warning", errorsOnly);

      assertThat(none.sent).isEmpty();
      assertThat(errorsOnly.sent)
          .singleElement()
          .satisfies(
              message ->
                  assertThat(
                          ((JsonRpcMessage.Notification) message).params().path("level").asText())
                      .isEqualTo("error"));
    }
  }

  @Nested
  class Tools {

    @Test
    void listsToolsByNameAcrossPages() {
      McpServer paged = catalog.builder().pageSize(3).build();
      JsonNode first = result(paged.handle(request("tools/list", "{}"), legacy(Recorder.silent())));
      String cursor = first.path("nextCursor").asText();
      JsonNode second =
          result(
              paged.handle(
                  request("tools/list", "{\"cursor\":\"" + cursor + "\"}"),
                  legacy(Recorder.silent())));
      JsonNode third =
          result(
              paged.handle(
                  request(
                      "tools/list", "{\"cursor\":\"" + second.path("nextCursor").asText() + "\"}"),
                  legacy(Recorder.silent())));

      assertThat(names(first) + names(second) + names(third))
          .isEqualTo("[confirm, crash, echo][logs, numbers, progress][sample, slow]");
      assertThat(third.has("nextCursor")).isFalse();
    }

    private static String names(JsonNode result) {
      return result.path("tools").findValuesAsText("name").toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"garbage\"", "42", "\"b2Zmc2V0Ojk5\""})
    void refusesACursorItDidNotIssue(String cursor) {
      Reply reply = legacyCall("tools/list", "{\"cursor\":" + cursor + "}");

      assertThat(error(reply).code()).isEqualTo(-32602);
      assertThat(error(reply).message()).contains("Invalid cursor");
    }

    @Test
    void anUnknownToolIsAProtocolError() {
      Reply reply = legacyCall("tools/call", "{\"name\":\"nope\"}");

      assertThat(error(reply).code()).isEqualTo(-32602);
      assertThat(error(reply).message()).contains("Unknown tool: nope");
    }

    @Test
    void argumentsThatAreNotAnObjectAreAProtocolError() {
      assertThat(error(legacyCall("tools/call", "{\"name\":\"echo\",\"arguments\":[1]}")).code())
          .isEqualTo(-32602);
    }

    @Test
    void argumentsThatFailTheSchemaAreAToolErrorSayingWhy() {
      JsonNode result =
          result(
              legacyCall(
                  "tools/call",
                  "{\"name\":\"echo\",\"arguments\":{\"message\":\"far too long\",\"x\":1}}"));

      assertThat(result.path("isError").asBoolean()).isTrue();
      String text = result.path("content").get(0).path("text").asText();
      assertThat(text).startsWith("Invalid arguments for echo: ").contains("message").contains("x");
    }

    @Test
    void aCallWithThousandsOfBadValuesGetsTheFirstFewProblems() {
      String values = String.join(",", java.util.Collections.nCopies(5000, "10"));

      JsonNode result =
          result(
              legacyCall(
                  "tools/call",
                  "{\"name\":\"numbers\",\"arguments\":{\"values\":[" + values + "]}}"));

      String text = result.path("content").get(0).path("text").asText();
      assertThat(result.path("isError").asBoolean()).isTrue();
      assertThat(text).contains("and 4980 more");
      assertThat(text.length()).isLessThan(5000);
    }

    @Test
    void aCrashingToolIsAToolErrorWithAReferenceAndNoInternals() {
      JsonNode result = result(legacyCall("tools/call", "{\"name\":\"crash\"}"));

      assertThat(result.path("isError").asBoolean()).isTrue();
      assertThat(result.toString())
          .contains("reference")
          .doesNotContain("internal detail")
          .doesNotContain("Exception");
    }

    @Test
    void progressIsSentOnlyWithATokenAndOnlyForward() {
      Recorder withToken = Recorder.silent();
      Recorder without = Recorder.silent();

      server.handle(
          request("tools/call", "{\"name\":\"progress\",\"_meta\":{\"progressToken\":7}}"),
          legacy(withToken));
      server.handle(request("tools/call", "{\"name\":\"progress\"}"), legacy(without));

      assertThat(withToken.sent)
          .extracting(
              message ->
                  ((JsonRpcMessage.Notification) message).params().path("progress").asDouble())
          .containsExactly(1.0, 3.0);
      assertThat(
              ((JsonRpcMessage.Notification) withToken.sent.get(0))
                  .params()
                  .path("progressToken")
                  .asInt())
          .isEqualTo(7);
      assertThat(without.sent).isEmpty();
    }

    @Test
    void legacyClientsGetLogsFromInfoUp() {
      Recorder recorder = Recorder.silent();

      server.handle(request("tools/call", "{\"name\":\"logs\"}"), legacy(recorder));

      assertThat(recorder.sent).hasSize(2);
    }
  }

  @Nested
  class InputRequests {

    @Test
    void aModernToolAsksForInputWithSealedStateAndFinishesOnTheRetry() {
      JsonNode first =
          result(
              modernCall(
                  "tools/call",
                  "{\"name\":\"confirm\"}",
                  "{\"elicitation\":{}}",
                  null,
                  Recorder.silent()));

      assertThat(first.path("resultType").asText()).isEqualTo("input_required");
      assertThat(first.path("inputRequests").path("ok").path("method").asText())
          .isEqualTo("elicitation/create");
      String state = first.path("requestState").asText();
      assertThat(state).doesNotContain("asked");

      JsonNode second =
          result(
              modernCall(
                  "tools/call",
                  "{\"name\":\"confirm\",\"requestState\":\""
                      + state
                      + "\",\"inputResponses\":{\"ok\":{\"action\":\"accept\",\"content\":{}}}}",
                  "{\"elicitation\":{}}",
                  null,
                  Recorder.silent()));
      assertThat(second.path("resultType").asText()).isEqualTo("complete");
      assertThat(second.path("content").get(0).path("text").asText())
          .isEqualTo("confirmed: accept");
    }

    @Test
    void refusesStateThatWasAlteredBelongsToAnotherToolOrExpired() {
      String state = firstState(server);
      McpServer later =
          catalog.server(Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC));

      assertThat(result(retry(server, "confirm", state)).path("resultType").asText())
          .as("the untouched state still opens")
          .isEqualTo("complete");
      for (Reply reply :
          new Reply[] {
            retry(server, "confirm", state + "-TAMPERED"),
            retry(server, "sample", state),
            retry(later, "confirm", state),
            retryWithOtherArguments(server, state)
          }) {
        assertThat(error(reply).code()).isEqualTo(-32602);
        assertThat(error(reply).message()).contains("requestState integrity check failed");
      }
    }

    private static String firstState(McpServer server) {
      JsonRpcMessage.Request request =
          request(
              "tools/call", modernParams("{\"name\":\"confirm\"}", "{\"elicitation\":{}}", null));
      return result(server.handle(request, modern(request, Recorder.silent())))
          .path("requestState")
          .asText();
    }

    private static Reply retryWithOtherArguments(McpServer server, String state) {
      JsonRpcMessage.Request request =
          request(
              "tools/call",
              modernParams(
                  "{\"name\":\"confirm\",\"arguments\":{\"x\":1},\"requestState\":\""
                      + state
                      + "\","
                      + "\"inputResponses\":{\"ok\":{\"action\":\"accept\",\"content\":{}}}}",
                  "{\"elicitation\":{}}",
                  null));
      return server.handle(request, modern(request, Recorder.silent()));
    }

    private static Reply retry(McpServer server, String tool, String state) {
      JsonRpcMessage.Request request =
          request(
              "tools/call",
              modernParams(
                  "{\"name\":\""
                      + tool
                      + "\",\"requestState\":\""
                      + state
                      + "\",\"inputResponses\":{\"ok\":{\"action\":\"accept\",\"content\":{}}}}",
                  "{\"elicitation\":{},\"sampling\":{}}",
                  null));
      return server.handle(request, modern(request, Recorder.silent()));
    }

    @Test
    void refusesToAskForWhatTheClientCannotGive() {
      Reply reply =
          modernCall(
              "tools/call",
              "{\"name\":\"sample\"}",
              "{\"elicitation\":{}}",
              null,
              Recorder.silent());

      assertThat(reply.httpStatus()).isEqualTo(400);
      JsonRpcError error = error(reply);
      assertThat(error.code()).isEqualTo(-32021);
      assertThat(error.data().path("requiredCapabilities").path("sampling").isObject()).isTrue();
    }

    @Test
    void refusesMalformedAnswers() {
      Reply notAnObject =
          modernCall(
              "tools/call",
              "{\"name\":\"sample\",\"inputResponses\":null}",
              "{\"sampling\":{}}",
              null,
              Recorder.silent());
      Reply wrongShape =
          modernCall(
              "tools/call",
              "{\"name\":\"sample\",\"inputResponses\":{\"q\":12345}}",
              "{\"sampling\":{}}",
              null,
              Recorder.silent());

      assertThat(error(notAnObject).code()).isEqualTo(-32602);
      assertThat(error(wrongShape).code()).isEqualTo(-32602);
      assertThat(error(wrongShape).message())
          .contains("inputResponses.q must be a sampling result");
    }

    @Test
    void inTheLegacyEraTheEngineAsksTheClientOnTheStreamAndRunsTheToolAgain() {
      Recorder client =
          new Recorder(
              (method, params) ->
                  json(
                      "{\"role\":\"assistant\",\"model\":\"m\",\"content\":{\"type\":\"text\",\"text\":\"hello\"}}"));

      JsonNode result =
          result(server.handle(request("tools/call", "{\"name\":\"sample\"}"), legacy(client)));

      assertThat(client.methods()).containsExactly("sampling/createMessage");
      assertThat(result.path("content").get(0).path("text").asText()).isEqualTo("model said hello");
    }

    @Test
    void aLegacyClientThatCannotBeAskedGetsAClearError() {
      Reply reply = legacyCall("tools/call", "{\"name\":\"sample\"}");

      assertThat(error(reply).message()).contains("cannot carry requests to the client");
    }
  }

  @Nested
  class Cancelling {

    @Test
    void notificationsCancelledStopsTheRequestOfThatClientOnly() throws Exception {
      CompletableFuture<Reply> running =
          CompletableFuture.supplyAsync(() -> legacyCall("tools/call", "{\"name\":\"slow\"}"));
      assertThat(catalog.slowStarted.await(5, TimeUnit.SECONDS)).isTrue();

      server.accept(
          new JsonRpcMessage.Notification("notifications/cancelled", json("{\"requestId\":1}")),
          "someone-else");
      Thread.sleep(100);
      assertThat(running).isNotDone();
      server.accept(
          new JsonRpcMessage.Notification("notifications/cancelled", json("{\"requestId\":1}")),
          "tester");

      assertThat(running.get(5, TimeUnit.SECONDS).isNone()).isTrue();
      assertThat(catalog.slowSawCancellation).isTrue();
    }

    @Test
    void aRequestWithoutAPrincipalCannotBeCancelledByNotification() throws Exception {
      CompletableFuture<Reply> running =
          CompletableFuture.supplyAsync(
              () ->
                  server.handle(
                      request("tools/call", "{\"name\":\"slow\"}"),
                      new CallScope(
                          ProtocolVersion.V2025_11_25,
                          null,
                          LogLevel.INFO,
                          Recorder.silent(),
                          new dev.sremcp.mcp.engine.Cancellation(),
                          null)));
      assertThat(catalog.slowStarted.await(5, TimeUnit.SECONDS)).isTrue();

      server.accept(
          new JsonRpcMessage.Notification("notifications/cancelled", json("{\"requestId\":1}")),
          null);

      assertThat(running.get(15, TimeUnit.SECONDS).isNone()).as("it ran to the end").isFalse();
      assertThat(catalog.slowSawCancellation).isFalse();
    }
  }

  @Nested
  class ResourcesPromptsCompletion {

    @Test
    void readsFixedAndTemplatedResources() {
      assertThat(
              result(legacyCall("resources/read", "{\"uri\":\"test://item/42\"}"))
                  .path("contents")
                  .get(0)
                  .path("text")
                  .asText())
          .isEqualTo("42");
      assertThat(
              result(legacyCall("resources/templates/list", "{}"))
                  .path("resourceTemplates")
                  .get(0)
                  .path("uriTemplate")
                  .asText())
          .isEqualTo("test://item/{id}");
    }

    @Test
    void aMissingResourceIsMinus32002InTheLegacyEraAndMinus32602InTheModernOneWithItsUri() {
      JsonRpcError legacy =
          error(legacyCall("resources/read", "{\"uri\":\"test://item/missing\"}"));
      JsonRpcError modern = error(modernCall("resources/read", "{\"uri\":\"test://nowhere\"}"));

      assertThat(legacy.code()).isEqualTo(-32002);
      assertThat(modern.code()).isEqualTo(-32602);
      assertThat(modern.data().path("uri").asText()).isEqualTo("test://nowhere");
    }

    @Test
    void aPromptNeedsItsRequiredArguments() {
      assertThat(error(legacyCall("prompts/get", "{\"name\":\"greet\"}")).message())
          .contains("Missing required argument 'who'");
      assertThat(
              result(
                      legacyCall(
                          "prompts/get", "{\"name\":\"greet\",\"arguments\":{\"who\":\"Ada\"}}"))
                  .toString())
          .contains("Hello Ada");
      assertThat(
              error(legacyCall("prompts/get", "{\"name\":\"greet\",\"arguments\":{\"who\":1}}"))
                  .code())
          .isEqualTo(-32602);
    }

    @Test
    void completesAKnownPromptArgumentOnly() {
      JsonNode completion =
          result(
              legacyCall(
                  "completion/complete",
                  "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"greet\"},\"argument\":{\"name\":\"who\",\"value\":\"A\"}}"));

      assertThat(completion.path("completion").path("values").toString())
          .isEqualTo("[\"A1\",\"A2\"]");
      assertThat(
              error(
                      legacyCall(
                          "completion/complete",
                          "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"nope\"},\"argument\":{\"name\":\"a\",\"value\":\"\"}}"))
                  .code())
          .isEqualTo(-32602);
    }

    @Test
    void aServerWithoutPromptsSaysSo() {
      McpServer bare =
          McpServer.builder()
              .serverInfo(new dev.sremcp.mcp.spi.Implementation("bare", null, "1"))
              .build();

      Reply reply = bare.handle(request("prompts/list", "{}"), legacy(Recorder.silent()));

      assertThat(error(reply).code()).isEqualTo(-32601);
      assertThat(error(reply).message()).contains("offers no prompts");
    }
  }

  @Test
  void anIdIsEchoedExactlyHoweverLarge() {
    JsonRpcMessage.Request request =
        new JsonRpcMessage.Request(
            Json.MAPPER.getNodeFactory().numberNode(1795554563266L), "ping", Json.object());

    Reply reply = server.handle(request, legacy(Recorder.silent()));

    assertThat(((JsonRpcMessage.Result) reply.message()).id().asLong()).isEqualTo(1795554563266L);
  }
}
