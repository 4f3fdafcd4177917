package dev.sremcp.host.lambda;

import dev.sremcp.mcp.http.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A proxy event as the MCP endpoint sees it: a buffered exchange that cannot stream. */
final class LambdaExchange implements HttpExchange {

  private final ProxyEvent event;
  private int status = 500;
  private Map<String, String> headers = Map.of();
  private byte[] body = new byte[0];

  LambdaExchange(ProxyEvent event) {
    this.event = event;
  }

  @Override
  public String method() {
    return event.method();
  }

  @Override
  public Optional<String> header(String name) {
    return event.header(name);
  }

  @Override
  public InputStream body() {
    return new ByteArrayInputStream(event.body());
  }

  @Override
  public boolean canStream() {
    return false;
  }

  @Override
  public void respond(int status, Map<String, String> headers, byte[] body) {
    this.status = status;
    this.headers = new LinkedHashMap<>(headers);
    this.body = body;
  }

  @Override
  public OutputStream stream(int status, Map<String, String> headers) {
    throw new UnsupportedOperationException("the Lambda host buffers its responses");
  }

  int status() {
    return status;
  }

  Map<String, String> headers() {
    return headers;
  }

  byte[] responseBody() {
    return body;
  }
}
