package dev.sremcp.mcp.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.Json;
import java.util.Objects;

/** Who the server is, as {@code serverInfo} says. */
public record Implementation(String name, String title, String version) {

  public Implementation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
  }

  public ObjectNode toJson() {
    ObjectNode node = Json.object().put("name", name);
    if (title != null) {
      node.put("title", title);
    }
    return node.put("version", version);
  }
}
