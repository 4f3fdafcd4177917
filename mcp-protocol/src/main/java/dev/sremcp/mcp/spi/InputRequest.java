package dev.sremcp.mcp.spi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.Json;
import java.util.Objects;

/**
 * Something a handler needs from the client before it can answer: a sampling call, an elicitation,
 * or the client's roots.
 *
 * @param capability the client capability the method needs
 */
public record InputRequest(String method, ObjectNode params, String capability) {

  public InputRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(capability, "capability");
  }

  /** A form elicitation: a message and a flat schema of primitive fields. */
  public static InputRequest elicit(String message, ObjectNode requestedSchema) {
    ObjectNode params = Json.object().put("message", message);
    params.set("requestedSchema", requestedSchema);
    return new InputRequest("elicitation/create", params, "elicitation");
  }

  /** A sampling call with one user message of text. */
  public static InputRequest sample(String userText, int maxTokens) {
    ObjectNode params = Json.object();
    ArrayNode messages = params.putArray("messages");
    ObjectNode message = messages.addObject().put("role", "user");
    message.putObject("content").put("type", "text").put("text", userText);
    params.put("maxTokens", maxTokens);
    return new InputRequest("sampling/createMessage", params, "sampling");
  }

  /** The client's roots. */
  public static InputRequest listRoots() {
    return new InputRequest("roots/list", Json.object(), "roots");
  }

  /** The request as an entry of {@code inputRequests}: {@code {method, params}}. */
  public ObjectNode toJson() {
    ObjectNode node = Json.object().put("method", method);
    node.set("params", params);
    return node;
  }
}
