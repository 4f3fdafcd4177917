package dev.sremcp.ports.in;

import dev.sremcp.domain.account.Caller;
import dev.sremcp.domain.tool.AnalysisContext;
import java.util.Map;
import java.util.Objects;

/**
 * One call of a tool.
 *
 * @param arguments the arguments as plain JSON-shaped values (maps, lists, strings, numbers,
 *     booleans); a host may pass a long text as a {@link dev.sremcp.domain.tool.TextSource} that
 *     the analyzer streams (the command line does, for files)
 * @param context cancellation and progress for this call
 * @param metering who pays for the call, or {@code null} when nobody does (the library, the command
 *     line)
 */
public record ToolCall(
    String tool, Map<String, Object> arguments, AnalysisContext context, Metering metering) {

  public ToolCall {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(arguments, "arguments");
    Objects.requireNonNull(context, "context");
  }

  /** An unmetered call. */
  public ToolCall(String tool, Map<String, Object> arguments, AnalysisContext context) {
    this(tool, arguments, context, null);
  }

  /**
   * The paying side of a call.
   *
   * @param requestId the idempotency key: a retry with the same id is not counted again
   * @param inputBytes the size of the arguments as sent, in bytes
   * @param inputSha256 hex SHA-256 of the arguments as sent, for the audit trail
   */
  public record Metering(Caller caller, String requestId, long inputBytes, String inputSha256) {
    public Metering {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(requestId, "requestId");
      Objects.requireNonNull(inputSha256, "inputSha256");
      if (requestId.isBlank() || requestId.length() > 200) {
        throw new IllegalArgumentException("a request id has 1 to 200 characters");
      }
    }
  }
}
