package dev.sremcp.host.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as API Gateway or a Function URL delivers it to Lambda, in either payload format,
 * and the response in the same format.
 *
 * @param version2 payload format 2.0 (HTTP APIs and Function URLs); otherwise 1.0 (REST APIs)
 * @param headers request headers by case-insensitive name
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
    if (!version2) {
      event
          .path("multiValueHeaders")
          .properties()
          .forEach(
              header -> {
                StringBuilder joined = new StringBuilder();
                header
                    .getValue()
                    .forEach(
                        value ->
                            joined.append(joined.isEmpty() ? "" : ", ").append(value.asText()));
                headers.putIfAbsent(header.getKey(), joined.toString());
              });
    }
    JsonNode body = event.get("body");
    byte[] bytes =
        body == null || body.isNull()
            ? new byte[0]
            : event.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(body.asText())
                : body.asText().getBytes(StandardCharsets.UTF_8);
    return new ProxyEvent(
        version2, method.toUpperCase(java.util.Locale.ROOT), path, headers, bytes);
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** The response in this event's payload format; bodies here are always UTF-8 text. */
  ObjectNode response(int status, Map<String, String> responseHeaders, byte[] body) {
    ObjectNode response = Json.object().put("statusCode", status);
    ObjectNode headerNode = response.putObject("headers");
    responseHeaders.forEach(headerNode::put);
    response.put("body", new String(body, StandardCharsets.UTF_8));
    response.put("isBase64Encoded", false);
    return response;
  }
}
