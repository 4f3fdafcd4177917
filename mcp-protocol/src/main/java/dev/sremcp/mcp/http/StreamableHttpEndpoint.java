package dev.sremcp.mcp.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.engine.Attributes;
import dev.sremcp.mcp.engine.CallScope;
import dev.sremcp.mcp.engine.Cancellation;
import dev.sremcp.mcp.engine.Canonical;
import dev.sremcp.mcp.engine.McpServer;
import dev.sremcp.mcp.engine.Outbound;
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
import dev.sremcp.mcp.spi.IdempotencyKey;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MCP Streamable HTTP transport on one endpoint, for both eras, statelessly: no session is ever
 * minted, so any request can land on any instance. Hosts translate their own request type into an
 * {@link HttpExchange} and call {@link #handle}.
 */
public final class StreamableHttpEndpoint {

  private static final String ALLOWED_REQUEST_HEADERS =
      "Content-Type, Accept, Authorization, MCP-Protocol-Version, Mcp-Method, Mcp-Name,"
          + " Last-Event-ID, Idempotency-Key";
  private static final String EXPOSED_HEADERS =
      "WWW-Authenticate, MCP-Protocol-Version, Retry-After, RateLimit, RateLimit-Policy";

  private final McpServer server;
  private final HttpSettings settings;
  private final HttpAuthentication authentication;

  public StreamableHttpEndpoint(McpServer server, HttpSettings settings) {
    this(server, settings, HttpAuthentication.NONE);
  }

  public StreamableHttpEndpoint(
      McpServer server, HttpSettings settings, HttpAuthentication authentication) {
    this.server = server;
    this.settings = settings;
    this.authentication = authentication;
  }

  public void handle(HttpExchange exchange) {
    Map<String, String> headers = corsHeaders(exchange);
    Optional<String> refusal =
        settings.access().refusal(exchange.header("Host"), exchange.header("Origin"));
    if (refusal.isPresent()) {
      refuse(exchange, 403, refusal.get(), Map.of());
      return;
    }
    switch (exchange.method()) {
      case "POST" -> {
        switch (authentication.authenticate(exchange.header("Authorization"))) {
          case HttpAuthentication.Outcome.Refused refused -> {
            Map<String, String> challenge = new LinkedHashMap<>(headers);
            challenge.putAll(refused.headers());
            refuse(exchange, 401, refused.message(), challenge);
          }
          case HttpAuthentication.Outcome.Unavailable unavailable -> {
            Map<String, String> retry = new LinkedHashMap<>(headers);
            retry.put("Retry-After", String.valueOf(unavailable.retryAfter().toSeconds()));
            send(
                exchange,
                503,
                retry,
                new JsonRpcMessage.Error(
                    null,
                    new JsonRpcError(ErrorCode.SERVER_UNAVAILABLE, unavailable.message(), null)));
          }
          case HttpAuthentication.Outcome.Accepted accepted ->
              post(exchange, headers, accepted.attributes(), accepted.bodyLimit());
        }
      }
      case "OPTIONS" -> {
        Map<String, String> preflight = new LinkedHashMap<>(headers);
        preflight.put("Access-Control-Allow-Methods", "POST, OPTIONS");
        preflight.put("Access-Control-Allow-Headers", ALLOWED_REQUEST_HEADERS);
        preflight.put("Access-Control-Max-Age", "600");
        exchange.respond(204, preflight, new byte[0]);
      }
      default -> {
        Map<String, String> allow = new LinkedHashMap<>(headers);
        allow.put("Allow", "POST, OPTIONS");
        refuse(
            exchange,
            405,
            "Method Not Allowed: this server is stateless and serves MCP with POST only (no"
                + " standalone event stream, no sessions to delete)",
            allow);
      }
    }
  }

  private void post(
      HttpExchange exchange,
      Map<String, String> headers,
      Attributes attributes,
      HttpAuthentication.BodyLimit senderLimit) {
    Optional<String> contentType = exchange.header("Content-Type");
    if (contentType.isPresent() && !isJson(contentType.get())) {
      refuse(exchange, 415, "Unsupported Media Type: send Content-Type: application/json", headers);
      return;
    }
    boolean sendersOwn = senderLimit != null && senderLimit.bytes() < settings.maxBodyBytes();
    long limit = sendersOwn ? senderLimit.bytes() : settings.maxBodyBytes();
    byte[] body;
    try {
      body = readBody(exchange, limit);
    } catch (BodyTooLarge e) {
      ObjectNode data = Json.object().put("limitBytes", limit);
      send(
          exchange,
          413,
          headers,
          new JsonRpcMessage.Error(
              null,
              new JsonRpcError(
                  ErrorCode.INVALID_REQUEST,
                  "Request body too large: the limit is "
                      + limit
                      + " bytes"
                      + (sendersOwn ? " (" + senderLimit.description() + ")" : ""),
                  data)));
      return;
    } catch (IOException e) {
      refuse(exchange, 400, "The request body could not be read", headers);
      return;
    }
    switch (JsonRpcCodec.decode(body)) {
      case Incoming.Invalid invalid -> send(exchange, 400, headers, invalid.response());
      case Incoming.Batch batch -> batch(exchange, headers, batch, attributes);
      case Incoming.Single single -> single(exchange, headers, single.message(), attributes);
    }
  }

  private void single(
      HttpExchange exchange,
      Map<String, String> headers,
      JsonRpcMessage message,
      Attributes attributes) {
    switch (message) {
      case JsonRpcMessage.Request request -> request(exchange, headers, request, attributes);
      case JsonRpcMessage.Notification notification -> {
        server.accept(notification, principal(exchange));
        exchange.respond(202, headers, new byte[0]);
      }
      case JsonRpcMessage.Result result -> answer(exchange, headers, result);
      case JsonRpcMessage.Error error -> answer(exchange, headers, error);
    }
  }

  private void answer(HttpExchange exchange, Map<String, String> headers, JsonRpcMessage answer) {
    server.acceptAnswer(answer);
    exchange.respond(202, headers, new byte[0]);
  }

  private void request(
      HttpExchange exchange,
      Map<String, String> headers,
      JsonRpcMessage.Request request,
      Attributes attributes) {
    Cancellation cancellation = new Cancellation();
    boolean streamable = exchange.canStream() && acceptsEventStream(exchange);
    Map<String, String> responseHeaders = new ConcurrentHashMap<>();
    ResponseChannel channel =
        new ResponseChannel(
            exchange, headers, responseHeaders, settings.keepAlive().toMillis(), cancellation);
    CallScope scope;
    try {
      scope =
          RequestEra.scope(
              exchange,
              request,
              requestsAllowed ->
                  streamable
                      ? new StreamOutbound(server, cancellation, channel::send, requestsAllowed)
                      : Outbound.NONE,
              cancellation,
              principal(exchange),
              withIdempotencyKey(exchange, attributes),
              responseHeaders,
              settings.legacyLogLevel());
    } catch (McpException e) {
      channel.finish(new Reply(new JsonRpcMessage.Error(request.id(), e.error()), e.httpStatus()));
      return;
    }
    channel.finish(server.handle(request, scope));
  }

  /** JSON-RPC batches: only protocol version 2025-03-26 had them. */
  private void batch(
      HttpExchange exchange,
      Map<String, String> headers,
      Incoming.Batch batch,
      Attributes attributes) {
    Optional<String> header = exchange.header("MCP-Protocol-Version").map(String::strip);
    if (header.isPresent()
        && !header
            .flatMap(ProtocolVersion::parse)
            .map(ProtocolVersion::allowsBatches)
            .orElse(false)) {
      refuse(
          exchange,
          400,
          "Invalid Request: JSON-RPC batches are not allowed in protocol version "
              + header.get()
              + "; send one message per POST (batches existed only in 2025-03-26)",
          headers);
      return;
    }
    String principal = principal(exchange);
    ArrayNode replies =
        server.batch(
            batch,
            request ->
                server.handle(
                    request,
                    new CallScope(
                        ProtocolVersion.V2025_03_26,
                        null,
                        settings.legacyLogLevel(),
                        Outbound.NONE,
                        new Cancellation(),
                        principal,
                        attributes,
                        new ConcurrentHashMap<>())),
            principal);
    if (replies.isEmpty()) {
      exchange.respond(202, headers, new byte[0]);
      return;
    }
    Map<String, String> json = new LinkedHashMap<>(headers);
    json.put("Content-Type", "application/json");
    exchange.respond(200, json, Json.bytes(replies));
  }

  /** Bytes of a refused body read and dropped, so the client sees the 413 rather than a reset. */
  private static final long DRAIN_BYTES = 16L * 1024 * 1024;

  /**
   * Reads and drops what is left of a refused body, up to {@link #DRAIN_BYTES}: a client still
   * sending when the server answers and closes would otherwise get a connection reset instead of
   * the 413 that names the limit. Beyond that bound the connection is closed regardless.
   */
  private static void drain(InputStream in) {
    long dropped = 0;
    byte[] buffer = new byte[64 * 1024];
    try {
      for (int read; dropped < DRAIN_BYTES && (read = in.read(buffer)) > 0; ) {
        dropped += read;
      }
    } catch (IOException e) {
      // the client went away: the 413 is still the answer
    }
  }

  private static byte[] readBody(HttpExchange exchange, long limit) throws IOException {
    Optional<Long> declared =
        exchange.header("Content-Length").flatMap(StreamableHttpEndpoint::parseLong);
    try (InputStream in = exchange.body()) {
      if (declared.isPresent() && declared.get() > limit) {
        drain(in);
        throw new BodyTooLarge();
      }
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (bytes.length > limit) {
        drain(in);
        throw new BodyTooLarge();
      }
      return bytes;
    }
  }

  private static Optional<Long> parseLong(String value) {
    try {
      return Optional.of(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static final class BodyTooLarge extends IOException {
    private static final long serialVersionUID = 1L;
  }

  private static boolean isJson(String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
    return type.equals("application/json") || type.endsWith("+json");
  }

  private static boolean acceptsEventStream(HttpExchange exchange) {
    return exchange
        .header("Accept")
        .map(accept -> accept.toLowerCase(Locale.ROOT).contains("text/event-stream"))
        .orElse(false);
  }

  private Map<String, String> corsHeaders(HttpExchange exchange) {
    Map<String, String> headers = new LinkedHashMap<>();
    exchange
        .header("Origin")
        .filter(origin -> settings.access().allowsOrigin(origin))
        .ifPresent(
            origin -> {
              headers.put("Access-Control-Allow-Origin", origin);
              headers.put("Access-Control-Expose-Headers", EXPOSED_HEADERS);
              headers.put("Vary", "Origin");
            });
    return headers;
  }

  /** The client's {@code Idempotency-Key} header, when it sent a usable one. */
  private static Attributes withIdempotencyKey(HttpExchange exchange, Attributes attributes) {
    return exchange
        .header("Idempotency-Key")
        .map(String::strip)
        .filter(key -> !key.isEmpty() && key.length() <= 200)
        .map(key -> attributes.with(IdempotencyKey.class, new IdempotencyKey(key)))
        .orElse(attributes);
  }

  /**
   * Who sent a request: a stateless server has no session to tell clients apart, so it uses the
   * credential (a hash of it, never the credential itself), or {@code null} when there is none.
   */
  private static String principal(HttpExchange exchange) {
    return exchange.header("Authorization").map(Canonical::sha256).orElse(null);
  }

  private static void refuse(
      HttpExchange exchange, int status, String message, Map<String, String> headers) {
    send(
        exchange,
        status,
        headers,
        new JsonRpcMessage.Error(null, JsonRpcError.of(ErrorCode.INVALID_REQUEST, message)));
  }

  private static void send(
      HttpExchange exchange, int status, Map<String, String> headers, JsonRpcMessage message) {
    Map<String, String> json = new LinkedHashMap<>(headers);
    json.put("Content-Type", "application/json");
    exchange.respond(status, json, Json.bytes(JsonRpcCodec.encode(message)));
  }
}
