package dev.sremcp.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** One JSON-RPC 2.0 message, as MCP uses them: params are always an object. */
public sealed interface JsonRpcMessage {

  /**
   * A call that expects a response.
   *
   * @param id a string or an integer, never null
   * @param params the params object; empty when the request had none
   */
  record Request(JsonNode id, String method, ObjectNode params) implements JsonRpcMessage {
    public Request {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(params, "params");
    }
  }

  /** A message that expects no response. */
  record Notification(String method, ObjectNode params) implements JsonRpcMessage {
    public Notification {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(params, "params");
    }
  }

  /** A successful response. */
  record Result(JsonNode id, JsonNode result) implements JsonRpcMessage {
    public Result {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(result, "result");
    }
  }

  /**
   * An error response.
   *
   * @param id the request's id, or {@code null} when it could not be read
   */
  record Error(JsonNode id, JsonRpcError error) implements JsonRpcMessage {
    public Error {
      Objects.requireNonNull(error, "error");
    }
  }
}
