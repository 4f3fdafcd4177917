package dev.sremcp.mcp.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.Json;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tool the server offers.
 *
 * @param title a display name, or {@code null}
 * @param outputSchema the JSON Schema of the structured content, or {@code null} when the tool
 *     returns none
 * @param annotations behaviour hints ({@code readOnlyHint}...), or {@code null}
 */
public record Tool(
    String name,
    String title,
    String description,
    ObjectNode inputSchema,
    ObjectNode outputSchema,
    ObjectNode annotations,
    ToolHandler handler) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

  public Tool {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "tool names are 1-128 characters of [A-Za-z0-9_.-]: " + name);
    }
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("tool " + name + " needs a description");
    }
    Objects.requireNonNull(inputSchema, "inputSchema");
    if (!"object".equals(inputSchema.path("type").asText())) {
      throw new IllegalArgumentException("the input schema of " + name + " must have type object");
    }
    Objects.requireNonNull(handler, "handler");
  }

  /** A tool without arguments, output schema or annotations. */
  public static Tool simple(String name, String description, ToolHandler handler) {
    return new Tool(name, null, description, noArguments(), null, null, handler);
  }

  /** The schema of a tool that takes no arguments. */
  public static ObjectNode noArguments() {
    ObjectNode schema = Json.object().put("type", "object");
    schema.putObject("properties");
    return schema;
  }

  /** The tool as {@code tools/list} shows it. */
  public ObjectNode toJson() {
    ObjectNode node = Json.object().put("name", name);
    if (title != null) {
      node.put("title", title);
    }
    node.put("description", description);
    node.set("inputSchema", inputSchema);
    if (outputSchema != null) {
      node.set("outputSchema", outputSchema);
    }
    if (annotations != null) {
      node.set("annotations", annotations);
    }
    return node;
  }
}
