package dev.sremcp.host.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sremcp.application.ToolService;
import dev.sremcp.domain.BuiltInAnalyzers;
import dev.sremcp.mcp.engine.McpServer;
import dev.sremcp.mcp.http.HttpSettings;
import dev.sremcp.mcp.http.ProtectedResourceMetadata;
import dev.sremcp.mcp.http.StreamableHttpEndpoint;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.tools.SreMcpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The Lambda entry point: {@code dev.sremcp.host.lambda.McpLambdaHandler::handleRequest}. MCP at
 * any path ending in {@code /mcp} (stage prefixes included), the protected-resource metadata at its
 * well-known paths, liveness at {@code /healthz}.
 *
 * <p>The no-argument constructor runs in the init phase: it reads the environment and serves the
 * metered application ({@link LambdaApplication}), where every request needs an API key or access
 * token and every call is admitted and charged as on {@code serve}. The public two-argument
 * constructor serves a given engine without accounts, for a program that embeds the handler behind
 * its own authentication (a Function URL with {@code AWS_IAM}, say).
 */
public final class McpLambdaHandler implements RequestStreamHandler {

  private static final byte[] HEALTHY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NOT_FOUND =
      "{\"error\":\"Not Found\",\"message\":\"sre-mcp serves MCP at /mcp and liveness at /healthz\"}"
          .getBytes(StandardCharsets.UTF_8);

  private static final byte[] UNREADABLE =
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error: the body is marked base64 and is not\"}}"
          .getBytes(StandardCharsets.UTF_8);

  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  private final StreamableHttpEndpoint endpoint;
  private final Optional<String> publicUrl;
  private final Runnable afterEach;

  public McpLambdaHandler() {
    this(LambdaApplication.start(System.getenv()), System.getenv());
  }

  McpLambdaHandler(LambdaApplication application, Map<String, String> environment) {
    this(
        new StreamableHttpEndpoint(
            application.server(),
            HttpSettings.fromEnvironment(environment, false),
            application.authentication()),
        Optional.of(application.publicUrl()),
        application::sweep);
  }

  /** Serves {@code server} to every request, without accounts or metering. */
  public McpLambdaHandler(McpServer server, HttpSettings settings) {
    this(new StreamableHttpEndpoint(server, settings), Optional.empty(), () -> {});
  }

  private McpLambdaHandler(
      StreamableHttpEndpoint endpoint, Optional<String> publicUrl, Runnable afterEach) {
    this.endpoint = endpoint;
    this.publicUrl = publicUrl;
    this.afterEach = afterEach;
  }

  /** The unmetered handler over sre-mcp's tools, configured from {@code environment}. */
  static McpLambdaHandler unmetered(Map<String, String> environment) {
    ToolService tools = new ToolService(BuiltInAnalyzers.all());
    return new McpLambdaHandler(
        SreMcpServer.builder(tools, tools, environment).build(),
        HttpSettings.fromEnvironment(environment, false));
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = Json.MAPPER.readTree(input);
    ProxyEvent request = ProxyEvent.parse(event);
    Optional<byte[]> metadata =
        publicUrl.flatMap(url -> ProtectedResourceMetadata.at(request.path(), url));
    JsonNode response;
    if (!request.bodyReadable()) {
      response = request.response(400, JSON, UNREADABLE);
    } else if (metadata.isPresent()) {
      response = request.response(200, ProtectedResourceMetadata.HEADERS, metadata.get());
    } else if (request.path().endsWith(ProtectedResourceMetadata.MCP_PATH)) {
      LambdaExchange exchange = new LambdaExchange(request);
      endpoint.handle(exchange);
      response = request.response(exchange.status(), exchange.headers(), exchange.responseBody());
    } else if (request.path().endsWith("/healthz")) {
      response = request.response(200, JSON, HEALTHY);
    } else {
      response = request.response(404, JSON, NOT_FOUND);
    }
    Json.MAPPER.writeValue(output, response);
    afterEach.run();
  }
}
