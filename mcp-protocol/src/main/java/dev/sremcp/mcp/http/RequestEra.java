package dev.sremcp.mcp.http;

import dev.sremcp.mcp.engine.Attributes;
import dev.sremcp.mcp.engine.CallScope;
import dev.sremcp.mcp.engine.Cancellation;
import dev.sremcp.mcp.engine.Envelope;
import dev.sremcp.mcp.engine.LogLevel;
import dev.sremcp.mcp.engine.Outbound;
import dev.sremcp.mcp.engine.ProtocolVersion;
import dev.sremcp.mcp.jsonrpc.ErrorCode;
import dev.sremcp.mcp.jsonrpc.JsonRpcMessage;
import dev.sremcp.mcp.jsonrpc.McpException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Works out which era a POSTed request belongs to, and checks what that era requires of its headers
 * and envelope, in the order the 2026-07-28 revision tests them.
 *
 * <p>A request is modern when its {@code _meta} carries a protocol version, or when its {@code
 * MCP-Protocol-Version} header names a version that is not a legacy one; everything else (an {@code
 * initialize}, a legacy header, no header) is legacy. A legacy request without a header is read as
 * 2025-03-26, as the 2025 revisions ask.
 */
final class RequestEra {

  private RequestEra() {}

  /**
   * @param outbound the request's channel to the client, given whether server-to-client requests
   *     are allowed (legacy only)
   */
  static CallScope scope(
      HttpExchange exchange,
      JsonRpcMessage.Request request,
      Function<Boolean, Outbound> outbound,
      Cancellation cancellation,
      String principal,
      Attributes attributes,
      Map<String, String> responseHeaders,
      LogLevel legacyLogLevel) {
    Optional<String> header = exchange.header("MCP-Protocol-Version").map(String::strip);
    Optional<ProtocolVersion> legacyHeader =
        header.flatMap(ProtocolVersion::parse).filter(version -> !version.isModern());
    boolean modern =
        Envelope.isPresent(request.params()) || (header.isPresent() && legacyHeader.isEmpty());
    if (!modern) {
      ProtocolVersion version =
          legacyHeader.orElse(
              "initialize".equals(request.method())
                  ? ProtocolVersion.LATEST_LEGACY
                  : ProtocolVersion.V2025_03_26);
      return new CallScope(
          version,
          null,
          legacyLogLevel,
          outbound.apply(true),
          cancellation,
          principal,
          attributes,
          responseHeaders);
    }
    if (header.isEmpty()) {
      throw headerMismatch(
          "the MCP-Protocol-Version header is required in protocol version 2026-07-28");
    }
    Envelope envelope = Envelope.read(request.params());
    if (!header.get().equals(envelope.protocolVersion())) {
      throw headerMismatch(
          "the MCP-Protocol-Version header ("
              + header.get()
              + ") differs from params._meta."
              + Envelope.PROTOCOL_VERSION
              + " ("
              + envelope.protocolVersion()
              + ")");
    }
    ProtocolVersion version = envelope.version();
    checkHeader(exchange, "Mcp-Method", request.method());
    String name =
        switch (request.method()) {
          case "tools/call", "prompts/get" -> request.params().path("name").asText(null);
          case "resources/read" -> request.params().path("uri").asText(null);
          default -> null;
        };
    if (name != null) {
      checkHeader(exchange, "Mcp-Name", name);
    }
    return new CallScope(
        version,
        envelope,
        null,
        outbound.apply(false),
        cancellation,
        principal,
        attributes,
        responseHeaders);
  }

  private static void checkHeader(HttpExchange exchange, String name, String expected) {
    String given =
        exchange
            .header(name)
            .orElseThrow(
                () ->
                    headerMismatch(
                        "the " + name + " header is required in protocol version 2026-07-28"));
    if (!HeaderValues.decode(given).map(expected::equals).orElse(false)) {
      throw headerMismatch(
          "the " + name + " header (" + given + ") differs from the body (" + expected + ")");
    }
  }

  private static McpException headerMismatch(String message) {
    return McpException.of(ErrorCode.HEADER_MISMATCH, "Header mismatch: " + message, null, 400);
  }
}
