package dev.sremcp.mcp.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.Json;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** A resource at a fixed URI, and how to read it. */
public record Resource(
    String uri,
    String name,
    String title,
    String description,
    String mimeType,
    Function<RequestContext, List<ResourceContents>> reader) {

  public Resource {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reader, "reader");
  }

  public ObjectNode toJson() {
    ObjectNode node = Json.object().put("uri", uri).put("name", name);
    if (title != null) {
      node.put("title", title);
    }
    if (description != null) {
      node.put("description", description);
    }
    if (mimeType != null) {
      node.put("mimeType", mimeType);
    }
    return node;
  }
}
