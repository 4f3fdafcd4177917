package dev.sremcp.mcp.tools;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.domain.account.Caller;
import dev.sremcp.domain.report.ReportText;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.ToolDescriptor;
import dev.sremcp.mcp.engine.Canonical;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.jsonrpc.McpException;
import dev.sremcp.mcp.spi.CallToolResult;
import dev.sremcp.mcp.spi.Content;
import dev.sremcp.mcp.spi.IdempotencyKey;
import dev.sremcp.mcp.spi.RequestContext;
import dev.sremcp.mcp.spi.Tool;
import dev.sremcp.ports.in.ListToolsUseCase;
import dev.sremcp.ports.in.RunToolUseCase;
import dev.sremcp.ports.in.ToolCall;
import dev.sremcp.ports.in.ToolOutcome;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Offers the tools of the {@code ports} use cases over MCP. */
public final class AnalyzerTools {

  private static final TypeReference<Map<String, Object>> ARGUMENTS = new TypeReference<>() {};

  private AnalyzerTools() {}

  public static List<Tool> of(ListToolsUseCase catalog, RunToolUseCase runner) {
    return catalog.listTools().stream().map(descriptor -> tool(descriptor, runner)).toList();
  }

  private static Tool tool(ToolDescriptor descriptor, RunToolUseCase runner) {
    ObjectNode annotations =
        Json.object()
            .put("title", descriptor.title())
            .put("readOnlyHint", true)
            .put("destructiveHint", false)
            .put("idempotentHint", true)
            .put("openWorldHint", false);
    return new Tool(
        descriptor.name(),
        descriptor.title(),
        descriptor.description(),
        ToolSchemas.input(descriptor),
        ToolSchemas.output(descriptor),
        annotations,
        (arguments, context) -> call(descriptor.name(), arguments, context, runner));
  }

  private static CallToolResult call(
      String name, ObjectNode arguments, RequestContext context, RunToolUseCase runner) {
    Map<String, Object> values = Json.MAPPER.convertValue(arguments, ARGUMENTS);
    ToolOutcome outcome =
        runner.run(
            new ToolCall(name, values, analysisContext(context), metering(arguments, context)));
    return switch (outcome) {
      case ToolOutcome.Completed completed -> {
        Long remainingHour = completed.report().usage().remainingHour();
        if (remainingHour != null) {
          context.responseHeader("RateLimit", "\"hourly\";r=" + remainingHour);
        }
        yield new CallToolResult(
            List.of(Content.text(ReportText.render(completed.report()))),
            ReportJson.of(completed.report()),
            false);
      }
      case ToolOutcome.Rejected rejected -> CallToolResult.error(rejected.reason());
      case ToolOutcome.Failed failed -> CallToolResult.error(failed.reason());
      case ToolOutcome.Refused refused -> Refusals.answer(refused.refusal(), context);
      case ToolOutcome.UnknownTool unknown ->
          throw McpException.invalidParams("Unknown tool: " + unknown.tool());
    };
  }

  /**
   * Who pays for the call: the authenticated caller, with the call's idempotency key (the client's
   * {@code Idempotency-Key}, else a fresh one) and the size and hash of its arguments. None for a
   * request without a caller.
   */
  private static ToolCall.Metering metering(ObjectNode arguments, RequestContext context) {
    if (context == null) { // a handler called directly, outside any request
      return null;
    }
    return context
        .attributes()
        .get(Caller.class)
        .map(
            caller -> {
              byte[] bytes = Json.bytes(arguments);
              String requestId =
                  context
                      .attributes()
                      .get(IdempotencyKey.class)
                      .map(IdempotencyKey::value)
                      .orElseGet(() -> UUID.randomUUID().toString());
              return new ToolCall.Metering(
                  caller, requestId, bytes.length, Canonical.sha256(bytes));
            })
        .orElse(null);
  }

  private static AnalysisContext analysisContext(RequestContext context) {
    if (context == null) {
      return AnalysisContext.detached();
    }
    return new AnalysisContext() {
      @Override
      public boolean isCancelled() {
        return context.isCancelled();
      }

      @Override
      public void progress(double done, double total, String message) {
        context.progress(done, total > 0 ? total : null, message);
      }
    };
  }
}
