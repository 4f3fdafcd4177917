package dev.sremcp.mcp.engine;

import static dev.sremcp.mcp.engine.Harness.json;

import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.spi.CallToolResult;
import dev.sremcp.mcp.spi.CompletionProvider;
import dev.sremcp.mcp.spi.Content;
import dev.sremcp.mcp.spi.GetPromptResult;
import dev.sremcp.mcp.spi.Implementation;
import dev.sremcp.mcp.spi.InputRequest;
import dev.sremcp.mcp.spi.InputRequired;
import dev.sremcp.mcp.spi.Prompt;
import dev.sremcp.mcp.spi.Resource;
import dev.sremcp.mcp.spi.ResourceContents;
import dev.sremcp.mcp.spi.ResourceTemplate;
import dev.sremcp.mcp.spi.Tool;
import dev.sremcp.mcp.spi.ToolResult;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;

/** A server with one tool, resource and prompt per behaviour the engine tests exercise. */
final class TestCatalog {

  final CountDownLatch slowStarted = new CountDownLatch(1);
  volatile boolean slowSawCancellation;

  /** One key for every server of a test, so state sealed by one opens in another. */
  static final byte[] STATE_KEY = new byte[32];

  McpServer.Builder builder() {
    return McpServer.builder()
        .serverInfo(new Implementation("test-server", null, "1.2.3"))
        .stateKey(STATE_KEY)
        .tool(
            new Tool(
                "echo",
                null,
                "Echoes a message",
                json(
                    "{\"type\":\"object\",\"properties\":{\"message\":{\"type\":\"string\",\"maxLength\":10}},"
                        + "\"required\":[\"message\"],\"additionalProperties\":false}"),
                null,
                null,
                (args, context) -> CallToolResult.text(args.get("message").asText())))
        .tool(
            new Tool(
                "numbers",
                null,
                "Takes a list of small numbers",
                json(
                    "{\"type\":\"object\",\"properties\":{\"values\":{\"type\":\"array\","
                        + "\"items\":{\"type\":\"integer\",\"maximum\":9}}}}"),
                null,
                null,
                (args, context) -> CallToolResult.text("ok")))
        .tool(
            Tool.simple(
                "progress",
                "Reports progress, once out of order",
                (args, context) -> {
                  context.progress(1, 3.0, "one");
                  context.progress(3, 3.0, "three");
                  context.progress(2, 3.0, "two, late");
                  return CallToolResult.text("done");
                }))
        .tool(
            Tool.simple(
                "logs",
                "Logs at three levels",
                (args, context) -> {
                  context.log(LogLevel.DEBUG, "t", Json.MAPPER.getNodeFactory().textNode("debug"));
                  context.log(LogLevel.INFO, "t", Json.MAPPER.getNodeFactory().textNode("info"));
                  context.log(LogLevel.ERROR, "t", Json.MAPPER.getNodeFactory().textNode("error"));
                  return CallToolResult.text("logged");
                }))
        .tool(
            Tool.simple(
                "slow",
                "Runs for two seconds unless cancelled",
                (args, context) -> {
                  slowStarted.countDown();
                  for (int step = 0; step < 400; step++) {
                    if (context.isCancelled()) {
                      slowSawCancellation = true;
                      throw new CancellationException("cancelled");
                    }
                    try {
                      Thread.sleep(5);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      throw new CancellationException("interrupted");
                    }
                  }
                  return CallToolResult.text("finished");
                }))
        .tool(
            Tool.simple(
                "confirm",
                "Asks for a confirmation, keeping state",
                (args, context) -> {
                  var answer = context.elicitation("ok");
                  if (answer.isPresent() && context.requestState().orElse("").equals("asked")) {
                    return CallToolResult.text("confirmed: " + answer.get().action());
                  }
                  return new InputRequired(
                      Map.of(
                          "ok",
                          InputRequest.elicit(
                              "Sure?", json("{\"type\":\"object\",\"properties\":{}}"))),
                      "asked");
                }))
        .tool(
            Tool.simple(
                "sample",
                "Asks the client's model",
                (args, context) ->
                    context
                        .sampling("q")
                        .<ToolResult>map(
                            answer -> CallToolResult.text("model said " + answer.text()))
                        .orElseGet(() -> InputRequired.of("q", InputRequest.sample("Hi?", 10)))))
        .tool(
            Tool.simple(
                "crash",
                "Fails with an exception",
                (args, context) -> {
                  throw new IllegalStateException("internal detail that must not leak");
                }))
        .resource(
            new Resource(
                "test://one",
                "one",
                null,
                null,
                "text/plain",
                context -> List.of(new ResourceContents.Text("test://one", "text/plain", "1"))))
        .template(
            new ResourceTemplate(
                "test://item/{id}",
                "item",
                null,
                null,
                "text/plain",
                (values, context) ->
                    values.get("id").equals("missing")
                        ? List.of()
                        : List.of(
                            new ResourceContents.Text(
                                "test://item/" + values.get("id"), null, values.get("id")))))
        .prompt(
            new Prompt(
                "greet",
                null,
                "Greets someone",
                List.of(new Prompt.Argument("who", "whom to greet", true)),
                (arguments, context) ->
                    new GetPromptResult(
                        null,
                        List.of(
                            GetPromptResult.Message.user(
                                Content.text("Hello " + arguments.get("who")))))))
        .completions(
            (ref, argument, value, context) ->
                new CompletionProvider.Completion(List.of(value + "1", value + "2"), 2, false));
  }

  McpServer server() {
    return builder().build();
  }

  McpServer server(Clock clock) {
    return builder().clock(clock).build();
  }
}
