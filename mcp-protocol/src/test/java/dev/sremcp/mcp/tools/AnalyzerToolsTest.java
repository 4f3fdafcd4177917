package dev.sremcp.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.application.ToolService;
import dev.sremcp.domain.BuiltInAnalyzers;
import dev.sremcp.mcp.engine.SchemaValidator;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.spi.CallToolResult;
import dev.sremcp.mcp.spi.Content;
import dev.sremcp.mcp.spi.Tool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in tool's structured result matches the output schema it advertises, for each example
 * under {@code src/test/resources/examples/<tool>/}. A tool without examples fails here.
 */
class AnalyzerToolsTest {

  private static final ToolService SERVICE = new ToolService(BuiltInAnalyzers.all());
  private static final List<Tool> TOOLS = AnalyzerTools.of(SERVICE, SERVICE);

  static Stream<org.junit.jupiter.params.provider.Arguments> examples() {
    return TOOLS.stream()
        .flatMap(
            tool ->
                Stream.of(
                        "counts.json",
                        "series.json",
                        "exhausted.json",
                        "app.json",
                        "quiet.json",
                        "github-actions.json",
                        "no-error.json",
                        "findings.json",
                        "clean.json",
                        "sli.json",
                        "dns.json",
                        "insufficient.json",
                        "undetermined.json",
                        "rules.json")
                    .filter(
                        file ->
                            AnalyzerToolsTest.class.getResource(
                                    "/examples/" + tool.name() + "/" + file)
                                != null)
                    .map(file -> org.junit.jupiter.params.provider.Arguments.of(tool, file)));
  }

  @Test
  void everyToolHasExamples() {
    assertThat(TOOLS)
        .allSatisfy(tool -> assertThat(examples().filter(e -> e.get()[0] == tool)).isNotEmpty());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("examples")
  void structuredResultsMatchTheAdvertisedOutputSchema(Tool tool, String file) {
    CallToolResult result =
        (CallToolResult) tool.handler().call(read(tool.name() + "/" + file), null);

    assertThat(result.isError()).as(Json.text(result.toJson())).isFalse();
    assertThat(new SchemaValidator(tool.outputSchema()).problems(result.structuredContent()))
        .isEmpty();
    assertThat(result.content())
        .singleElement()
        .isInstanceOfSatisfying(
            Content.Text.class,
            text ->
                assertThat(text.text())
                    .contains(result.structuredContent().path("summary").asText()));
  }

  @Test
  void outputSchemasRequireTheCommonFieldsAndTheToolsOwn() {
    Tool slo =
        TOOLS.stream().filter(tool -> tool.name().equals("slo_report")).findFirst().orElseThrow();

    assertThat(slo.outputSchema().path("required").toString())
        .contains("summary", "findings", "truncation", "llm", "usage", "errorBudget", "alerts");
    assertThat(slo.annotations().path("readOnlyHint").asBoolean()).isTrue();
  }

  @Test
  void aSchemaViolationInTheResultIsCaught() {
    Tool slo =
        TOOLS.stream().filter(tool -> tool.name().equals("slo_report")).findFirst().orElseThrow();
    CallToolResult result =
        (CallToolResult) slo.handler().call(read("slo_report/counts.json"), null);
    ObjectNode broken = ((ObjectNode) result.structuredContent()).deepCopy();
    broken.remove("errorBudget");

    assertThat(new SchemaValidator(slo.outputSchema()).problems(broken)).isNotEmpty();
  }

  private static ObjectNode read(String path) {
    try (InputStream in = AnalyzerToolsTest.class.getResourceAsStream("/examples/" + path)) {
      JsonNode node = Json.MAPPER.readTree(in);
      return (ObjectNode) node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
