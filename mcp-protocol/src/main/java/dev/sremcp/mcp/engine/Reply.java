package dev.sremcp.mcp.engine;

import dev.sremcp.mcp.jsonrpc.JsonRpcMessage;

/**
 * The response to one request, and the HTTP status the Streamable HTTP binding sends it with.
 *
 * @param message {@code null} when there is nothing to send: the client cancelled the request
 */
public record Reply(JsonRpcMessage message, int httpStatus) {

  /** The client cancelled; no response is sent. */
  public static final Reply NONE = new Reply(null, 204);

  public boolean isNone() {
    return message == null;
  }
}
