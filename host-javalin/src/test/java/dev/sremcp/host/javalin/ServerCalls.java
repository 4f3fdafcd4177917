package dev.sremcp.host.javalin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.testkit.host.HostRequest;
import dev.sremcp.testkit.host.HostResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/** MCP and REST requests to a server under test, with or without a bearer credential. */
final class ServerCalls {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final IntSupplier port;

  ServerCalls(IntSupplier port) {
    this.port = port;
  }

  HttpRequest.Builder mcpRequest(String key, String method, String params) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri("/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("MCP-Protocol-Version", "2025-11-25")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
                        + method
                        + "\",\"params\":"
                        + params
                        + "}"));
    if (key != null) {
      builder.header("Authorization", "Bearer " + key);
    }
    return builder;
  }

  HttpResponse<String> mcp(String key, String method, String params) throws Exception {
    return send(mcpRequest(key, method, params), null);
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET(), token);
  }

  HttpResponse<String> delete(String path, String token) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).DELETE(), token);
  }

  HttpResponse<String> post(String path, String token, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        token);
  }

  HttpResponse<String> send(HttpRequest.Builder builder, String token)
      throws IOException, InterruptedException {
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends a host-contract request as it is, headers and all. */
  HostResponse send(HostRequest request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri(request.path()))
            .timeout(Duration.ofSeconds(30))
            .method(
                request.method(),
                request.body().isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(request.body()));
    request.headers().forEach(builder::header);
    try {
      HttpResponse<String> response = send(builder, null);
      Map<String, String> headers = new LinkedHashMap<>();
      response
          .headers()
          .map()
          .forEach((name, values) -> headers.put(name, String.join(", ", values)));
      return new HostResponse(response.statusCode(), headers, response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(String body) throws Exception {
    return Json.MAPPER.readTree(body);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port.getAsInt() + path);
  }
}
