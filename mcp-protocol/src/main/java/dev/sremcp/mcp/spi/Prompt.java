package dev.sremcp.mcp.spi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.Json;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A prompt template the server offers. */
public record Prompt(
    String name, String title, String description, List<Argument> arguments, Handler handler) {

  public Prompt {
    Objects.requireNonNull(name, "name");
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("prompt " + name + " needs a description");
    }
    arguments = List.copyOf(arguments);
    Objects.requireNonNull(handler, "handler");
  }

  /** One argument of a prompt. */
  public record Argument(String name, String description, boolean required) {}

  /** Builds the prompt from its arguments, which include every required one. */
  @FunctionalInterface
  public interface Handler {
    PromptResult get(Map<String, String> arguments, RequestContext context);
  }

  public ObjectNode toJson() {
    ObjectNode node = Json.object().put("name", name);
    if (title != null) {
      node.put("title", title);
    }
    node.put("description", description);
    if (!arguments.isEmpty()) {
      ArrayNode list = node.putArray("arguments");
      for (Argument argument : arguments) {
        ObjectNode item = list.addObject().put("name", argument.name());
        if (argument.description() != null) {
          item.put("description", argument.description());
        }
        item.put("required", argument.required());
      }
    }
    return node;
  }
}
