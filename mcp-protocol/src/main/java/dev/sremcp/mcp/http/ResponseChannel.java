package dev.sremcp.mcp.http;

import dev.sremcp.mcp.engine.Cancellation;
import dev.sremcp.mcp.engine.Reply;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.jsonrpc.JsonRpcCodec;
import dev.sremcp.mcp.jsonrpc.JsonRpcMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The response to one POST. It stays plain JSON unless a message must reach the client before the
 * final response (progress, a log line, a legacy sampling request): the first such message turns it
 * into a Server-Sent Events stream, which the final response then ends.
 */
final class ResponseChannel {

  private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

  private final HttpExchange exchange;
  private final boolean streamable;
  private final Map<String, String> baseHeaders;
  private final ScheduledExecutorService scheduler;
  private final long keepAliveMillis;
  private final Cancellation cancellation;
  private final ReentrantLock lock = new ReentrantLock();
  private OutputStream stream;
  private ScheduledFuture<?> keepAlive;
  private boolean broken;

  ResponseChannel(
      HttpExchange exchange,
      boolean streamable,
      Map<String, String> baseHeaders,
      ScheduledExecutorService scheduler,
      long keepAliveMillis,
      Cancellation cancellation) {
    this.exchange = exchange;
    this.streamable = streamable;
    this.baseHeaders = baseHeaders;
    this.scheduler = scheduler;
    this.keepAliveMillis = keepAliveMillis;
    this.cancellation = cancellation;
  }

  /** Whether messages can reach the client before the final response. */
  boolean streamable() {
    return streamable;
  }

  /** Sends a message ahead of the response; false once the client has gone away. */
  boolean send(JsonRpcMessage message) {
    if (!streamable) {
      return true;
    }
    lock.lock();
    try {
      if (broken) {
        return false;
      }
      if (stream == null) {
        open();
      }
      writeEvent(message);
      return true;
    } catch (IOException e) {
      lostClient();
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** Ends the exchange with the final response. */
  void finish(Reply reply) {
    lock.lock();
    try {
      if (keepAlive != null) {
        keepAlive.cancel(false);
      }
      if (stream == null) {
        respond(reply);
        return;
      }
      if (!broken && !reply.isNone()) {
        writeEvent(reply.message());
      }
      stream.close();
    } catch (IOException e) {
      lostClient();
    } finally {
      lock.unlock();
    }
  }

  /** The client closed the stream: in MCP that cancels the request. */
  private void lostClient() {
    broken = true;
    cancellation.cancel();
  }

  private void respond(Reply reply) {
    if (reply.isNone()) {
      exchange.respond(204, baseHeaders, new byte[0]);
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>(baseHeaders);
    headers.put("Content-Type", "application/json");
    exchange.respond(reply.httpStatus(), headers, Json.bytes(JsonRpcCodec.encode(reply.message())));
  }

  private void open() throws IOException {
    Map<String, String> headers = new LinkedHashMap<>(baseHeaders);
    headers.put("Content-Type", "text/event-stream");
    headers.put("Cache-Control", "no-cache");
    headers.put("X-Accel-Buffering", "no");
    stream = exchange.stream(200, headers);
    keepAlive =
        scheduler.scheduleAtFixedRate(
            this::keepAlive, keepAliveMillis, keepAliveMillis, TimeUnit.MILLISECONDS);
  }

  private void keepAlive() {
    if (!lock.tryLock()) {
      return;
    }
    try {
      if (!broken && stream != null) {
        stream.write(KEEP_ALIVE);
        stream.flush();
      }
    } catch (IOException e) {
      lostClient();
    } finally {
      lock.unlock();
    }
  }

  private void writeEvent(JsonRpcMessage message) throws IOException {
    byte[] json = Json.bytes(JsonRpcCodec.encode(message));
    stream.write("event: message\ndata: ".getBytes(StandardCharsets.US_ASCII));
    stream.write(json);
    stream.write("\n\n".getBytes(StandardCharsets.US_ASCII));
    stream.flush();
  }
}
