package dev.sremcp.host.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sremcp.application.ToolService;
import dev.sremcp.domain.BuiltInAnalyzers;
import dev.sremcp.mcp.engine.McpServer;
import dev.sremcp.mcp.http.HttpSettings;
import dev.sremcp.mcp.http.StreamableHttpEndpoint;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.tools.SreMcpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The Lambda entry point: {@code dev.sremcp.host.lambda.McpLambdaHandler::handleRequest}. MCP at
 * any path ending in {@code /mcp} (stage prefixes included), liveness at {@code /healthz}.
 *
 * <p>The no-argument constructor runs in the init phase and reads the environment; the other one
 * lets tests pass their own server and settings.
 */
public final class McpLambdaHandler implements RequestStreamHandler {

  private static final byte[] HEALTHY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NOT_FOUND =
      "{\"error\":\"Not Found\",\"message\":\"sre-mcp serves MCP at /mcp and liveness at /healthz\"}"
          .getBytes(StandardCharsets.UTF_8);

  private static final byte[] UNREADABLE =
      "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error: the body is marked base64 and is not\"}}"
          .getBytes(StandardCharsets.UTF_8);

  private final StreamableHttpEndpoint endpoint;

  public McpLambdaHandler() {
    this(System.getenv());
  }

  McpLambdaHandler(Map<String, String> environment) {
    this(standardServer(environment), HttpSettings.fromEnvironment(environment, false));
  }

  public McpLambdaHandler(McpServer server, HttpSettings settings) {
    this.endpoint = new StreamableHttpEndpoint(server, settings);
  }

  private static McpServer standardServer(Map<String, String> environment) {
    ToolService tools = new ToolService(BuiltInAnalyzers.all());
    return SreMcpServer.builder(tools, tools, environment).build();
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode event = Json.MAPPER.readTree(input);
    ProxyEvent request = ProxyEvent.parse(event);
    JsonNode response;
    if (!request.bodyReadable()) {
      response = request.response(400, Map.of("Content-Type", "application/json"), UNREADABLE);
    } else if (request.path().endsWith("/mcp")) {
      LambdaExchange exchange = new LambdaExchange(request);
      endpoint.handle(exchange);
      response = request.response(exchange.status(), exchange.headers(), exchange.responseBody());
    } else if (request.path().endsWith("/healthz")) {
      response = request.response(200, Map.of("Content-Type", "application/json"), HEALTHY);
    } else {
      response = request.response(404, Map.of("Content-Type", "application/json"), NOT_FOUND);
    }
    Json.MAPPER.writeValue(output, response);
  }
}
