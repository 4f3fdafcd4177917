package dev.sremcp.mcp.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sremcp.mcp.jsonrpc.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

/** An exchange in memory; its stream can be made to fail, as when a client disconnects. */
final class FakeExchange implements HttpExchange {

  private final String method;
  private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final byte[] body;
  private final boolean streaming;
  int status;
  final Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  final ByteArrayOutputStream response = new ByteArrayOutputStream();
  volatile boolean disconnected;
  final CountDownLatch firstEvent = new CountDownLatch(1);

  FakeExchange(String method, Map<String, String> headers, String body, boolean streaming) {
    this.method = method;
    this.headers.putAll(headers);
    this.body = body.getBytes(StandardCharsets.UTF_8);
    this.streaming = streaming;
  }

  static FakeExchange post(String body, Map<String, String> extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", "localhost:8080");
    headers.put("Content-Type", "application/json");
    headers.put("Accept", "application/json, text/event-stream");
    headers.putAll(extraHeaders);
    return new FakeExchange("POST", headers, body, true);
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  @Override
  public InputStream body() {
    return new ByteArrayInputStream(body);
  }

  @Override
  public boolean canStream() {
    return streaming;
  }

  @Override
  public void respond(int status, Map<String, String> headers, byte[] body) {
    this.status = status;
    responseHeaders.putAll(headers);
    response.writeBytes(body);
  }

  @Override
  public OutputStream stream(int status, Map<String, String> headers) {
    this.status = status;
    responseHeaders.putAll(headers);
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        if (disconnected) {
          throw new IOException("client went away");
        }
        response.write(b);
      }

      @Override
      public void flush() {
        firstEvent.countDown();
      }
    };
  }

  String text() {
    return response.toString(StandardCharsets.UTF_8);
  }

  JsonNode json() {
    try {
      return Json.MAPPER.readTree(response.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
