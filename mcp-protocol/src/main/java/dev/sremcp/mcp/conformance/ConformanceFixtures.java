package dev.sremcp.mcp.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.engine.LogLevel;
import dev.sremcp.mcp.engine.McpServer;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.spi.CallToolResult;
import dev.sremcp.mcp.spi.CompletionProvider;
import dev.sremcp.mcp.spi.Content;
import dev.sremcp.mcp.spi.GetPromptResult;
import dev.sremcp.mcp.spi.InputRequest;
import dev.sremcp.mcp.spi.InputRequired;
import dev.sremcp.mcp.spi.InputResponses;
import dev.sremcp.mcp.spi.Prompt;
import dev.sremcp.mcp.spi.RequestContext;
import dev.sremcp.mcp.spi.Resource;
import dev.sremcp.mcp.spi.ResourceContents;
import dev.sremcp.mcp.spi.ResourceTemplate;
import dev.sremcp.mcp.spi.Tool;
import dev.sremcp.mcp.spi.ToolResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/** Registers the conformance suite's fixtures on a server builder. */
public final class ConformanceFixtures {

  /** A 1x1 red PNG. */
  static final String IMAGE =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

  /** A minimal WAV file. */
  static final String AUDIO = "UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=";

  private ConformanceFixtures() {}

  public static McpServer.Builder register(McpServer.Builder server) {
    contentTools(server);
    interactionTools(server);
    MrtrFixtures.register(server);
    resources(server);
    prompts(server);
    server.completions(ConformanceFixtures::complete);
    return server;
  }

  private static void contentTools(McpServer.Builder server) {
    server
        .tool(
            Tool.simple(
                "test_simple_text",
                "Returns a simple text response",
                (args, context) ->
                    CallToolResult.text("This is a simple text response for testing.")))
        .tool(
            Tool.simple(
                "test_image_content",
                "Returns an image",
                (args, context) -> CallToolResult.of(new Content.Image(IMAGE, "image/png"))))
        .tool(
            Tool.simple(
                "test_audio_content",
                "Returns audio",
                (args, context) -> CallToolResult.of(new Content.Audio(AUDIO, "audio/wav"))))
        .tool(
            Tool.simple(
                "test_embedded_resource",
                "Returns an embedded resource",
                (args, context) ->
                    CallToolResult.of(
                        new Content.EmbeddedResource(
                            new ResourceContents.Text(
                                "test://embedded-resource",
                                "text/plain",
                                "This is an embedded resource content.")))))
        .tool(
            Tool.simple(
                "test_multiple_content_types",
                "Returns text, an image and an embedded resource",
                (args, context) ->
                    CallToolResult.of(
                        Content.text("Multiple content types test:"),
                        new Content.Image(IMAGE, "image/png"),
                        new Content.EmbeddedResource(
                            new ResourceContents.Text(
                                "test://mixed-content-resource",
                                "application/json",
                                "{\"test\":\"data\",\"value\":123}")))))
        .tool(
            Tool.simple(
                "test_error_handling",
                "Always fails, as a tool error",
                (args, context) ->
                    CallToolResult.error("This tool intentionally returns an error for testing")))
        .tool(
            new Tool(
                "json_schema_2020_12_tool",
                null,
                "Tool with JSON Schema 2020-12 features for conformance testing (SEP-1613)",
                json(
                    """
                    {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                     "$defs":{"address":{"$anchor":"addressDef","type":"object",
                       "properties":{"street":{"type":"string"},"city":{"type":"string"}}}},
                     "properties":{"name":{"type":"string"},"address":{"$ref":"#/$defs/address"},
                       "contactMethod":{"type":"string","enum":["phone","email"]},
                       "phone":{"type":"string"},"email":{"type":"string"}},
                     "allOf":[{"anyOf":[{"required":["phone"]},{"required":["email"]}]}],
                     "if":{"properties":{"contactMethod":{"const":"phone"}},"required":["contactMethod"]},
                     "then":{"required":["phone"]},"else":{"required":["email"]},
                     "additionalProperties":false}
                    """),
                null,
                null,
                (args, context) ->
                    CallToolResult.text(
                        "JSON Schema 2020-12 tool called with: " + Json.text(args))));
  }

