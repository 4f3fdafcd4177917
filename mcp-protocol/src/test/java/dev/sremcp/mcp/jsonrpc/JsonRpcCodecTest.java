package dev.sremcp.mcp.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonRpcCodecTest {

  private static Incoming decode(String json) {
    return JsonRpcCodec.decode(json.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonRpcMessage.Error invalid(String json) {
    assertThat(decode(json)).isInstanceOf(Incoming.Invalid.class);
    return ((Incoming.Invalid) decode(json)).response();
  }

  @Test
  void readsRequestsNotificationsAndResponses() {
    assertThat(decode("{\"jsonrpc\":\"2.0\",\"id\":1795554563266,\"method\":\"ping\"}"))
        .isInstanceOfSatisfying(
            Incoming.Single.class,
            single ->
                assertThat(single.message())
                    .isInstanceOfSatisfying(
                        JsonRpcMessage.Request.class,
                        request -> {
                          assertThat(request.id().asLong()).isEqualTo(1795554563266L);
                          assertThat(request.params().isEmpty()).isTrue();
                        }));
    assertThat(
            ((Incoming.Single)
                    decode("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"))
                .message())
        .isInstanceOf(JsonRpcMessage.Notification.class);
    assertThat(
            ((Incoming.Single) decode("{\"jsonrpc\":\"2.0\",\"id\":\"s-1\",\"result\":{}}"))
                .message())
        .isInstanceOf(JsonRpcMessage.Result.class);
    assertThat(
            ((Incoming.Single)
                    decode(
                        "{\"jsonrpc\":\"2.0\",\"id\":\"s-1\",\"error\":{\"code\":-1,\"message\":\"no\"}}"))
                .message())
        .isInstanceOf(JsonRpcMessage.Error.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{not json                                                  | -32700 | ",
        "''                                                         | -32700 | ",
        "[]                                                         | -32600 | ",
        "42                                                         | -32600 | ",
        "{\"id\":1,\"method\":\"ping\"}                              | -32600 | 1",
        "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}       | -32600 | ",
        "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}        | -32600 | ",
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":7}                  | -32600 | 2",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"x\",\"params\":[1]} | -32602 | 3",
        "{\"jsonrpc\":\"2.0\",\"id\":4}                               | -32600 | 4",
        "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"x\"} trailing     | -32700 | ",
      })
  void refusesWhatIsNotJsonRpcWithTheRightCode(String json, int code, Integer id) {
    JsonRpcMessage.Error error = invalid(json);

    assertThat(error.error().code()).isEqualTo(code);
    if (id == null) {
      assertThat(error.id()).isNull();
    } else {
      assertThat(error.id().asInt()).isEqualTo(id);
    }
  }

  @Test
  void refusesNestingDeeperThanTheLimit() {
    String deep = "[".repeat(Json.MAX_NESTING_DEPTH + 10) + "]".repeat(Json.MAX_NESTING_DEPTH + 10);

    assertThat(invalid(deep).error().message()).contains("Parse error");
  }

  @Test
  void readsABatchItemByItem() {
    Incoming batch = decode("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}, 5]");

    assertThat(batch)
        .isInstanceOfSatisfying(
            Incoming.Batch.class,
            items -> {
              assertThat(items.items().get(0)).isInstanceOf(Incoming.Single.class);
              assertThat(items.items().get(1)).isInstanceOf(Incoming.Invalid.class);
            });
  }

  @Test
  void writesErrorsWithoutAnUnreadableIdAndOnOneLine() {
    String written =
        Json.text(
            JsonRpcCodec.encode(
                new JsonRpcMessage.Error(null, JsonRpcError.of(-32700, "Parse error: x\ny"))));

    assertThat(written)
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error: x\\ny\"}}");
  }
}
