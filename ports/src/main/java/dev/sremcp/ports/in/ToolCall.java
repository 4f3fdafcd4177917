package dev.sremcp.ports.in;

import dev.sremcp.domain.tool.AnalysisContext;
import java.util.Map;
import java.util.Objects;

/**
 * One call of a tool.
 *
 * @param arguments the arguments as plain JSON-shaped values (maps, lists, strings, numbers,
 *     booleans)
 * @param context cancellation and progress for this call
 */
public record ToolCall(String tool, Map<String, Object> arguments, AnalysisContext context) {

  public ToolCall {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(arguments, "arguments");
    Objects.requireNonNull(context, "context");
  }
}
