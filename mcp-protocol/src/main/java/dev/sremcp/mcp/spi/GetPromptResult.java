package dev.sremcp.mcp.spi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.Json;
import java.util.List;
import java.util.Objects;

/** A prompt, ready to send to a model. */
public record GetPromptResult(String description, List<Message> messages) implements PromptResult {

  public GetPromptResult {
    messages = List.copyOf(messages);
  }

  /** One message of a prompt, from the user or the assistant. */
  public record Message(String role, Content content) {
    public Message {
      if (!"user".equals(role) && !"assistant".equals(role)) {
        throw new IllegalArgumentException("role is user or assistant: " + role);
      }
      Objects.requireNonNull(content, "content");
    }

    public static Message user(Content content) {
      return new Message("user", content);
    }
  }

  public ObjectNode toJson() {
    ObjectNode node = Json.object();
    if (description != null) {
      node.put("description", description);
    }
    ArrayNode list = node.putArray("messages");
    for (Message message : messages) {
      ObjectNode item = list.addObject().put("role", message.role());
      item.set("content", message.content().toJson());
    }
    return node;
  }
}
