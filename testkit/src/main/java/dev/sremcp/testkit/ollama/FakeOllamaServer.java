package dev.sremcp.testkit.ollama;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fake of the Ollama HTTP API on a raw socket bound to 127.0.0.1 on an ephemeral port. No model
 * runs: {@code /api/chat} and {@code /api/generate} answer with scripted {@link Reply replies},
 * streamed as NDJSON or whole, and the other endpoints describe the models the server was started
 * with. Every byte received is recorded, and a reply can stall, fail, or drop the connection
 * mid-stream.
 *
 * <p>Each connection is served by one virtual thread and carries one request: every response says
 * {@code Connection: close} and the socket is closed after it. An {@code Upgrade: h2c} header is
 * ignored and the answer is HTTP/1.1.
 */
public final class FakeOllamaServer implements AutoCloseable {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final String VERSION = "0.12.6";
  private static final String MODIFIED_AT = "2026-11-01T00:00:00Z";
  private static final String EXPIRES_AT = "2026-11-25T00:05:00Z";
  private static final long MODEL_SIZE = 2_019_393_189L;
  private static final String JSON = "application/json; charset=utf-8";
  private static final String NDJSON = "application/x-ndjson";
  private static final int MAX_LINE_BYTES = 64 * 1024;
  private static final int MAX_HEADER_COUNT = 200;
  private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

  private final List<String> models;
  private final ServerSocket listener;
  private final URI uri;
  private final Thread acceptor;
  private final CountDownLatch killed = new CountDownLatch(1);
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
  private final List<Request> requests = new ArrayList<>();
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final ConcurrentLinkedQueue<Reply> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger generations = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile Reply defaultReply = Reply.content("{}");
  private volatile Function<Request, Reply> responder;

