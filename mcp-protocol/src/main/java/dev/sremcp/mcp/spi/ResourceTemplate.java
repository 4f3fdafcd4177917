package dev.sremcp.mcp.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resources whose URIs follow a template with simple {@code {name}} variables (RFC 6570 level 1),
 * such as {@code test://template/{id}/data}; a variable matches one path segment.
 */
public final class ResourceTemplate {

  private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)}");

  private final String uriTemplate;
  private final String name;
  private final String title;
  private final String description;
  private final String mimeType;
  private final BiFunction<Map<String, String>, RequestContext, List<ResourceContents>> reader;
  private final Pattern matcher;
  private final List<String> variables;

  public ResourceTemplate(
      String uriTemplate,
      String name,
      String title,
      String description,
      String mimeType,
      BiFunction<Map<String, String>, RequestContext, List<ResourceContents>> reader) {
    this.uriTemplate = Objects.requireNonNull(uriTemplate, "uriTemplate");
    this.name = Objects.requireNonNull(name, "name");
    this.title = title;
    this.description = description;
    this.mimeType = mimeType;
    this.reader = Objects.requireNonNull(reader, "reader");
    StringBuilder regex = new StringBuilder();
    List<String> names = new java.util.ArrayList<>();
    Matcher variable = VARIABLE.matcher(uriTemplate);
    int last = 0;
    while (variable.find()) {
      regex
          .append(Pattern.quote(uriTemplate.substring(last, variable.start())))
          .append("([^/?#]+)");
      names.add(variable.group(1));
      last = variable.end();
    }
    regex.append(Pattern.quote(uriTemplate.substring(last)));
    this.matcher = Pattern.compile(regex.toString());
    this.variables = List.copyOf(names);
  }

  /** The variables of {@code uri} when it matches this template. */
  public Optional<Map<String, String>> match(String uri) {
    Matcher match = matcher.matcher(uri);
    if (!match.matches()) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < variables.size(); i++) {
      values.put(variables.get(i), match.group(i + 1));
    }
    return Optional.of(values);
  }

  public List<ResourceContents> read(Map<String, String> values, RequestContext context) {
    return reader.apply(values, context);
  }

  public ObjectNode toJson() {
    ObjectNode node = Json.object().put("uriTemplate", uriTemplate).put("name", name);
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
