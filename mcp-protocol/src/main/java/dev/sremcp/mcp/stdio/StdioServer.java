package dev.sremcp.mcp.stdio;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sremcp.mcp.engine.Attributes;
import dev.sremcp.mcp.engine.CallScope;
import dev.sremcp.mcp.engine.Cancellation;
import dev.sremcp.mcp.engine.Envelope;
import dev.sremcp.mcp.engine.LogLevel;
import dev.sremcp.mcp.engine.McpServer;
import dev.sremcp.mcp.engine.ProtocolVersion;
import dev.sremcp.mcp.engine.Reply;
import dev.sremcp.mcp.engine.StreamOutbound;
import dev.sremcp.mcp.jsonrpc.ErrorCode;
import dev.sremcp.mcp.jsonrpc.Incoming;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.jsonrpc.JsonRpcCodec;
import dev.sremcp.mcp.jsonrpc.JsonRpcError;
import dev.sremcp.mcp.jsonrpc.JsonRpcMessage;
import dev.sremcp.mcp.jsonrpc.McpException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * MCP over standard input and output: one JSON-RPC message per line each way, nothing else on
 * stdout. Requests run concurrently, so a {@code notifications/cancelled} or the answer to a legacy
 * sampling request is read while a call runs. The legacy era is stateful here (one client, one
 * connection): {@code initialize} fixes the version and {@code logging/setLevel} the log level;
 * modern requests carry their own envelope.
 */
public final class StdioServer {

  private static final String PRINCIPAL = "stdio";

  private final McpServer server;
  private final InputStream in;
  private final OutputStream out;
  private final int maxLineBytes;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final Set<Cancellation> running = ConcurrentHashMap.newKeySet();
  private volatile ProtocolVersion negotiated;
  private volatile LogLevel legacyLogLevel;
  private final Attributes attributes;

  public StdioServer(
      McpServer server, InputStream in, OutputStream out, int maxLineBytes, LogLevel logLevel) {
    this(server, in, out, maxLineBytes, logLevel, Attributes.NONE);
  }

  /**
   * @param attributes who is on the other end of the pipe (the caller its environment names), the
   *     same for every request
   */
  public StdioServer(
      McpServer server,
      InputStream in,
      OutputStream out,
      int maxLineBytes,
      LogLevel logLevel,
      Attributes attributes) {
    this.server = server;
    this.in = in;
    this.out = out;
    this.maxLineBytes = maxLineBytes;
    this.legacyLogLevel = logLevel;
    this.attributes = attributes;
  }