  private FakeOllamaServer(List<String> models) throws IOException {
    this.models = models;
    this.listener = new ServerSocket(0, 128, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
    this.uri = URI.create("http://127.0.0.1:" + listener.getLocalPort());
    this.acceptor = Thread.ofVirtual().name("fake-ollama-accept").unstarted(this::acceptLoop);
  }

  /**
   * Starts a server that has the given models, named as Ollama names them ({@code "llama3.2:3b"}).
   * A request may name a model without its tag to mean its {@code :latest} tag.
   *
   * @param models the names {@code /api/tags} lists and chat and generate accept
   * @return the running server
   * @throws IOException if no port can be bound
   */
  public static FakeOllamaServer start(String... models) throws IOException {
    List<String> names = List.of(models);
    for (String name : names) {
      if (name.isBlank()) {
        throw new IllegalArgumentException("blank model name");
      }
    }
    FakeOllamaServer server = new FakeOllamaServer(names);
    server.acceptor.start();
    return server;
  }

  /**
   * The base address of the server, without a trailing slash.
   *
   * @return {@code http://127.0.0.1:PORT}
   */
  public URI uri() {
    return uri;
  }

  /**
   * Sets the reply that chat and generate give when the queue is empty and no responder is set.
   * Initially {@code Reply.content("{}")}.
   *
   * @param reply the default reply
   * @return this server
   */
  public FakeOllamaServer replyWith(Reply reply) {
    this.defaultReply = Objects.requireNonNull(reply, "reply");
    return this;
  }

  /**
   * Queues replies that the next chat and generate calls use, one each, in order, before the
   * responder or the default. A call refused for an unknown model or a bad body takes none.
   *
   * @param replies the replies, in the order they are to be used
   * @return this server
   */
  public FakeOllamaServer enqueue(Reply... replies) {
    for (Reply reply : replies) {
      queue.add(Objects.requireNonNull(reply, "reply"));
    }
    return this;
  }

  /**
   * Computes the reply of chat and generate from the request when the queue is empty, instead of
   * the default reply. A function that returns null falls back on the default; one that throws gets
   * the client a 500 naming the exception.
   *
   * @param function the responder, or null to remove it
   * @return this server
   */
  public FakeOllamaServer respond(Function<Request, Reply> function) {
    this.responder = function;
    return this;
  }

  /**
   * Simulates a crash: closes the listening socket and resets every open connection, which ends
   * pending hangs and slow replies at once. Connections attempted after this returns are refused.
   */
  public void kill() {
    if (killed.getCount() == 0) {
      return;
    }
    killed.countDown();
    closeQuietly(listener);
    for (Socket socket : connections) {
      abort(socket);
    }
    // A socket closed while a virtual thread blocks on it is released when that thread wakes up:
    // wait for the acceptor, so that the port refuses connections once kill returns.
    joinAll(List.of(acceptor));
  }

  /**
   * Kills the server, as {@link #kill()} does, and waits briefly for its threads to end.
   * Idempotent.
   */
  @Override
  public void close() {
    kill();
    joinAll(List.copyOf(workers));
  }

  /**
   * The requests received in full, in the order they were read.
   *
   * @return a snapshot of the requests
   */
  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /**
   * Every byte read from every connection, partial and aborted requests included, in the order
   * read.
   *
   * @return a copy of the bytes
   */
  public byte[] receivedBytes() {
    synchronized (received) {
      return received.toByteArray();
    }
  }

  /**
   * The number of {@code /api/chat} and {@code /api/generate} requests received, refused ones
   * included.
   *
   * @return the count since start
   */
  public int generations() {
    return generations.get();
  }

  /**
   * The chat and generate requests being answered right now.
   *
   * @return the count
   */
  public int inFlight() {
    return inFlight.get();
  }

  /**
   * The most chat and generate requests answered at once since start.
   *
   * @return the high-water mark of {@link #inFlight()}
   */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  /**
   * A request as received.
   *
   * @param method the method, as sent
   * @param path the path of the request target, without any query
   * @param headers the headers, with lower-case names; repeated ones joined by {@code ", "}
   * @param body the body decoded as UTF-8, de-chunked; empty when there is none
   * @param raw every byte read for this request, request line and headers included
   */
  public record Request(
      String method, String path, Map<String, String> headers, String body, byte[] raw) {

    /** Copies the headers and the raw bytes. */
    public Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
      Objects.requireNonNull(body, "body");
      raw = raw.clone();
    }

    /**
     * Every byte read for this request.
     *
     * @return a copy of the bytes
     */
    @Override
    public byte[] raw() {
      return raw.clone();
    }

    /**
     * The body parsed as JSON.
     *
     * @return the tree, or null when the body is empty or not JSON
     */
    public JsonNode json() {
      if (body.isBlank()) {
        return null;
      }
      try {
        return MAPPER.readTree(body);
      } catch (JsonProcessingException e) {
        return null;
      }
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Request that
          && method.equals(that.method)
          && path.equals(that.path)
          && headers.equals(that.headers)
          && body.equals(that.body)
          && Arrays.equals(raw, that.raw);
    }

    @Override
    public int hashCode() {
      return Objects.hash(method, path, headers, body, Arrays.hashCode(raw));
    }

    @Override
    public String toString() {
      return "Request[" + method + " " + path + ", " + body.length() + " chars of body]";
    }
  }

  /**
   * How chat and generate answer one call. Immutable: each option returns a new reply.
   *
   * <p>A content reply streams its text in chunks when the request streams ({@code "stream"} absent
   * or true). When it does not, the server waits as long as streaming would have taken ({@link
   * #firstTokenAfter} plus {@link #between} per further chunk) and sends one object.
   */
  public static final class Reply {

    private static final int CHUNK_CHARS = 8;

    private enum Kind {
      CONTENT,
      STATUS,
      MALFORMED,
      HANG
    }

    private final Kind kind;
    private final String content;
    private final int chunks;
    private final Duration firstTokenAfter;
    private final Duration between;
    private final int dropAfter;
    private final int status;
    private final String body;

    private Reply(
        Kind kind,
        String content,
        int chunks,
        Duration firstTokenAfter,
        Duration between,
        int dropAfter,
        int status,
        String body) {
      this.kind = kind;
      this.content = content;
      this.chunks = chunks;
      this.firstTokenAfter = firstTokenAfter;
      this.between = between;
      this.dropAfter = dropAfter;
      this.status = status;
      this.body = body;
    }

