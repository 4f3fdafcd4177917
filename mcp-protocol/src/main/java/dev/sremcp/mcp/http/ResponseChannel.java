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
import java.util.concurrent.locks.ReentrantLock;

/**
 * The response to one POST. It stays plain JSON unless a message must reach the client before the
 * final response (progress, a log line, a legacy sampling request): the first such message turns it
 * into a Server-Sent Events stream, which the final response then ends. While the stream is open, a
 * virtual thread of its own writes a keep-alive comment when it has been quiet, so a client that
 * stops reading holds up nobody else. A failed write means the client has gone, which cancels the
 * request.
 */
final class ResponseChannel {

  private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EVENT = "event: message\ndata: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);

  private final HttpExchange exchange;
  private final Map<String, String> baseHeaders;
  private final Map<String, String> handlerHeaders;
  private final long keepAliveMillis;
  private final Cancellation cancellation;
  private final ReentrantLock lock = new ReentrantLock();
  private OutputStream stream;
  private Thread keepAlive;
  private boolean broken;
  private boolean finished;

  ResponseChannel(
      HttpExchange exchange,
      Map<String, String> baseHeaders,
      Map<String, String> handlerHeaders,
      long keepAliveMillis,
      Cancellation cancellation) {
    this.exchange = exchange;
    this.baseHeaders = baseHeaders;
    this.handlerHeaders = handlerHeaders;
    this.keepAliveMillis = keepAliveMillis;
    this.cancellation = cancellation;
  }

  /** Sends a message ahead of the response; false once the client has gone away. */
  boolean send(JsonRpcMessage message) {
    lock.lock();
    try {
      if (broken || finished) {
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
      finished = true;
      if (keepAlive != null) {
        keepAlive.interrupt();
      }
      if (stream == null) {
        if (!broken) {
          respond(reply);
        }
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
    headers.putAll(handlerHeaders);
    headers.put("Content-Type", "application/json");
    exchange.respond(reply.httpStatus(), headers, Json.bytes(JsonRpcCodec.encode(reply.message())));
  }

  private void open() throws IOException {
    Map<String, String> headers = new LinkedHashMap<>(baseHeaders);
    headers.put("Content-Type", "text/event-stream");
    headers.put("Cache-Control", "no-cache");
    headers.put("X-Accel-Buffering", "no");
    stream = exchange.stream(200, headers);
    keepAlive = Thread.ofVirtual().name("mcp-sse-keepalive").start(this::keepAlive);
  }

  private void keepAlive() {
    try {
      while (true) {
        Thread.sleep(keepAliveMillis);
        lock.lock();
        try {
          if (finished || broken) {
            return;
          }
          stream.write(KEEP_ALIVE);
          stream.flush();
        } catch (IOException e) {
          lostClient();
          return;
        } finally {
          lock.unlock();
        }
      }
    } catch (InterruptedException e) {
      // finished: the final response ends the stream
    }
  }

  private void writeEvent(JsonRpcMessage message) throws IOException {
    stream.write(EVENT);
    stream.write(Json.bytes(JsonRpcCodec.encode(message)));
    stream.write(END);
    stream.flush();
  }
}
