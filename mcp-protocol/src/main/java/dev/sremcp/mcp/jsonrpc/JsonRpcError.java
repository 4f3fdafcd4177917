package dev.sremcp.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The {@code error} member of a JSON-RPC error response.
 *
 * @param data more about the error, or {@code null}
 */
public record JsonRpcError(int code, String message, JsonNode data) {

  public JsonRpcError {
    Objects.requireNonNull(message, "message");
  }

  public static JsonRpcError of(int code, String message) {
    return new JsonRpcError(code, message, null);
  }
}
