package dev.sremcp.testkit.host;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP request to a host under test. */
public record HostRequest(String method, String path, Map<String, String> headers, String body) {

  public HostRequest {
    headers = Map.copyOf(headers);
  }

  /** A POST to {@code /mcp} of a JSON body, with the headers every MCP client sends. */
  public static HostRequest mcp(String body, Map<String, String> extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Accept", "application/json, text/event-stream");
    headers.putAll(extraHeaders);
    return new HostRequest("POST", "/mcp", headers, body);
  }

  /** This request with one more header. */
  public HostRequest with(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new HostRequest(method, path, more, body);
  }
}
