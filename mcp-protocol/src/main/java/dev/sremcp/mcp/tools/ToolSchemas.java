package dev.sremcp.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.domain.tool.ToolDescriptor;
import dev.sremcp.mcp.jsonrpc.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/** The input and output schemas of a tool, as JSON. */
public final class ToolSchemas {

  private static final ObjectNode COMMON = read("common-result.schema.json");

  private ToolSchemas() {}

  public static ObjectNode input(ToolDescriptor descriptor) {
    return parse(descriptor.inputSchema(), descriptor.name() + " input schema");
  }

  /** The common result schema with the tool's own fields added to its properties. */
  public static ObjectNode output(ToolDescriptor descriptor) {
    ObjectNode schema = COMMON.deepCopy();
    ObjectNode details = parse(descriptor.detailsSchema(), descriptor.name() + " details schema");
    ObjectNode properties = (ObjectNode) schema.get("properties");
    for (var field : details.path("properties").properties()) {
      if (properties.has(field.getKey())) {
        throw new IllegalStateException(
            descriptor.name() + " details reuse the common field " + field.getKey());
      }
      properties.set(field.getKey(), field.getValue());
    }
    Set<String> required = new LinkedHashSet<>();
    schema.path("required").forEach(name -> required.add(name.asText()));
    details.path("required").forEach(name -> required.add(name.asText()));
    ArrayNode list = schema.putArray("required");
    required.forEach(list::add);
    return schema;
  }

  private static ObjectNode parse(String json, String what) {
    try {
      JsonNode node = Json.MAPPER.readTree(json);
      if (!(node instanceof ObjectNode object)) {
        throw new IllegalArgumentException(what + " is not a JSON object");
      }
      return object;
    } catch (IOException e) {
      throw new IllegalArgumentException(what + " is not valid JSON", e);
    }
  }

  private static ObjectNode read(String resource) {
    try (InputStream in = ToolSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the class path");
      }
      return (ObjectNode) Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
