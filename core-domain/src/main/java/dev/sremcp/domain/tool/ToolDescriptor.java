package dev.sremcp.domain.tool;

import dev.sremcp.domain.account.Tier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a tool is, as a client discovers it.
 *
 * @param name the MCP tool name: 1 to 128 characters of {@code [A-Za-z0-9_.-]}
 * @param minimumTier the cheapest tier allowed to call it
 * @param explainable whether the tool has a language-model part (an explanation, a draft); a
 *     deterministic tool such as {@code slo_report} has none
 * @param inputSchema the JSON Schema (2020-12) of its arguments, as JSON text
 * @param detailsSchema a JSON Schema object whose {@code properties} and {@code required} list the
 *     fields the tool adds beside the common result fields, as JSON text
 */
public record ToolDescriptor(
    String name,
    String title,
    String description,
    Tier minimumTier,
    boolean explainable,
    String inputSchema,
    String detailsSchema) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

  public ToolDescriptor {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "tool names are 1-128 characters of [A-Za-z0-9_.-]: " + name);
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(minimumTier, "minimumTier");
    Objects.requireNonNull(inputSchema, "inputSchema");
    Objects.requireNonNull(detailsSchema, "detailsSchema");
  }

  /**
   * Reads the schemas {@code <name>.input.schema.json} and {@code <name>.details.schema.json} that
   * sit beside {@code owner} on the class path.
   */
  public static ToolDescriptor withSchemasBeside(
      Class<?> owner,
      String name,
      String title,
      String description,
      Tier minimumTier,
      boolean explainable) {
    return new ToolDescriptor(
        name,
        title,
        description,
        minimumTier,
        explainable,
        resource(owner, name + ".input.schema.json"),
        resource(owner, name + ".details.schema.json"));
  }

  /** The text of a schema file that sits beside {@code owner} on the class path. */
  public static String resource(Class<?> owner, String file) {
    try (InputStream in = owner.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException(file + " is missing beside " + owner.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
