package dev.sremcp.mcp.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.Json;
import java.util.Objects;

/** The contents of a resource: text, or a base64-encoded blob. */
public sealed interface ResourceContents {

  String uri();

  ObjectNode toJson();

  record Text(String uri, String mimeType, String text) implements ResourceContents {
    public Text {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(text, "text");
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode node = Json.object().put("uri", uri);
      if (mimeType != null) {
        node.put("mimeType", mimeType);
      }
      return node.put("text", text);
    }
  }

  record Blob(String uri, String mimeType, String blob) implements ResourceContents {
    public Blob {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(blob, "blob");
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode node = Json.object().put("uri", uri);
      if (mimeType != null) {
        node.put("mimeType", mimeType);
      }
      return node.put("blob", blob);
    }
  }
}
