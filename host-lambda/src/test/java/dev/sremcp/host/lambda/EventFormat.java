package dev.sremcp.host.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.testkit.host.HostRequest;
import dev.sremcp.testkit.host.HostResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The three ways an HTTP request reaches the handler, built from documented sample events: an HTTP
 * API (payload 2.0, lower-case headers), a REST API (payload 1.0, with multi-value headers and a
 * stage in the request context) and a Function URL (2.0, body base64-encoded).
 */
enum EventFormat {
  HTTP_API_V2("http-api-v2.json"),
  REST_API_V1("rest-api-v1.json"),
  FUNCTION_URL("function-url.json");

  private final ObjectNode template;

  EventFormat(String file) {
    try (InputStream in = EventFormat.class.getResourceAsStream("/events/" + file)) {
      this.template = (ObjectNode) Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The event for a request. */
  ObjectNode event(HostRequest request) {
    ObjectNode event = template.deepCopy();
    boolean version2 = this != REST_API_V1;
    ObjectNode headers = (ObjectNode) event.get("headers");
    request
        .headers()
        .forEach(
            (name, value) -> headers.put(version2 ? name.toLowerCase(Locale.ROOT) : name, value));
    if (version2) {
      event.put("rawPath", request.path());
      ((ObjectNode) event.path("requestContext").path("http"))
          .put("method", request.method())
          .put("path", request.path());
    } else {
      event
          .put("path", request.path())
          .put("resource", request.path())
          .put("httpMethod", request.method());
      ObjectNode multi = (ObjectNode) event.get("multiValueHeaders");
      request.headers().forEach((name, value) -> multi.putArray(name).add(value));
      ((ObjectNode) event.get("requestContext")).put("path", "/prod" + request.path());
    }
    if (request.body().isEmpty()) {
      event.putNull("body");
    } else if (event.path("isBase64Encoded").asBoolean()) {
      event.put(
          "body",
          Base64.getEncoder().encodeToString(request.body().getBytes(StandardCharsets.UTF_8)));
    } else {
      event.put("body", request.body());
    }
    return event;
  }

  /** Sends a request through the handler as this kind of event, and reads the response. */
  HostResponse invoke(McpLambdaHandler handler, HostRequest request) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(Json.bytes(event(request))), out, null);
      JsonNode response = Json.MAPPER.readTree(out.toByteArray());
      Map<String, String> headers = new LinkedHashMap<>();
      response
          .path("headers")
          .properties()
          .forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
      String body = response.path("body").asText("");
      if (response.path("isBase64Encoded").asBoolean(false)) {
        body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
      }
      return new HostResponse(response.path("statusCode").asInt(), headers, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
