package dev.sremcp.host.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as API Gateway or a Function URL delivers it to Lambda, in either payload format,
 * and the response in the same format.
 *
 * @param version2 payload format 2.0 (HTTP APIs and Function URLs); otherwise 1.0 (REST APIs)
 * @param headers request headers by case-insensitive name
 * @param body the request body, or {@code null} when it is marked base64 and is not
 */
record ProxyEvent(
    boolean version2, String method, String path, Map<String, String> headers, byte[] body) {

  static ProxyEvent parse(JsonNode event) {
    boolean version2 = "2.0".equals(event.path("version").asText());
    String method =
        version2
            ? event.path("requestContext").path("http").path("method").asText("")
            : event.path("httpMethod").asText("");
    String path = version2 ? event.path("rawPath").asText("/") : event.path("path").asText("/");
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    event
        .path("headers")
        .properties()
        .forEach(header -> headers.put(header.getKey(), header.getValue().asText()));
    // A REST API puts only the last value of a repeated header in "headers"; all of them here.
    event
        .path("multiValueHeaders")
        .properties()
        .forEach(
            header -> {
              List<String> values = new ArrayList<>();
              header.getValue().forEach(value -> values.add(value.asText()));
              headers.put(header.getKey(), String.join(", ", values));
            });
    return new ProxyEvent(version2, method.toUpperCase(Locale.ROOT), path, headers, body(event));
  }

  private static byte[] body(JsonNode event) {
    JsonNode body = event.get("body");
    if (body == null || body.isNull()) {
      return new byte[0];
    }
    if (!event.path("isBase64Encoded").asBoolean(false)) {
      return body.asText().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Base64.getDecoder().decode(body.asText());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Whether the body could be read. */
  boolean bodyReadable() {
    return body != null;
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** The response in this event's payload format; bodies here are always UTF-8 text. */
  ObjectNode response(int status, Map<String, String> responseHeaders, byte[] responseBody) {
    ObjectNode response = Json.object().put("statusCode", status);
    ObjectNode headerNode = response.putObject("headers");
    responseHeaders.forEach(headerNode::put);
    response.put("body", new String(responseBody, StandardCharsets.UTF_8));
    response.put("isBase64Encoded", false);
    return response;
  }
}
