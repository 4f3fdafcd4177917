package dev.sremcp.mcp.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/**
 * Checks JSON values against a JSON Schema (2020-12 unless the schema says otherwise), with the
 * networknt validator. Remote {@code $ref}s are never fetched.
 */
public final class SchemaValidator {

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));

  private final Schema schema;

  public SchemaValidator(ObjectNode schema) {
    this.schema = REGISTRY.getSchema(schema);
  }

  /** What is wrong with {@code value}, one message per problem; empty when it is valid. */
  public List<String> problems(JsonNode value) {
    return schema.validate(value).stream().map(Error::toString).toList();
  }
}