    /**
     * The assistant's text, streamed in chunks of about 8 characters that never split a surrogate
     * pair.
     *
     * @param text the whole content
     * @return a 200 reply with that content
     */
    public static Reply content(String text) {
      Objects.requireNonNull(text, "text");
      return new Reply(Kind.CONTENT, text, 0, Duration.ZERO, Duration.ZERO, -1, 200, "");
    }

    /**
     * An error status with a JSON body, sent whole, as Ollama reports errors.
     *
     * @param code the HTTP status, 100 to 599
     * @param jsonBody the body, such as {@code {"error":"..."}}
     * @return the reply
     */
    public static Reply status(int code, String jsonBody) {
      if (code < 100 || code > 599) {
        throw new IllegalArgumentException("status " + code);
      }
      Objects.requireNonNull(jsonBody, "jsonBody");
      return new Reply(Kind.STATUS, "", 0, Duration.ZERO, Duration.ZERO, -1, code, jsonBody);
    }

    /**
     * A 200 whose lines are not JSON ({@code {"model":} then {@code garbage}), then a close. A
     * request that does not stream gets a truncated JSON object.
     *
     * @return the reply
     */
    public static Reply malformed() {
      return new Reply(Kind.MALFORMED, "", 0, Duration.ZERO, Duration.ZERO, -1, 200, "");
    }

    /**
     * Reads the request and sends nothing, holding the connection until the server is killed or
     * closed.
     *
     * @return the reply
     */
    public static Reply hang() {
      return new Reply(Kind.HANG, "", 0, Duration.ZERO, Duration.ZERO, -1, 0, "");
    }

    /**
     * Splits the content into exactly {@code n} chunks of nearly equal length (in code points);
     * some are empty when the content has fewer than {@code n} code points.
     *
     * @param n the number of chunks, at least 1
     * @return a copy of this reply with that split
     */
    public Reply chunks(int n) {
      require(Kind.CONTENT, "chunks");
      if (n < 1) {
        throw new IllegalArgumentException("chunks " + n);
      }
      return new Reply(kind, content, n, firstTokenAfter, between, dropAfter, status, body);
    }

    /**
     * Waits before the first chunk; the response headers go out at once, as Ollama sends them. On a
     * status or malformed reply, the wait comes before the status or the first bad line.
     *
     * @param delay the wait, not negative
     * @return a copy of this reply with that wait
     */
    public Reply firstTokenAfter(Duration delay) {
      if (kind == Kind.HANG) {
        throw new IllegalStateException("a hang sends nothing to delay");
      }
      return new Reply(kind, content, chunks, checked(delay), between, dropAfter, status, body);
    }

    /**
     * Waits between chunks.
     *
     * @param delay the wait, not negative
     * @return a copy of this reply with that wait
     */
    public Reply between(Duration delay) {
      require(Kind.CONTENT, "between");
      return new Reply(
          kind, content, chunks, firstTokenAfter, checked(delay), dropAfter, status, body);
    }

    /**
     * Resets the connection (linger 0, then close) after that many chunks, as a crash mid-stream
     * would; with {@code n} at least the number of chunks, just before the final {@code done} line.
     * A request that does not stream gets the headers and half the body, then the reset.
     *
     * @param n the chunks sent before the reset, not negative
     * @return a copy of this reply that drops
     */
    public Reply dropAfter(int n) {
      require(Kind.CONTENT, "dropAfter");
      if (n < 0) {
        throw new IllegalArgumentException("dropAfter " + n);
      }
      return new Reply(kind, content, chunks, firstTokenAfter, between, n, status, body);
    }

    @Override
    public String toString() {
      return switch (kind) {
        case CONTENT -> "Reply.content(" + content.length() + " chars)";
        case STATUS -> "Reply.status(" + status + ")";
        case MALFORMED -> "Reply.malformed()";
        case HANG -> "Reply.hang()";
      };
    }

