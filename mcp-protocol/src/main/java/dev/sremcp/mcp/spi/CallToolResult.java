package dev.sremcp.mcp.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.Json;
import java.util.List;

/**
 * A tool's answer: content for the model, optionally structured content matching the tool's output
 * schema, and whether the tool failed (a tool error the model can read and act on, not a protocol
 * error).
 *
 * @param meta the result's {@code _meta}, or {@code null}
 */
public record CallToolResult(
    List<Content> content, JsonNode structuredContent, boolean isError, ObjectNode meta)
    implements ToolResult {

  public CallToolResult {
    content = List.copyOf(content);
  }

  public CallToolResult(List<Content> content, JsonNode structuredContent, boolean isError) {
    this(content, structuredContent, isError, null);
  }

  public static CallToolResult text(String text) {
    return new CallToolResult(List.of(Content.text(text)), null, false);
  }

  public static CallToolResult of(Content... content) {
    return new CallToolResult(List.of(content), null, false);
  }

  /** A tool error: the call reached the tool, and the tool says what went wrong. */
  public static CallToolResult error(String message) {
    return new CallToolResult(List.of(Content.text(message)), null, true);
  }

  public ObjectNode toJson() {
    ObjectNode node = Json.object();
    ArrayNode blocks = node.putArray("content");
    content.forEach(block -> blocks.add(block.toJson()));
    if (structuredContent != null) {
      node.set("structuredContent", structuredContent);
    }
    node.put("isError", isError); // explicit: some clients read a missing isError as null
    if (meta != null) {
      node.set("_meta", meta.deepCopy());
    }
    return node;
  }
}