  /**
   * Serves until standard input ends, then lets running requests finish for up to {@code grace};
   * those still running are cancelled and left behind.
   */
  public void run(Duration grace) throws IOException {
    ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    LineReader lines = new LineReader(in, maxLineBytes);
    LineReader.Line line;
    while ((line = lines.next()) != null) {
      if (line.tooLong()) {
        write(
            new JsonRpcMessage.Error(
                null,
                JsonRpcError.of(
                    ErrorCode.INVALID_REQUEST,
                    "Message too large: the limit is " + maxLineBytes + " bytes per line")));
      } else if (line.bytes().length > 0) {
        dispatch(JsonRpcCodec.decode(line.bytes()), requests);
      }
    }
    requests.shutdown();
    try {
      if (!requests.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        running.forEach(Cancellation::cancel);
        requests.shutdownNow();
        requests.awaitTermination(1, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void dispatch(Incoming incoming, ExecutorService requests) {
    switch (incoming) {
      case Incoming.Invalid invalid -> write(invalid.response());
      case Incoming.Batch batch -> {
        if (negotiated != null && negotiated.allowsBatches()) {
          requests.submit(() -> answerBatch(batch));
        } else {
          write(
              new JsonRpcMessage.Error(
                  null,
                  JsonRpcError.of(
                      ErrorCode.INVALID_REQUEST,
                      "Invalid Request: JSON-RPC batches exist only in protocol version 2025-03-26")));
        }
      }
      case Incoming.Single single -> {
        switch (single.message()) {
          case JsonRpcMessage.Request request ->
              requests.submit(
                  () -> {
                    Reply reply = reply(request);
                    if (!reply.isNone()) {
                      write(reply.message());
                    }
                  });
          case JsonRpcMessage.Notification notification -> server.accept(notification, PRINCIPAL);
          case JsonRpcMessage.Result result -> server.acceptAnswer(result);
          case JsonRpcMessage.Error error -> server.acceptAnswer(error);
        }
      }
    }
  }

  /** A 2025-03-26 batch: its requests answered in order, as one array on one line. */
  private void answerBatch(Incoming.Batch batch) {
    ArrayNode replies = server.batch(batch, this::reply, PRINCIPAL);
    if (!replies.isEmpty()) {
      writeLine(Json.bytes(replies));
    }
  }

  /** The reply to one request; {@link Reply#NONE} when it was cancelled. */
  private Reply reply(JsonRpcMessage.Request request) {
    Cancellation cancellation = new Cancellation();
    running.add(cancellation);
    try {
      Reply reply;
      try {
        reply = server.handle(request, scope(request, cancellation));
      } catch (McpException e) {
        reply = new Reply(new JsonRpcMessage.Error(request.id(), e.error()), e.httpStatus());
      }
      if (reply.message() instanceof JsonRpcMessage.Result result) {
        remember(request, result);
      }
      return reply;
    } finally {
      running.remove(cancellation);
    }
  }

  private CallScope scope(JsonRpcMessage.Request request, Cancellation cancellation) {
    if (Envelope.isPresent(request.params())) {
      Envelope envelope = Envelope.read(request.params());
      ProtocolVersion version = envelope.version();
      return new CallScope(
          version,
          envelope,
          null,
          new StreamOutbound(server, cancellation, this::write, false),
          cancellation,
          PRINCIPAL,
          attributes,
          new ConcurrentHashMap<>());
    }
    ProtocolVersion version = negotiated != null ? negotiated : ProtocolVersion.LATEST_LEGACY;
    return new CallScope(
        version,
        null,
        legacyLogLevel,
        new StreamOutbound(server, cancellation, this::write, true),
        cancellation,
        PRINCIPAL,
        attributes,
        new ConcurrentHashMap<>());
  }

  /** The legacy era's connection state: the negotiated version and the log level. */
  private void remember(JsonRpcMessage.Request request, JsonRpcMessage.Result result) {
    if (Envelope.isPresent(request.params())) {
      return;
    }
    switch (request.method()) {
      case "initialize" ->
          negotiated =
              ProtocolVersion.parse(result.result().path("protocolVersion").asText()).orElse(null);
      case "logging/setLevel" ->
          legacyLogLevel =
              LogLevel.parse(request.params().path("level").asText()).orElse(legacyLogLevel);
      default -> {}
    }
  }

  private boolean write(JsonRpcMessage message) {
    return writeLine(Json.bytes(JsonRpcCodec.encode(message)));
  }

  private boolean writeLine(byte[] line) {
    writeLock.lock();
    try {
      out.write(line);
      out.write('\n');
      out.flush();
      return true;
    } catch (IOException e) {
      return false;
    } finally {
      writeLock.unlock();
    }
  }

  /** Reads lines of bytes, refusing (and skipping) a line longer than the limit. */
  static final class LineReader {

    record Line(byte[] bytes, boolean tooLong) {}

    private final InputStream in;
    private final int limit;

    LineReader(InputStream in, int limit) {
      this.in = new java.io.BufferedInputStream(in);
      this.limit = limit;
    }

    /** The next line without its end, or {@code null} at the end of the input. */
    Line next() {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      boolean tooLong = false;
      try {
        int b;
        while ((b = in.read()) != -1) {
          if (b == '\n') {
            return finish(line, tooLong);
          }
          if (line.size() >= limit) {
            tooLong = true;
          } else {
            line.write(b);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return line.size() == 0 && !tooLong ? null : finish(line, tooLong);
    }

    private static Line finish(ByteArrayOutputStream line, boolean tooLong) {
      byte[] bytes = line.toByteArray();
      int length = bytes.length;
      if (length > 0 && bytes[length - 1] == '\r') {
        bytes = java.util.Arrays.copyOf(bytes, length - 1);
      }
      return new Line(tooLong ? new byte[0] : bytes, tooLong);
    }
  }
}