    private void require(Kind wanted, String option) {
      if (kind != wanted) {
        throw new IllegalStateException(option + " applies to content replies only");
      }
    }

    private static Duration checked(Duration delay) {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("negative delay " + delay);
      }
      return delay;
    }

    /** The content cut into the chunks that are streamed. */
    private List<String> split() {
      int[] points = content.codePoints().toArray();
      List<String> parts = new ArrayList<>();
      if (chunks > 0) {
        int start = 0;
        for (int i = 0; i < chunks; i++) {
          int size = points.length / chunks + (i < points.length % chunks ? 1 : 0);
          parts.add(new String(points, start, size));
          start += size;
        }
        return parts;
      }
      StringBuilder part = new StringBuilder();
      for (int point : points) {
        part.appendCodePoint(point);
        if (part.length() >= CHUNK_CHARS) {
          parts.add(part.toString());
          part.setLength(0);
        }
      }
      if (!part.isEmpty()) {
        parts.add(part.toString());
      }
      return parts;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Connections

  private void acceptLoop() {
    while (killed.getCount() > 0) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        if (killed.getCount() > 0) {
          continue; // a failed accept while running: try the next one
        }
        return;
      }
      connections.add(socket);
      if (killed.getCount() == 0) {
        abort(socket);
        connections.remove(socket);
        return;
      }
      Thread worker = Thread.ofVirtual().name("fake-ollama-conn").unstarted(() -> serve(socket));
      workers.add(worker);
      worker.start();
    }
  }

  private void serve(Socket socket) {
    try {
      socket.setTcpNoDelay(true);
      OutputStream out = new BufferedOutputStream(socket.getOutputStream());
      RequestReader reader = new RequestReader(socket.getInputStream());
      Request request;
      try {
        request = reader.read(out);
      } catch (ProtocolException e) {
        sendJson(out, 400, error(e.getMessage()), false);
        finish(socket, out);
        return;
      }
      if (request == null) {
        return;
      }
      synchronized (requests) {
        requests.add(request);
      }
      handle(request, socket, out);
      finish(socket, out);
    } catch (IOException e) {
      // The client went away, a reply dropped the connection, or the server was killed.
    } finally {
      connections.remove(socket);
      closeQuietly(socket);
      workers.remove(Thread.currentThread());
    }
  }

  private void record(byte[] bytes, int offset, int length) {
    synchronized (received) {
      received.write(bytes, offset, length);
    }
  }

  /** Reads one request from a connection, recording each byte as it comes off the socket. */
  private final class RequestReader {
    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private int position;
    private int limit;

    RequestReader(InputStream in) {
      this.in = in;
    }

    /** The request, or null when the client closed before sending a byte of it. */
    Request read(OutputStream out) throws IOException {
      String line = line();
      while (line != null && line.isEmpty()) {
        line = line(); // tolerate blank lines before the request line
      }
      if (line == null) {
        if (raw.size() > 0) {
          throw new ProtocolException("incomplete request line");
        }
        return null;
      }
      String[] parts = line.split(" ");
      if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
        throw new ProtocolException("bad request line");
      }
      Map<String, String> headers = headers();
      if ("100-continue".equalsIgnoreCase(headers.getOrDefault("expect", ""))) {
        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(ISO_8859_1));
        out.flush();
      }
      byte[] body = body(headers);
      String target = parts[1];
      int query = target.indexOf('?');
      String path = query < 0 ? target : target.substring(0, query);
      return new Request(parts[0], path, headers, new String(body, UTF_8), raw.toByteArray());
    }

    private Map<String, String> headers() throws IOException {
      Map<String, String> headers = new LinkedHashMap<>();
      String last = null;
      for (String line = line(); ; line = line()) {
        if (line == null) {
          throw new ProtocolException("incomplete headers");
        }
        if (line.isEmpty()) {
          return headers;
        }
        if (headers.size() >= MAX_HEADER_COUNT) {
          throw new ProtocolException("too many headers");
        }
        if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && last != null) {
          headers.merge(last, line.strip(), (a, b) -> a + " " + b); // obsolete line folding
          continue;
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
          throw new ProtocolException("bad header line");
        }
        last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        headers.merge(last, line.substring(colon + 1).strip(), (a, b) -> a + ", " + b);
      }
    }

    private byte[] body(Map<String, String> headers) throws IOException {
      String encoding = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
      if (encoding.contains("chunked")) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
          String sizeLine = line();
          if (sizeLine == null) {
            throw new ProtocolException("incomplete chunked body");
          }
          int semicolon = sizeLine.indexOf(';');
          String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip();
          int size;
          try {
            size = Integer.parseInt(hex, 16);
          } catch (NumberFormatException e) {
            throw new ProtocolException("bad chunk size");
          }
          if (size < 0 || body.size() + (long) size > MAX_BODY_BYTES) {
            throw new ProtocolException("body too large");
          }
          if (size == 0) {
            for (String trailer = line(); trailer != null && !trailer.isEmpty(); ) {
              trailer = line();
            }
            return body.toByteArray();
          }
          body.writeBytes(exactly(size));
          if (!"".equals(line())) {
            throw new ProtocolException("bad chunk end");
          }
        }
      }
      String length = headers.get("content-length");
      if (length == null) {
        return new byte[0];
      }
      long size;
      try {
        size = Long.parseLong(length.strip());
      } catch (NumberFormatException e) {
        throw new ProtocolException("bad content-length");
      }
      if (size < 0 || size > MAX_BODY_BYTES) {
        throw new ProtocolException("bad content-length");
      }
      return exactly((int) size);
    }

    /** A line without its CRLF (or bare LF), decoded as Latin-1; null at end of stream. */
    private String line() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      int b = next();
      if (b < 0) {
        return null;
      }
      while (b >= 0 && b != '\n') {
        if (line.size() >= MAX_LINE_BYTES) {
          throw new ProtocolException("line too long");
        }
        line.write(b);
        b = next();
      }
      if (b < 0) {
        throw new ProtocolException("incomplete line");
      }
      byte[] bytes = line.toByteArray();
      int end =
          bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
      return new String(bytes, 0, end, ISO_8859_1);
    }

    private byte[] exactly(int size) throws IOException {
      byte[] bytes = new byte[size];
      int filled = 0;
      while (filled < size) {
        if (position == limit && !fill()) {
          throw new ProtocolException("incomplete body");
        }
        int n = Math.min(size - filled, limit - position);
        System.arraycopy(buffer, position, bytes, filled, n);
        raw.write(buffer, position, n);
        position += n;
        filled += n;
      }
      return bytes;
    }

    private int next() throws IOException {
      if (position == limit && !fill()) {
        return -1;
      }
      int b = buffer[position++] & 0xff;
      raw.write(b);
      return b;
    }

    private boolean fill() throws IOException {
      int n = in.read(buffer);
      if (n <= 0) {
        return false;
      }
      record(buffer, 0, n);
      position = 0;
      limit = n;
      return true;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Endpoints

  private void handle(Request request, Socket socket, OutputStream out) throws IOException {
    boolean head = request.method().equals("HEAD");
    String method = head ? "GET" : request.method();
    switch (method + " " + request.path()) {
      case "GET /" -> send(out, 200, "text/plain; charset=utf-8", "Ollama is running", head);
      case "GET /api/version" ->
          sendJson(out, 200, MAPPER.createObjectNode().put("version", VERSION), head);
      case "GET /api/tags" -> sendJson(out, 200, models(false), head);
      case "GET /api/ps" -> sendJson(out, 200, models(true), head);
      case "POST /api/chat" -> generate(request, true, socket, out);
      case "POST /api/generate" -> generate(request, false, socket, out);
      default -> sendJson(out, 404, error("not found"), head);
    }
  }

  private ObjectNode models(boolean running) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode list = root.putArray("models");
    for (String name : models) {
      ObjectNode model = list.addObject().put("name", name).put("model", name);
      if (!running) {
        model.put("modified_at", MODIFIED_AT);
      }
      model.put("size", MODEL_SIZE).put("digest", "sha256:" + sha256(name));
      ObjectNode details = model.putObject("details");
      details.put("parent_model", "").put("format", "gguf").put("family", "llama");
      details.putArray("families").add("llama");
      details.put("parameter_size", "3.2B").put("quantization_level", "Q4_K_M");
      if (running) {
        model.put("expires_at", EXPIRES_AT).put("size_vram", MODEL_SIZE);
      }
    }
    return root;
  }

  private boolean hasModel(String name) {
    return models.contains(name) || (!name.contains(":") && models.contains(name + ":latest"));
  }

  private void generate(Request request, boolean chat, Socket socket, OutputStream out)
      throws IOException {
    generations.incrementAndGet();
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      JsonNode body = request.json();
      if (body == null || !body.isObject()) {
        sendJson(out, 400, error("invalid request body"), false);
        return;
      }
      String model = body.path("model").asText("");
      if (model.isEmpty()) {
        sendJson(out, 400, error("model is required"), false);
        return;
      }
      if (!hasModel(model)) {
        sendJson(out, 404, error("model \"" + model + "\" not found, try pulling it first"), false);
        return;
      }
      boolean stream = !body.path("stream").isBoolean() || body.path("stream").booleanValue();
      Reply reply = nextReply(request);
      Answer answer = new Answer(model, chat, promptTokens(body, chat));
      switch (reply.kind) {
        case CONTENT -> {
          if (stream) {
            stream(reply, answer, socket, out);
          } else {
            whole(reply, answer, socket, out);
          }
        }
        case STATUS -> {
          if (pause(reply.firstTokenAfter)) {
            send(out, reply.status, JSON, reply.body, false);
          }
        }
        case MALFORMED -> malformed(reply, stream, out);
        case HANG -> awaitKill();
      }
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private Reply nextReply(Request request) {
    Reply queued = queue.poll();
    if (queued != null) {
      return queued;
    }
    Function<Request, Reply> function = responder;
    if (function != null) {
      try {
        Reply computed = function.apply(request);
        if (computed != null) {
          return computed;
        }
      } catch (RuntimeException e) {
        return Reply.status(500, json(error("fake responder failed: " + e)));
      }
    }
    return defaultReply;
  }

  /** Prompt tokens, estimated as a quarter of the characters of the prompt, rounded up. */
  private static int promptTokens(JsonNode body, boolean chat) {
    long chars = 0;
    if (chat) {
      for (JsonNode message : body.path("messages")) {
        chars += message.path("content").asText("").length();
      }
    } else {
      chars = body.path("prompt").asText("").length() + body.path("system").asText("").length();
    }
    return (int) ((chars + 3) / 4);
  }

  /** What a content reply says, in the shape of the endpoint that asked. */
  private record Answer(String model, boolean chat, int promptTokens) {

    ObjectNode chunk(String text, boolean done) {
      ObjectNode node = MAPPER.createObjectNode();
      node.put("model", model).put("created_at", Instant.now().toString());
      if (chat) {
        node.putObject("message").put("role", "assistant").put("content", text);
      } else {
        node.put("response", text);
      }
      return node.put("done", done);
    }

    ObjectNode last(String text, int evalCount) {
      ObjectNode node = chunk(text, true).put("done_reason", "stop");
      if (!chat) {
        node.putArray("context").add(1).add(2).add(3);
      }
      long load = 1_000_000L;
      long promptEval = 100_000L * Math.max(1, promptTokens);
      long eval = 1_000_000L * Math.max(1, evalCount);
      return node.put("total_duration", load + promptEval + eval)
          .put("load_duration", load)
          .put("prompt_eval_count", promptTokens)
          .put("prompt_eval_duration", promptEval)
          .put("eval_count", evalCount)
          .put("eval_duration", eval);
    }
  }

  private void stream(Reply reply, Answer answer, Socket socket, OutputStream out)
      throws IOException {
    List<String> chunks = reply.split();
    head(out, 200, NDJSON, -1);
    out.flush();
    if (!pause(reply.firstTokenAfter)) {
      return;
    }
    for (int i = 0; i < chunks.size(); i++) {
      if (i == reply.dropAfter) {
        abort(socket);
        return;
      }
      if (i > 0 && !pause(reply.between)) {
        return;
      }
      writeChunk(out, json(answer.chunk(chunks.get(i), false)) + "\n");
    }
    if (reply.dropAfter >= 0) {
      abort(socket);
      return;
    }
    writeChunk(out, json(answer.last("", chunks.size())) + "\n");
    endChunks(out);
  }

  private void whole(Reply reply, Answer answer, Socket socket, OutputStream out)
      throws IOException {
    List<String> chunks = reply.split();
    Duration wait =
        reply.firstTokenAfter.plus(reply.between.multipliedBy(Math.max(0, chunks.size() - 1)));
    if (!pause(wait)) {
      return;
    }
    byte[] body = json(answer.last(reply.content, chunks.size())).getBytes(UTF_8);
    head(out, 200, JSON, body.length);
    if (reply.dropAfter >= 0) {
      out.write(body, 0, body.length / 2);
      out.flush();
      abort(socket);
      return;
    }
    out.write(body);
  }

  private void malformed(Reply reply, boolean stream, OutputStream out) throws IOException {
    if (!stream) {
      if (pause(reply.firstTokenAfter)) {
        send(out, 200, JSON, "{\"model\":", false);
      }
      return;
    }
    head(out, 200, NDJSON, -1);
    out.flush();
    if (!pause(reply.firstTokenAfter)) {
      return;
    }
    writeChunk(out, "{\"model\":\n");
    writeChunk(out, "garbage\n");
    endChunks(out);
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  private static void sendJson(OutputStream out, int status, JsonNode body, boolean head)
      throws IOException {
    send(out, status, JSON, json(body), head);
  }

  private static void send(OutputStream out, int status, String type, String body, boolean head)
      throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    head(out, status, type, bytes.length);
    if (!head) {
      out.write(bytes);
    }
  }

  /** The status line and headers; a negative length means a chunked body. */
  private static void head(OutputStream out, int status, String type, long length)
      throws IOException {
    StringBuilder head = new StringBuilder();
    head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    head.append("Content-Type: ").append(type).append("\r\n");
    head.append("Date: ")
        .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
        .append("\r\n");
    if (length < 0) {
      head.append("Transfer-Encoding: chunked\r\n");
    } else {
      head.append("Content-Length: ").append(length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    out.write(head.toString().getBytes(ISO_8859_1));
  }

  private static void writeChunk(OutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(UTF_8);
    out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(ISO_8859_1));
    out.write(bytes);
    out.write("\r\n".getBytes(ISO_8859_1));
    out.flush();
  }

  private static void endChunks(OutputStream out) throws IOException {
    out.write("0\r\n\r\n".getBytes(ISO_8859_1));
    out.flush();
  }

  private static void finish(Socket socket, OutputStream out) throws IOException {
    out.flush();
    socket.shutdownOutput();
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 408 -> "Request Timeout";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Status " + status;
    };
  }

  private static ObjectNode error(String message) {
    return MAPPER.createObjectNode().put("error", message);
  }

  private static String json(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Waiting and closing

  /** Waits, or less if the server is killed; true when the server still runs. */
  private boolean pause(Duration delay) {
    try {
      if (delay.isZero()) {
        return killed.getCount() > 0;
      }
      return !killed.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void awaitKill() {
    try {
      killed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for the threads to end, {@link #CLOSE_WAIT} at most in all. */
  private static void joinAll(List<Thread> threads) {
    long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
    try {
      for (Thread thread : threads) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        thread.join(Duration.ofNanos(left));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes a socket with a reset rather than an orderly shutdown. */
  private static void abort(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
    } catch (IOException e) {
      // Already closed: nothing to reset.
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // Closing is best effort.
    }
  }
}
