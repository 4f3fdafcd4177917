package dev.sremcp.mcp.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.jsonrpc.JsonRpcMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/** Builds requests and scopes for the engine, and records what it sends the client. */
final class Harness {

  private Harness() {}

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonRpcMessage.Request request(String method, String params) {
    return new JsonRpcMessage.Request(IntNode.valueOf(1), method, json(params));
  }

  /** A 2026-07-28 request's params with its envelope. */
  static String modernParams(String params, String capabilities, String logLevel) {
    ObjectNode node = json(params);
    ObjectNode meta = node.has("_meta") ? (ObjectNode) node.get("_meta") : node.putObject("_meta");
    meta.put(Envelope.PROTOCOL_VERSION, "2026-07-28");
    meta.set(Envelope.CLIENT_CAPABILITIES, json(capabilities));
    if (logLevel != null) {
      meta.put(Envelope.LOG_LEVEL, logLevel);
    }
    return Json.text(node);
  }

  static CallScope modern(JsonRpcMessage.Request request, Outbound outbound) {
    return new CallScope(
        ProtocolVersion.MODERN,
        Envelope.read(request.params()),
        null,
        outbound,
        new Cancellation(),
        "tester");
  }

  static CallScope legacy(Outbound outbound) {
    return new CallScope(
        ProtocolVersion.V2025_11_25, null, LogLevel.INFO, outbound, new Cancellation(), "tester");
  }

  /** Records notifications; answers requests with a function, or cannot request at all. */
  static final class Recorder implements Outbound {
    final List<JsonRpcMessage> sent = new CopyOnWriteArrayList<>();
    private final BiFunction<String, ObjectNode, JsonNode> answers;

    Recorder(BiFunction<String, ObjectNode, JsonNode> answers) {
      this.answers = answers;
    }

    static Recorder silent() {
      return new Recorder(null);
    }

    @Override
    public void notify(String method, ObjectNode params) {
      sent.add(new JsonRpcMessage.Notification(method, params));
    }

    @Override
    public boolean canRequest() {
      return answers != null;
    }

    @Override
    public JsonNode request(String method, ObjectNode params, Duration timeout) {
      sent.add(new JsonRpcMessage.Request(IntNode.valueOf(sent.size()), method, params));
      return answers.apply(method, params);
    }

    List<String> methods() {
      return sent.stream()
          .map(
              message ->
                  switch (message) {
                    case JsonRpcMessage.Notification n -> n.method();
                    case JsonRpcMessage.Request r -> r.method();
                    default -> "?";
                  })
          .toList();
    }
  }

  static JsonNode result(Reply reply) {
    return ((JsonRpcMessage.Result) reply.message()).result();
  }

  static dev.sremcp.mcp.jsonrpc.JsonRpcError error(Reply reply) {
    return ((JsonRpcMessage.Error) reply.message()).error();
  }
}
