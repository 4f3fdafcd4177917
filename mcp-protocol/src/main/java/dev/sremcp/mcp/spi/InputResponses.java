package dev.sremcp.mcp.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.jsonrpc.McpException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The answers a client gives to input requests, read and checked for shape. A malformed answer is
 * an invalid-params error (-32602), never a silent default.
 */
public final class InputResponses {

  private InputResponses() {}

  /** An {@code elicitation/create} result. {@code content} is empty unless accepted. */
  public record Elicitation(String action, ObjectNode content) {
    public boolean accepted() {
      return "accept".equals(action);
    }
  }

  /** A {@code sampling/createMessage} result; {@code text} is empty for non-text content. */
  public record Sampling(String model, String role, String text) {}

  /** A {@code roots/list} result. */
  public record Roots(List<String> uris) {}

  private static final Set<String> ACTIONS = Set.of("accept", "decline", "cancel");

  /** Reads the answer under {@code key} as an elicitation result. */
  public static Elicitation elicitation(String key, JsonNode value) {
    if (!(value instanceof ObjectNode object)
        || !ACTIONS.contains(object.path("action").asText())) {
      throw malformed(key, "an elicitation result with an action of accept, decline or cancel");
    }
    JsonNode content = object.get("content");
    if (content != null && !content.isObject()) {
      throw malformed(key, "an elicitation result whose content is an object");
    }
    if ("accept".equals(object.get("action").asText()) && content == null) {
      throw malformed(key, "an accepted elicitation result with content");
    }
    return new Elicitation(
        object.get("action").asText(), content == null ? Json.object() : (ObjectNode) content);
  }

  /** Reads the answer under {@code key} as a sampling result. */
  public static Sampling sampling(String key, JsonNode value) {
    if (!(value instanceof ObjectNode object)
        || !object.path("role").isTextual()
        || !object.path("model").isTextual()
        || !object.has("content")) {
      throw malformed(key, "a sampling result with role, content and model");
    }
    JsonNode content = object.get("content");
    String text = "text".equals(content.path("type").asText()) ? content.path("text").asText() : "";
    return new Sampling(object.get("model").asText(), object.get("role").asText(), text);
  }

  /** Reads the answer under {@code key} as a roots result. */
  public static Roots roots(String key, JsonNode value) {
    if (!(value instanceof ObjectNode object) || !object.path("roots").isArray()) {
      throw malformed(key, "a roots result with a roots array");
    }
    List<String> uris = new ArrayList<>();
    for (JsonNode root : object.get("roots")) {
      if (!root.path("uri").isTextual()) {
        throw malformed(key, "a roots result whose roots each have a uri");
      }
      uris.add(root.get("uri").asText());
    }
    return new Roots(List.copyOf(uris));
  }

  private static McpException malformed(String key, String expected) {
    return McpException.invalidParams("inputResponses." + key + " must be " + expected);
  }
}
