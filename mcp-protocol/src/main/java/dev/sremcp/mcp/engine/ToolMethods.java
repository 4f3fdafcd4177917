package dev.sremcp.mcp.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.jsonrpc.McpException;
import dev.sremcp.mcp.spi.CallToolResult;
import dev.sremcp.mcp.spi.Tool;
import java.util.List;
import java.util.concurrent.CancellationException;

/** {@code tools/call}: find the tool, check the arguments against its schema, run it. */
final class ToolMethods {

  /** A call with thousands of bad values gets the first few problems, not a megabyte of them. */
  private static final int MAX_PROBLEMS = 20;

  private final Catalog catalog;
  private final InputFlow inputFlow;
  private final ToolAccess access;

  ToolMethods(Catalog catalog, InputFlow inputFlow, ToolAccess access) {
    this.catalog = catalog;
    this.inputFlow = inputFlow;
    this.access = access;
  }

  ObjectNode call(ObjectNode params, CallScope scope) {
    String name = McpServer.requiredText(params, "name");
    Tool tool =
        catalog
            .tool(name)
            .orElseThrow(
                () ->
                    McpException.invalidParams(
                        "Unknown tool: "
                            + name
                            + ". Call tools/list for the tools this server offers."));
    access.check(name, scope.attributes());
    JsonNode given = params.get("arguments");
    if (given != null && !given.isNull() && !given.isObject()) {
      throw McpException.invalidParams("params.arguments must be an object");
    }
    ObjectNode arguments = given instanceof ObjectNode object ? object : Json.object();
    List<String> problems = catalog.validator(name).problems(arguments);
    if (problems.size() > MAX_PROBLEMS) {
      int more = problems.size() - MAX_PROBLEMS;
      problems = new java.util.ArrayList<>(problems.subList(0, MAX_PROBLEMS));
      problems.add("and " + more + " more");
    }
    if (!problems.isEmpty()) {
      return CallToolResult.error(
              "Invalid arguments for "
                  + name
                  + ": "
                  + String.join("; ", problems)
                  + ". The tool's inputSchema in tools/list says what it takes.")
          .toJson();
    }
    String owner = InputFlow.owner("tools/call", name, scope, arguments);
    HandlerContext first = inputFlow.firstRound(params, scope, owner);
    try {
      return switch (inputFlow.run(
          first,
          scope,
          owner,
          context -> tool.handler().call(arguments, context),
          CallToolResult.class)) {
        case InputFlow.Resolved.Complete<CallToolResult> complete -> complete.value().toJson();
        case InputFlow.Resolved.Pending<CallToolResult> pending ->
            pending.result().put("resultType", "input_required");
      };
    } catch (McpException | CancellationException e) {
      throw e;
    } catch (RuntimeException e) {
      String reference = Failures.logged("tool " + name, e);
      return CallToolResult.error(
              name + " failed on our side; the error is logged under reference " + reference + ".")
          .toJson();
    }
  }
}
