package dev.sremcp.mcp.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.Json;
import java.util.Objects;

/** A content block of a tool result or a prompt message. */
public sealed interface Content {

  /** The block as it goes on the wire. */
  ObjectNode toJson();

  static Content text(String text) {
    return new Text(text);
  }

  /** Plain text, Markdown included. */
  record Text(String text) implements Content {
    public Text {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode node = Json.object().put("type", "text");
      return node.put("text", text);
    }
  }

  /** An image, base64-encoded. */
  record Image(String data, String mimeType) implements Content {
    public Image {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(mimeType, "mimeType");
    }

    @Override
    public ObjectNode toJson() {
      return Json.object().put("type", "image").put("data", data).put("mimeType", mimeType);
    }
  }

  /** Audio, base64-encoded. */
  record Audio(String data, String mimeType) implements Content {
    public Audio {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(mimeType, "mimeType");
    }

    @Override
    public ObjectNode toJson() {
      return Json.object().put("type", "audio").put("data", data).put("mimeType", mimeType);
    }
  }

  /** A resource's contents, embedded in the result. */
  record EmbeddedResource(ResourceContents resource) implements Content {
    public EmbeddedResource {
      Objects.requireNonNull(resource, "resource");
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode node = Json.object().put("type", "resource");
      node.set("resource", resource.toJson());
      return node;
    }
  }

  /** A link to a resource the client may read. */
  record ResourceLink(String uri, String name, String description, String mimeType)
      implements Content {
    public ResourceLink {
      Objects.requireNonNull(uri, "uri");
      Objects.requireNonNull(name, "name");
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode node =
          Json.object().put("type", "resource_link").put("uri", uri).put("name", name);
      if (description != null) {
        node.put("description", description);
      }
      if (mimeType != null) {
        node.put("mimeType", mimeType);
      }
      return node;
    }
  }
}
