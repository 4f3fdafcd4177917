package dev.sremcp.mcp.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sremcp.mcp.engine.CallScope;
import dev.sremcp.mcp.engine.Cancellation;
import dev.sremcp.mcp.engine.LogLevel;
import dev.sremcp.mcp.engine.McpServer;
import dev.sremcp.mcp.engine.Outbound;
import dev.sremcp.mcp.engine.ProtocolVersion;
import dev.sremcp.mcp.engine.Reply;
import dev.sremcp.mcp.jsonrpc.Incoming;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.jsonrpc.JsonRpcCodec;
import dev.sremcp.mcp.jsonrpc.JsonRpcMessage;

/**
 * A JSON-RPC batch of protocol version 2025-03-26, answered in order as one array, without
 * streaming. Notifications and answers in it get nothing back.
 */
final class Batches {

  private Batches() {}

  static ArrayNode answer(
      McpServer server, Incoming.Batch batch, String principal, LogLevel logLevel) {
    ArrayNode replies = Json.MAPPER.createArrayNode();
    for (Incoming item : batch.items()) {
      switch (item) {
        case Incoming.Invalid invalid -> replies.add(JsonRpcCodec.encode(invalid.response()));
        case Incoming.Single single -> {
          switch (single.message()) {
            case JsonRpcMessage.Request request -> {
              CallScope scope =
                  new CallScope(
                      ProtocolVersion.V2025_03_26,
                      null,
                      logLevel,
                      Outbound.NONE,
                      new Cancellation(),
                      principal);
              Reply reply = server.handle(request, scope);
              if (!reply.isNone()) {
                replies.add(JsonRpcCodec.encode(reply.message()));
              }
            }
            case JsonRpcMessage.Notification notification -> server.accept(notification, principal);
            case JsonRpcMessage.Result result -> server.acceptAnswer(result);
            case JsonRpcMessage.Error error -> server.acceptAnswer(error);
          }
        }
        case Incoming.Batch nested ->
            throw new IllegalStateException(
                "the codec reads batch items one by one; it never nests");
      }
    }
    return replies;
  }
}
