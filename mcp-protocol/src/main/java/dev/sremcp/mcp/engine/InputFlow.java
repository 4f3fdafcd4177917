package dev.sremcp.mcp.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.ErrorCode;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.jsonrpc.McpException;
import dev.sremcp.mcp.spi.InputRequest;
import dev.sremcp.mcp.spi.InputRequired;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a handler that may need input from the client. In the 2026-07-28 era the need goes back to
 * the client as an {@code input_required} result with a sealed {@code requestState}, and the client
 * retries (MRTR); in the legacy era the engine sends the requests on the response stream, waits for
 * the answers and runs the handler again.
 */
final class InputFlow {

  private static final int MAX_ROUNDS = 10;

  private final StateSealer sealer;
  private final Duration clientTimeout;

  InputFlow(StateSealer sealer, Duration clientTimeout) {
    this.sealer = sealer;
    this.clientTimeout = clientTimeout;
  }

  /** What a handler round ended with. */
  sealed interface Resolved<T> {
    record Complete<T>(T value) implements Resolved<T> {}

    /** A 2026-07-28 {@code input_required} result, ready to send. */
    record Pending<T>(ObjectNode result) implements Resolved<T> {}
  }

  /**
   * What a request's state belongs to: the method and name, who called, and with which arguments,
   * so state cannot be replayed by another caller or with other arguments.
   */
  static String owner(String method, String name, CallScope scope, JsonNode arguments) {
    String caller = scope.principal() == null ? "anonymous" : scope.principal();
    return method + " " + name + " " + Canonical.sha256(caller + "\n" + Canonical.json(arguments));
  }

  /** The context of the first round: the answers and state a retry carries, checked. */
  HandlerContext firstRound(ObjectNode params, CallScope scope, String owner) {
    ObjectNode answers = Json.object();
    JsonNode given = params.get("inputResponses");
    if (given != null) {
      if (!(given instanceof ObjectNode object)) {
        throw McpException.invalidParams(
            "inputResponses must be an object of answers keyed as the inputRequests were");
      }
      answers = object;
    }
    String state = null;
    JsonNode sealed = params.get("requestState");
    if (sealed != null && !sealed.isNull()) {
      if (!sealed.isTextual()) {
        throw McpException.invalidParams("requestState must be the string the server returned");
      }
      state =
          sealer
              .open(owner, sealed.textValue())
              .orElseThrow(
                  () ->
                      McpException.invalidParams(
                          "requestState integrity check failed: it was altered, has expired, or"
                              + " belongs to another request; start again without it"));
    }
    return new HandlerContext(scope, Envelope.progressToken(params), answers, state);
  }

  <T> Resolved<T> run(
      HandlerContext first,
      CallScope scope,
      String owner,
      Function<HandlerContext, Object> handler,
      Class<T> completeType) {
    HandlerContext context = first;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      scope.cancellation().check();
      Object outcome = handler.apply(context);
      if (!(outcome instanceof InputRequired need)) {
        return new Resolved.Complete<>(completeType.cast(outcome));
      }
      if (scope.version().isModern()) {
        return new Resolved.Pending<>(inputRequiredResult(need, context, owner));
      }
      if (!scope.outbound().canRequest()) {
        throw McpException.of(
            ErrorCode.INTERNAL_ERROR,
            owner
                + " needs input from the client, and this connection cannot carry requests to the"
                + " client: accept text/event-stream, or use protocol version 2026-07-28",
            null,
            200);
      }
      ObjectNode answers = Json.object();
      for (Map.Entry<String, InputRequest> entry : need.requests().entrySet()) {
        InputRequest request = entry.getValue();
        answers.set(
            entry.getKey(),
            scope.outbound().request(request.method(), request.params(), clientTimeout));
      }
      context = context.nextRound(answers, need.state());
    }
    throw McpException.of(
        ErrorCode.INTERNAL_ERROR,
        owner + " asked for input more than " + MAX_ROUNDS + " times",
        null,
        500);
  }

  private ObjectNode inputRequiredResult(InputRequired need, HandlerContext context, String owner) {
    ObjectNode result = Json.object();
    ObjectNode requests = result.putObject("inputRequests");
    for (Map.Entry<String, InputRequest> entry : need.requests().entrySet()) {
      if (!context.hasClientCapability(entry.getValue().capability())) {
        throw HandlerContext.missingCapability(entry.getValue().capability());
      }
      requests.set(entry.getKey(), entry.getValue().toJson());
    }
    if (need.state() != null) {
      result.put("requestState", sealer.seal(owner, need.state()));
    }
    return result;
  }
}
