package dev.sremcp.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A request that must be answered with a JSON-RPC error: thrown by method handlers, turned into an
 * error response in one place. {@code httpStatus} is the status the Streamable HTTP binding answers
 * with; other transports ignore it.
 */
public final class McpException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient JsonRpcError error;
  private final int httpStatus;
  private final transient Map<String, String> headers;

  public McpException(JsonRpcError error, int httpStatus) {
    this(error, httpStatus, Map.of());
  }

  /** An error answered with HTTP headers too ({@code WWW-Authenticate}, {@code Retry-After}). */
  public McpException(JsonRpcError error, int httpStatus, Map<String, String> headers) {
    super(error.message(), null, false, false);
    this.error = error;
    this.httpStatus = httpStatus;
    this.headers = Map.copyOf(headers);
  }

  /** Invalid params (-32602); answered with HTTP 200, as a well-formed request was understood. */
  public static McpException invalidParams(String message) {
    return new McpException(JsonRpcError.of(ErrorCode.INVALID_PARAMS, message), 200);
  }

  /** Invalid params (-32602) with HTTP 400, for envelope errors of the 2026-07-28 revision. */
  public static McpException badEnvelope(String message) {
    return new McpException(JsonRpcError.of(ErrorCode.INVALID_PARAMS, message), 400);
  }

  public static McpException of(int code, String message, JsonNode data, int httpStatus) {
    return new McpException(new JsonRpcError(code, message, data), httpStatus);
  }

  public JsonRpcError error() {
    return error;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
