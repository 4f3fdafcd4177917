package dev.sremcp.mcp.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.JsonRpcMessage;
import java.time.Duration;

/**
 * The {@link Outbound} of a transport that writes messages to a stream the client reads while its
 * request runs (an SSE response, stdout). Answers to the server's requests come back through {@link
 * McpServer#acceptAnswer}.
 */
public final class StreamOutbound implements Outbound {

  /** Where messages go; {@code send} returns false once the client can no longer be reached. */
  @FunctionalInterface
  public interface Sink {
    boolean send(JsonRpcMessage message);
  }

  private final PendingRequests pending;
  private final Cancellation cancellation;
  private final Sink sink;
  private final boolean requestsAllowed;

  /**
   * @param requestsAllowed false in the 2026-07-28 era, which forbids server-to-client requests
   */
  public StreamOutbound(
      McpServer server, Cancellation cancellation, Sink sink, boolean requestsAllowed) {
    this.pending = server.pendingRequests();
    this.cancellation = cancellation;
    this.sink = sink;
    this.requestsAllowed = requestsAllowed;
  }

  @Override
  public void notify(String method, ObjectNode params) {
    if (!sink.send(new JsonRpcMessage.Notification(method, params))) {
      cancellation.cancel();
    }
  }

  @Override
  public boolean canRequest() {
    return requestsAllowed;
  }

  @Override
  public JsonNode request(String method, ObjectNode params, Duration timeout) {
    if (!requestsAllowed) {
      throw new IllegalStateException("requests to the client are not allowed here");
    }
    JsonNode id = pending.open();
    if (!sink.send(new JsonRpcMessage.Request(id, method, params))) {
      cancellation.cancel();
    }
    return pending.await(id, timeout, cancellation);
  }
}