  private static void interactionTools(McpServer.Builder server) {
    server
        .tool(
            Tool.simple(
                "test_tool_with_progress",
                "Reports progress three times, then answers",
                (args, context) -> {
                  for (int step = 0; step <= 100; step += 50) {
                    context.progress(step, 100.0, "Completed step " + step + " of 100");
                    pause(context);
                  }
                  return CallToolResult.text("Progress complete");
                }))
        .tool(
            Tool.simple(
                "test_tool_with_logging",
                "Logs three messages, then answers",
                (args, context) -> {
                  logThree(context);
                  return CallToolResult.text("Tool with logging executed successfully");
                }))
        .tool(
            Tool.simple(
                "test_logging_tool",
                "Logs three messages when the request asks for logs, then answers",
                (args, context) -> {
                  logThree(context);
                  return CallToolResult.text("Logging tool executed");
                }))
        .tool(
            Tool.simple(
                "test_missing_capability",
                "Needs the client's sampling capability",
                (args, context) -> {
                  context.requireClientCapability("sampling");
                  return CallToolResult.text("Success");
                }))
        .tool(
            Tool.simple(
                "test_streaming_elicitation",
                "Asks the user for a name, without a server-to-client request",
                (args, context) ->
                    context
                        .elicitation("name")
                        .<ToolResult>map(
                            answer -> CallToolResult.text("Thanks, " + answer.content()))
                        .orElseGet(
                            () ->
                                InputRequired.of(
                                    "name",
                                    InputRequest.elicit(
                                        "What is your name?", nameSchema("name"))))))
        .tool(
            new Tool(
                "test_sampling",
                null,
                "Asks the client's model to answer a prompt",
                json(
                    """
                    {"type":"object","properties":{"prompt":{"type":"string",
                     "description":"The prompt to send to the LLM"}},"required":["prompt"]}
                    """),
                null,
                null,
                (args, context) ->
                    context
                        .sampling("sampling")
                        .<ToolResult>map(
                            answer -> CallToolResult.text("LLM response: " + answer.text()))
                        .orElseGet(
                            () ->
                                InputRequired.of(
                                    "sampling",
                                    InputRequest.sample(args.path("prompt").asText(), 100)))))
        .tool(
            new Tool(
                "test_elicitation",
                null,
                "Asks the user for a username and an email address",
                json(
                    """
                    {"type":"object","properties":{"message":{"type":"string",
                     "description":"The message to show the user"}},"required":["message"]}
                    """),
                null,
                null,
                (args, context) ->
                    elicit(
                        context,
                        args.path("message").asText(),
                        json(
                            """
                            {"type":"object","properties":{
                              "username":{"type":"string","description":"User's response"},
                              "email":{"type":"string","description":"User's email address"}},
                             "required":["username","email"]}
                            """),
                        "User response: ")))
        .tool(
            Tool.simple(
                "test_elicitation_sep1034_defaults",
                "Asks the user to review fields with defaults (SEP-1034)",
                (args, context) ->
                    elicit(
                        context,
                        "Please review and update the form fields with defaults",
                        json(
                            """
                            {"type":"object","properties":{
                              "name":{"type":"string","description":"User name","default":"John Doe"},
                              "age":{"type":"integer","description":"User age","default":30},
                              "score":{"type":"number","description":"User score","default":95.5},
                              "status":{"type":"string","description":"User status",
                                "enum":["active","inactive","pending"],"default":"active"},
                              "verified":{"type":"boolean","description":"Verification status","default":true}},
                             "required":[]}
                            """),
                        "Elicitation completed: ")))
        .tool(
            Tool.simple(
                "test_elicitation_sep1330_enums",
                "Asks the user to pick from enumerations (SEP-1330)",
                (args, context) ->
                    elicit(
                        context,
                        "Please select options from the enum fields",
                        json(
                            """
                            {"type":"object","properties":{
                              "untitledSingle":{"type":"string","enum":["option1","option2","option3"]},
                              "titledSingle":{"type":"string","oneOf":[{"const":"value1","title":"First Option"},
                                {"const":"value2","title":"Second Option"},{"const":"value3","title":"Third Option"}]},
                              "legacyEnum":{"type":"string","enum":["opt1","opt2","opt3"],
                                "enumNames":["Option One","Option Two","Option Three"]},
                              "untitledMulti":{"type":"array","minItems":1,"maxItems":3,
                                "items":{"type":"string","enum":["option1","option2","option3"]}},
                              "titledMulti":{"type":"array","minItems":1,"maxItems":3,
                                "items":{"anyOf":[{"const":"value1","title":"First Choice"},
                                  {"const":"value2","title":"Second Choice"},{"const":"value3","title":"Third Choice"}]}}},
                             "required":[]}
                            """),
                        "Elicitation completed: ")));
  }

  private static ToolResult elicit(
      RequestContext context, String message, ObjectNode schema, String answerPrefix) {
    Optional<InputResponses.Elicitation> answer = context.elicitation("form");
    if (answer.isEmpty()) {
      return InputRequired.of("form", InputRequest.elicit(message, schema));
    }
    return CallToolResult.text(
        answerPrefix
            + "action="
            + answer.get().action()
            + ", content="
            + Json.text(answer.get().content()));
  }

