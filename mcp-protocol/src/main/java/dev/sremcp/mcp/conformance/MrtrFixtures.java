package dev.sremcp.mcp.conformance;

import static dev.sremcp.mcp.conformance.ConformanceFixtures.nameSchema;

import dev.sremcp.mcp.engine.McpServer;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.spi.CallToolResult;
import dev.sremcp.mcp.spi.InputRequest;
import dev.sremcp.mcp.spi.InputRequired;
import dev.sremcp.mcp.spi.InputResponses;
import dev.sremcp.mcp.spi.Prompt;
import dev.sremcp.mcp.spi.RequestContext;
import dev.sremcp.mcp.spi.Tool;
import dev.sremcp.mcp.spi.ToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The multi-round-trip (MRTR) fixtures of the 2026-07-28 suite. Each handler is stateless: what it
 * needs to resume travels in the sealed {@code requestState}.
 */
final class MrtrFixtures {

  private MrtrFixtures() {}

  static void register(McpServer.Builder server) {
    server
        .tool(
            tool(
                "test_input_required_result_elicitation",
                "Asks the user's name, then greets them",
                MrtrFixtures::greet))
        .tool(
            tool(
                "test_input_required_result_sampling",
                "Asks the client's model a question",
                MrtrFixtures::sample))
        .tool(
            tool(
                "test_input_required_result_list_roots",
                "Asks the client for its roots",
                MrtrFixtures::roots))
        .tool(
            tool(
                "test_input_required_result_request_state",
                "Asks for a confirmation, carrying state",
                MrtrFixtures::confirm))
        .tool(
            tool(
                "test_input_required_result_tampered_state",
                "Asks for a confirmation; refuses altered state",
                MrtrFixtures::confirm))
        .tool(
            tool(
                "test_input_required_result_multiple_inputs",
                "Asks for three inputs at once",
                MrtrFixtures::multiple))
        .tool(
            tool(
                "test_input_required_result_multi_round",
                "Asks two questions, one round each",
                MrtrFixtures::multiRound))
        .tool(
            tool(
                "test_input_required_result_capabilities",
                "Asks only for what the client can give",
                MrtrFixtures::byCapability))
        .prompt(
            new Prompt(
                "test_input_required_result_prompt",
                null,
                "A prompt that first asks the user for context",
                List.of(),
                (arguments, context) -> {
                  Optional<InputResponses.Elicitation> answer = context.elicitation("user_context");
                  if (answer.isEmpty()) {
                    return InputRequired.of(
                        "user_context",
                        InputRequest.elicit(
                            "What context should the prompt use?", nameSchema("context")));
                  }
                  return ConformanceFixtures.userText(
                      "Prompt with context: " + answer.get().content().path("context").asText());
                }));
  }

  private static Tool tool(
      String name,
      String description,
      java.util.function.Function<RequestContext, ToolResult> body) {
    return Tool.simple(name, description, (args, context) -> body.apply(context));
  }

  private static ToolResult greet(RequestContext context) {
    return context
        .elicitation("user_name")
        .<ToolResult>map(
            answer ->
                CallToolResult.text(
                    "Hello, " + answer.content().path("name").asText("unknown") + "!"))
        .orElseGet(
            () ->
                InputRequired.of(
                    "user_name", InputRequest.elicit("What is your name?", nameSchema("name"))));
  }

  private static ToolResult sample(RequestContext context) {
    return context
        .sampling("sample_request")
        .<ToolResult>map(answer -> CallToolResult.text("Sampling response: " + answer.text()))
        .orElseGet(
            () ->
                InputRequired.of(
                    "sample_request", InputRequest.sample("What is the capital of France?", 100)));
  }

  private static ToolResult roots(RequestContext context) {
    return context
        .roots("roots_request")
        .<ToolResult>map(
            answer -> CallToolResult.text("Found " + answer.uris().size() + " root(s)"))
        .orElseGet(() -> InputRequired.of("roots_request", InputRequest.listRoots()));
  }

  private static ToolResult confirm(RequestContext context) {
    Optional<InputResponses.Elicitation> answer = context.elicitation("confirm");
    if (answer.isPresent()
        && context.requestState().filter("awaiting-confirmation"::equals).isPresent()) {
      return CallToolResult.text(
          "state-ok: requestState validated, ok=" + answer.get().content().path("ok"));
    }
    var schema = Json.object().put("type", "object");
    schema.putObject("properties").putObject("ok").put("type", "boolean");
    schema.putArray("required").add("ok");
    return new InputRequired(
        Map.of("confirm", InputRequest.elicit("Please confirm", schema)), "awaiting-confirmation");
  }

  private static ToolResult multiple(RequestContext context) {
    Optional<InputResponses.Elicitation> name = context.elicitation("user_name");
    Optional<InputResponses.Sampling> greeting = context.sampling("greeting");
    Optional<InputResponses.Roots> roots = context.roots("client_roots");
    if (name.isPresent() && greeting.isPresent() && roots.isPresent()) {
      return CallToolResult.text(
          "Name: "
              + name.get().content().path("name").asText()
              + ", greeting: "
              + greeting.get().text()
              + ", roots: "
              + roots.get().uris().size());
    }
    Map<String, InputRequest> requests = new LinkedHashMap<>();
    requests.put("user_name", InputRequest.elicit("What is your name?", nameSchema("name")));
    requests.put("greeting", InputRequest.sample("Generate a greeting", 50));
    requests.put("client_roots", InputRequest.listRoots());
    return new InputRequired(requests, "multiple-inputs");
  }

  private static ToolResult multiRound(RequestContext context) {
    String state = context.requestState().orElse("");
    if (state.startsWith("round=2\n")) {
      Optional<InputResponses.Elicitation> color = context.elicitation("step2");
      if (color.isPresent()) {
        return CallToolResult.text(
            "Multi-round complete for "
                + state.substring("round=2\n".length())
                + " who likes "
                + color.get().content().path("color").asText());
      }
    }
    Optional<InputResponses.Elicitation> name = context.elicitation("step1");
    if (state.equals("round=1") && name.isPresent()) {
      return new InputRequired(
          Map.of(
              "step2",
              InputRequest.elicit("Step 2: What is your favorite color?", nameSchema("color"))),
          "round=2\n" + name.get().content().path("name").asText());
    }
    return new InputRequired(
        Map.of("step1", InputRequest.elicit("Step 1: What is your name?", nameSchema("name"))),
        "round=1");
  }

  private static ToolResult byCapability(RequestContext context) {
    if (context.requestState().isPresent()) {
      return CallToolResult.text("Received " + context.inputResponses().size() + " input(s)");
    }
    Map<String, InputRequest> requests = new LinkedHashMap<>();
    if (context.hasClientCapability("sampling")) {
      requests.put("sample_input", InputRequest.sample("Sample request", 50));
    }
    if (context.hasClientCapability("elicitation")) {
      requests.put("elicit_input", InputRequest.elicit("Anything to add?", nameSchema("note")));
    }
    if (context.hasClientCapability("roots")) {
      requests.put("roots_input", InputRequest.listRoots());
    }
    if (requests.isEmpty()) {
      return CallToolResult.text("The client declared no capability to ask it anything with");
    }
    return new InputRequired(requests, "capabilities");
  }
}
