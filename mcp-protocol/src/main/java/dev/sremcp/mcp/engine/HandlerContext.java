package dev.sremcp.mcp.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.ErrorCode;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.jsonrpc.McpException;
import dev.sremcp.mcp.spi.InputResponses;
import dev.sremcp.mcp.spi.RequestContext;
import java.util.Optional;
import java.util.function.BiFunction;

/** The {@link RequestContext} of one round of one request. */
final class HandlerContext implements RequestContext {

  private final CallScope scope;
  private final JsonNode progressToken;
  private final ObjectNode inputResponses;
  private final String requestState;
  private double lastProgress = Double.NEGATIVE_INFINITY;

  HandlerContext(
      CallScope scope, JsonNode progressToken, ObjectNode inputResponses, String requestState) {
    this.scope = scope;
    this.progressToken = progressToken;
    this.inputResponses = inputResponses;
    this.requestState = requestState;
  }

  HandlerContext nextRound(ObjectNode answers, String state) {
    return new HandlerContext(scope, progressToken, answers, state);
  }

  @Override
  public ProtocolVersion protocolVersion() {
    return scope.version();
  }

  @Override
  public Attributes attributes() {
    return scope.attributes();
  }

  @Override
  public void responseHeader(String name, String value) {
    scope.responseHeaders().put(name, value);
  }

  @Override
  public ObjectNode clientCapabilities() {
    return scope.envelope() == null ? null : scope.envelope().clientCapabilities();
  }

  @Override
  public boolean hasClientCapability(String name) {
    return scope.envelope() == null || scope.envelope().clientCapabilities().has(name);
  }

  @Override
  public void requireClientCapability(String name) {
    if (!hasClientCapability(name)) {
      throw missingCapability(name);
    }
  }

  static McpException missingCapability(String name) {
    ObjectNode data = Json.object();
    data.putObject("requiredCapabilities").putObject(name);
    return McpException.of(
        ErrorCode.MISSING_REQUIRED_CLIENT_CAPABILITY,
        "This request needs the client capability '"
            + name
            + "', which the request's clientCapabilities do not declare",
        data,
        400);
  }

  @Override
  public void progress(double progress, Double total, String message) {
    if (progressToken == null || progress <= lastProgress) {
      return;
    }
    lastProgress = progress;
    ObjectNode params = Json.object();
    params.set("progressToken", progressToken);
    params.put("progress", progress);
    if (total != null) {
      params.put("total", total);
    }
    if (message != null) {
      params.put("message", message);
    }
    scope.outbound().notify("notifications/progress", params);
  }

  @Override
  public void log(LogLevel level, String logger, JsonNode data) {
    LogLevel threshold = scope.logThreshold();
    if (threshold == null || !level.atLeast(threshold)) {
      return;
    }
    ObjectNode params = Json.object().put("level", level.id());
    if (logger != null) {
      params.put("logger", logger);
    }
    params.set("data", data);
    scope.outbound().notify("notifications/message", params);
  }

  @Override
  public boolean isCancelled() {
    return scope.cancellation().isCancelled();
  }

  @Override
  public ObjectNode inputResponses() {
    return inputResponses;
  }

  @Override
  public Optional<String> requestState() {
    return Optional.ofNullable(requestState);
  }

  @Override
  public Optional<InputResponses.Elicitation> elicitation(String key) {
    return read(key, InputResponses::elicitation);
  }

  @Override
  public Optional<InputResponses.Sampling> sampling(String key) {
    return read(key, InputResponses::sampling);
  }

  @Override
  public Optional<InputResponses.Roots> roots(String key) {
    return read(key, InputResponses::roots);
  }

  private <T> Optional<T> read(String key, BiFunction<String, JsonNode, T> reader) {
    JsonNode value = inputResponses.get(key);
    return value == null ? Optional.empty() : Optional.of(reader.apply(key, value));
  }
}
