package dev.sremcp.mcp.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.ErrorCode;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.jsonrpc.McpException;
import dev.sremcp.mcp.spi.CompletionProvider.Completion;
import dev.sremcp.mcp.spi.GetPromptResult;
import dev.sremcp.mcp.spi.Prompt;
import dev.sremcp.mcp.spi.ResourceContents;
import dev.sremcp.mcp.spi.ResourceTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code resources/read}, {@code prompts/get} and {@code completion/complete}. */
final class ContentMethods {

  private final Catalog catalog;
  private final InputFlow inputFlow;

  ContentMethods(Catalog catalog, InputFlow inputFlow) {
    this.catalog = catalog;
    this.inputFlow = inputFlow;
  }

  void requireResources(String method, CallScope scope) {
    if (!catalog.hasResources()) {
      throw McpServer.notFound(
          "Method not found: " + method + " (this server offers no resources)", scope);
    }
  }

  void requirePrompts(String method, CallScope scope) {
    if (!catalog.hasPrompts()) {
      throw McpServer.notFound(
          "Method not found: " + method + " (this server offers no prompts)", scope);
    }
  }

  ObjectNode read(ObjectNode params, CallScope scope) {
    requireResources("resources/read", scope);
    String uri = McpServer.requiredText(params, "uri");
    HandlerContext context =
        new HandlerContext(scope, Envelope.progressToken(params), Json.object(), null);
    List<ResourceContents> contents =
        catalog
            .resource(uri)
            .map(resource -> resource.reader().apply(context))
            .or(() -> fromTemplate(uri, context))
            .orElse(List.of());
    if (contents.isEmpty()) {
      ObjectNode data = Json.object().put("uri", uri);
      throw McpException.of(
          scope.version().isModern() ? ErrorCode.INVALID_PARAMS : ErrorCode.RESOURCE_NOT_FOUND,
          "Resource not found: " + uri,
          data,
          200);
    }
    ObjectNode result = Json.object();
    ArrayNode list = result.putArray("contents");
    contents.forEach(item -> list.add(item.toJson()));
    return result;
  }

  private Optional<List<ResourceContents>> fromTemplate(String uri, HandlerContext context) {
    for (ResourceTemplate template : catalog.templates()) {
      Optional<Map<String, String>> values = template.match(uri);
      if (values.isPresent()) {
        return Optional.of(template.read(values.get(), context));
      }
    }
    return Optional.empty();
  }

  ObjectNode getPrompt(ObjectNode params, CallScope scope) {
    requirePrompts("prompts/get", scope);
    String name = McpServer.requiredText(params, "name");
    Prompt prompt =
        catalog
            .prompt(name)
            .orElseThrow(
                () ->
                    McpException.invalidParams(
                        "Unknown prompt: "
                            + name
                            + ". Call prompts/list for the prompts this server offers."));
    Map<String, String> arguments = arguments(params.get("arguments"));
    for (Prompt.Argument argument : prompt.arguments()) {
      if (argument.required() && !arguments.containsKey(argument.name())) {
        throw McpException.invalidParams(
            "Missing required argument '" + argument.name() + "' of prompt " + name);
      }
    }
    String owner = InputFlow.owner("prompts/get", name, scope, params.path("arguments"));
    HandlerContext first = inputFlow.firstRound(params, scope, owner);
    return switch (inputFlow.run(
        first,
        scope,
        owner,
        context -> prompt.handler().get(arguments, context),
        GetPromptResult.class)) {
      case InputFlow.Resolved.Complete<GetPromptResult> complete -> complete.value().toJson();
      case InputFlow.Resolved.Pending<GetPromptResult> pending ->
          pending.result().put("resultType", "input_required");
    };
  }

  private static Map<String, String> arguments(JsonNode given) {
    Map<String, String> arguments = new LinkedHashMap<>();
    if (given == null || given.isNull()) {
      return arguments;
    }
    if (!given.isObject()) {
      throw McpException.invalidParams("params.arguments must be an object of strings");
    }
    given
        .properties()
        .forEach(
            entry -> {
              if (!entry.getValue().isTextual()) {
                throw McpException.invalidParams(
                    "prompt argument '" + entry.getKey() + "' must be a string");
              }
              arguments.put(entry.getKey(), entry.getValue().textValue());
            });
    return arguments;
  }

  ObjectNode complete(ObjectNode params, CallScope scope) {
    if (catalog.completions() == null) {
      throw McpServer.notFound(
          "Method not found: completion/complete (this server offers no completions)", scope);
    }
    if (!(params.get("ref") instanceof ObjectNode ref)) {
      throw McpException.invalidParams(
          "params.ref is required: {type: \"ref/prompt\", name} or {type: \"ref/resource\", uri}");
    }
    switch (ref.path("type").asText()) {
      case "ref/prompt" -> {
        String name = ref.path("name").asText();
        if (catalog.prompt(name).isEmpty()) {
          throw McpException.invalidParams("Unknown prompt: " + name);
        }
      }
      case "ref/resource" -> {
        if (!ref.path("uri").isTextual()) {
          throw McpException.invalidParams("params.ref.uri is required for ref/resource");
        }
      }
      default ->
          throw McpException.invalidParams("params.ref.type must be ref/prompt or ref/resource");
    }
    if (!(params.get("argument") instanceof ObjectNode argument)
        || !argument.path("name").isTextual()
        || !argument.path("value").isTextual()) {
      throw McpException.invalidParams("params.argument is required: {name, value}");
    }
    ObjectNode context =
        params.path("context").get("arguments") instanceof ObjectNode values
            ? values
            : Json.object();
    Completion completion =
        catalog
            .completions()
            .complete(
                ref, argument.get("name").textValue(), argument.get("value").textValue(), context);
    ObjectNode result = Json.object();
    ObjectNode body = result.putObject("completion");
    ArrayNode values = body.putArray("values");
    completion.values().forEach(values::add);
    if (completion.total() != null) {
      body.put("total", completion.total());
    }
    body.put("hasMore", completion.hasMore());
    return result;
  }
}
