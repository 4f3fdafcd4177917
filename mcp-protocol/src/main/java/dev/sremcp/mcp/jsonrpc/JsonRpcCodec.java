package dev.sremcp.mcp.jsonrpc;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads JSON-RPC 2.0 messages from bytes and writes them back, refusing what is not JSON-RPC. */
public final class JsonRpcCodec {

  private JsonRpcCodec() {}

  public static Incoming decode(byte[] body) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      return invalid(
          null,
          ErrorCode.PARSE_ERROR,
          "Parse error: the body is not valid JSON (" + brief(e) + ")");
    }
    if (root == null || root.isMissingNode()) {
      return invalid(null, ErrorCode.PARSE_ERROR, "Parse error: the body is empty");
    }
    if (root instanceof ArrayNode array) {
      if (array.isEmpty()) {
        return invalid(null, ErrorCode.INVALID_REQUEST, "Invalid Request: an empty batch");
      }
      List<Incoming> items = new ArrayList<>(array.size());
      array.forEach(item -> items.add(decode(item)));
      return new Incoming.Batch(items);
    }
    return decode(root);
  }

  /** Reads one message from a JSON value. */
  public static Incoming decode(JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      return invalid(
          null, ErrorCode.INVALID_REQUEST, "Invalid Request: a message must be a JSON object");
    }
    JsonNode id = object.get("id");
    JsonNode validId = isValidId(id) ? id : null;
    if (!"2.0".equals(object.path("jsonrpc").textValue())) {
      return invalid(
          validId, ErrorCode.INVALID_REQUEST, "Invalid Request: \"jsonrpc\" must be \"2.0\"");
    }
    if (id != null && validId == null) {
      return invalid(
          null,
          ErrorCode.INVALID_REQUEST,
          "Invalid Request: \"id\" must be a string or an integer");
    }
    JsonNode method = object.get("method");
    if (method != null) {
      if (!method.isTextual() || method.textValue().isEmpty()) {
        return invalid(
            validId,
            ErrorCode.INVALID_REQUEST,
            "Invalid Request: \"method\" must be a non-empty string");
      }
      JsonNode params = object.get("params");
      if (params != null && !params.isNull() && !params.isObject()) {
        return invalid(
            validId, ErrorCode.INVALID_PARAMS, "Invalid params: \"params\" must be an object");
      }
      ObjectNode paramsObject =
          params instanceof ObjectNode p ? p : JsonNodeFactory.instance.objectNode();
      return new Incoming.Single(
          validId == null
              ? new JsonRpcMessage.Notification(method.textValue(), paramsObject)
              : new JsonRpcMessage.Request(validId, method.textValue(), paramsObject));
    }
    if (validId != null && object.has("result")) {
      return new Incoming.Single(new JsonRpcMessage.Result(validId, object.get("result")));
    }
    if (object.get("error") instanceof ObjectNode error && error.path("code").isIntegralNumber()) {
      return new Incoming.Single(
          new JsonRpcMessage.Error(
              validId,
              new JsonRpcError(
                  error.get("code").intValue(),
                  error.path("message").asText(""),
                  error.get("data"))));
    }
    return invalid(
        validId,
        ErrorCode.INVALID_REQUEST,
        "Invalid Request: a message needs a \"method\", a \"result\" or an \"error\"");
  }

  public static ObjectNode encode(JsonRpcMessage message) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("jsonrpc", "2.0");
    switch (message) {
      case JsonRpcMessage.Request request -> {
        node.set("id", request.id());
        node.put("method", request.method());
        node.set("params", request.params());
      }
      case JsonRpcMessage.Notification notification -> {
        node.put("method", notification.method());
        node.set("params", notification.params());
      }
      case JsonRpcMessage.Result result -> {
        node.set("id", result.id());
        node.set("result", result.result());
      }
      case JsonRpcMessage.Error error -> {
        if (error.id() != null) {
          node.set("id", error.id()); // the MCP schema allows omitting an unreadable id, not null
        }
        ObjectNode body = node.putObject("error");
        body.put("code", error.error().code());
        body.put("message", error.error().message());
        if (error.error().data() != null) {
          body.set("data", error.error().data());
        }
      }
    }
    return node;
  }

  private static boolean isValidId(JsonNode id) {
    return id != null && (id.isTextual() || id.isIntegralNumber());
  }

  private static Incoming invalid(JsonNode id, int code, String message) {
    return new Incoming.Invalid(new JsonRpcMessage.Error(id, JsonRpcError.of(code, message)));
  }

  private static String brief(IOException e) {
    String message =
        e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage();
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
