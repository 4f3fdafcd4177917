package dev.sremcp.mcp.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sremcp.mcp.jsonrpc.ErrorCode;
import dev.sremcp.mcp.jsonrpc.JsonRpcMessage;
import dev.sremcp.mcp.jsonrpc.McpException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Requests this server sent to clients (legacy sampling and elicitation) that wait for an answer.
 * Answers arrive as separate messages, on HTTP as separate POSTs without a session, so ids are
 * random and unique across every client of this process.
 */
final class PendingRequests {

  private static final long POLL_MILLIS = 200;

  private final Map<String, CompletableFuture<JsonRpcMessage>> waiting = new ConcurrentHashMap<>();

  /** A fresh id, registered as waiting. */
  JsonNode open() {
    String id = "sremcp-" + UUID.randomUUID();
    waiting.put(id, new CompletableFuture<>());
    return TextNode.valueOf(id);
  }

  /** Waits for the answer to {@code id}: its result, or an exception naming what went wrong. */
  JsonNode await(JsonNode id, Duration timeout, Cancellation cancellation) {
    CompletableFuture<JsonRpcMessage> answer = waiting.get(id.asText());
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        cancellation.check();
        try {
          JsonRpcMessage message = answer.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
          if (message instanceof JsonRpcMessage.Result result) {
            return result.result();
          }
          JsonRpcMessage.Error error = (JsonRpcMessage.Error) message;
          throw McpException.of(
              ErrorCode.INVALID_PARAMS,
              "the client answered the server's request with error "
                  + error.error().code()
                  + ": "
                  + error.error().message(),
              null,
              200);
        } catch (TimeoutException e) {
          if (System.nanoTime() > deadline) {
            throw McpException.of(
                ErrorCode.INTERNAL_ERROR,
                "the client did not answer the server's request within "
                    + timeout.toSeconds()
                    + "s",
                null,
                200);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.util.concurrent.CancellationException(
          "interrupted while waiting for the client");
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    } finally {
      waiting.remove(id.asText());
    }
  }

  /** Hands an answer to whoever waits for it; false when nobody does. */
  boolean complete(JsonRpcMessage answer) {
    JsonNode id =
        switch (answer) {
          case JsonRpcMessage.Result result -> result.id();
          case JsonRpcMessage.Error error -> error.id();
          default -> null;
        };
    CompletableFuture<JsonRpcMessage> future = id == null ? null : waiting.get(id.asText());
    return future != null && future.complete(answer);
  }
}