  private static void logThree(RequestContext context) {
    for (String message :
        List.of("Tool execution started", "Tool processing data", "Tool execution completed")) {
      context.log(LogLevel.INFO, "conformance", Json.MAPPER.getNodeFactory().textNode(message));
      pause(context);
    }
  }

  private static void pause(RequestContext context) {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted");
    }
    if (context.isCancelled()) {
      throw new CancellationException("the client cancelled");
    }
  }

  private static void resources(McpServer.Builder server) {
    server
        .resource(
            new Resource(
                "test://static-text",
                "static-text",
                "Static Text Resource",
                "A static text resource for testing",
                "text/plain",
                context ->
                    List.of(
                        new ResourceContents.Text(
                            "test://static-text",
                            "text/plain",
                            "This is the content of the static text resource."))))
        .resource(
            new Resource(
                "test://static-binary",
                "static-binary",
                "Static Binary Resource",
                "A static binary resource (a PNG) for testing",
                "image/png",
                context ->
                    List.of(new ResourceContents.Blob("test://static-binary", "image/png", IMAGE))))
        .resource(
            new Resource(
                "test://watched-resource",
                "watched-resource",
                "Watched Resource",
                "A resource clients may subscribe to",
                "text/plain",
                context ->
                    List.of(
                        new ResourceContents.Text(
                            "test://watched-resource", "text/plain", "Watched resource content"))))
        .template(
            new ResourceTemplate(
                "test://template/{id}/data",
                "template",
                "Resource Template",
                "A resource template with parameter substitution",
                "application/json",
                (values, context) -> {
                  String id = values.get("id");
                  ObjectNode data =
                      Json.object()
                          .put("id", id)
                          .put("templateTest", true)
                          .put("data", "Data for ID: " + id);
                  return List.of(
                      new ResourceContents.Text(
                          "test://template/" + id + "/data", "application/json", Json.text(data)));
                }));
  }

  private static void prompts(McpServer.Builder server) {
    server
        .prompt(
            new Prompt(
                "test_simple_prompt",
                null,
                "A simple prompt without arguments",
                List.of(),
                (arguments, context) -> userText("This is a simple prompt for testing.")))
        .prompt(
            new Prompt(
                "test_prompt_with_arguments",
                null,
                "A prompt with two required arguments",
                List.of(
                    new Prompt.Argument("arg1", "First test argument", true),
                    new Prompt.Argument("arg2", "Second test argument", true)),
                (arguments, context) ->
                    userText(
                        "Prompt with arguments: arg1='"
                            + arguments.get("arg1")
                            + "', arg2='"
                            + arguments.get("arg2")
                            + "'")))
        .prompt(
            new Prompt(
                "test_prompt_with_embedded_resource",
                null,
                "A prompt that embeds a resource",
                List.of(new Prompt.Argument("resourceUri", "URI of the resource to embed", true)),
                (arguments, context) ->
                    new GetPromptResult(
                        null,
                        List.of(
                            GetPromptResult.Message.user(
                                new Content.EmbeddedResource(
                                    new ResourceContents.Text(
                                        arguments.get("resourceUri"),
                                        "text/plain",
                                        "Embedded resource content for testing."))),
                            GetPromptResult.Message.user(
                                Content.text("Please process the embedded resource above."))))))
        .prompt(
            new Prompt(
                "test_prompt_with_image",
                null,
                "A prompt with an image",
                List.of(),
                (arguments, context) ->
                    new GetPromptResult(
                        null,
                        List.of(
                            GetPromptResult.Message.user(new Content.Image(IMAGE, "image/png")),
                            GetPromptResult.Message.user(
                                Content.text("Please analyze the image above."))))));
  }

  static GetPromptResult userText(String text) {
    return new GetPromptResult(null, List.of(GetPromptResult.Message.user(Content.text(text))));
  }

  private static CompletionProvider.Completion complete(
      ObjectNode ref, String argument, String value, ObjectNode context) {
    Map<String, List<String>> suggestions = new LinkedHashMap<>();
    suggestions.put("arg1", List.of("test-alpha", "test-beta", "sample"));
    suggestions.put("arg2", List.of("value-one", "value-two"));
    List<String> values =
        suggestions.getOrDefault(argument, List.of()).stream()
            .filter(s -> s.startsWith(value))
            .toList();
    return new CompletionProvider.Completion(values, values.size(), false);
  }

  static ObjectNode nameSchema(String property) {
    ObjectNode schema = Json.object().put("type", "object");
    schema.putObject("properties").putObject(property).put("type", "string");
    schema.putArray("required").add(property);
    return schema;
  }

  static ObjectNode json(String text) {
    try {
      JsonNode node = Json.MAPPER.readTree(text);
      return (ObjectNode) node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
