package dev.sremcp.mcp.engine;

import dev.sremcp.mcp.spi.CompletionProvider;
import dev.sremcp.mcp.spi.Prompt;
import dev.sremcp.mcp.spi.Resource;
import dev.sremcp.mcp.spi.ResourceTemplate;
import dev.sremcp.mcp.spi.Tool;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a server offers, fixed when it is built: tools and prompts sorted by name, so lists come
 * back in the same order every time, and each tool's input schema compiled once.
 */
final class Catalog {

  private final List<Tool> tools;
  private final Map<String, Tool> toolsByName;
  private final Map<String, SchemaValidator> validators;
  private final List<Resource> resources;
  private final Map<String, Resource> resourcesByUri;
  private final List<ResourceTemplate> templates;
  private final List<Prompt> prompts;
  private final Map<String, Prompt> promptsByName;
  private final CompletionProvider completions;

  Catalog(
      List<Tool> tools,
      List<Resource> resources,
      List<ResourceTemplate> templates,
      List<Prompt> prompts,
      CompletionProvider completions) {
    this.tools = tools.stream().sorted(Comparator.comparing(Tool::name)).toList();
    this.toolsByName = index(this.tools, Tool::name, "tool");
    Map<String, SchemaValidator> compiled = new LinkedHashMap<>();
    this.tools.forEach(tool -> compiled.put(tool.name(), new SchemaValidator(tool.inputSchema())));
    this.validators = Map.copyOf(compiled);
    this.resources = List.copyOf(resources);
    this.resourcesByUri = index(this.resources, Resource::uri, "resource");
    this.templates = List.copyOf(templates);
    this.prompts = prompts.stream().sorted(Comparator.comparing(Prompt::name)).toList();
    this.promptsByName = index(this.prompts, Prompt::name, "prompt");
    this.completions = completions;
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> key, String kind) {
    Map<String, T> byKey = new LinkedHashMap<>();
    for (T item : items) {
      if (byKey.putIfAbsent(key.apply(item), item) != null) {
        throw new IllegalArgumentException(
            "two of the " + kind + "s are called " + key.apply(item));
      }
    }
    return Map.copyOf(byKey);
  }

  List<Tool> tools() {
    return tools;
  }

  Optional<Tool> tool(String name) {
    return Optional.ofNullable(toolsByName.get(name));
  }

  SchemaValidator validator(String tool) {
    return validators.get(tool);
  }

  List<Resource> resources() {
    return resources;
  }

  Optional<Resource> resource(String uri) {
    return Optional.ofNullable(resourcesByUri.get(uri));
  }

  List<ResourceTemplate> templates() {
    return templates;
  }

  boolean hasResources() {
    return !resources.isEmpty() || !templates.isEmpty();
  }

  List<Prompt> prompts() {
    return prompts;
  }

  Optional<Prompt> prompt(String name) {
    return Optional.ofNullable(promptsByName.get(name));
  }

  boolean hasPrompts() {
    return !prompts.isEmpty();
  }

  CompletionProvider completions() {
    return completions;
  }
}
