package dev.sremcp.mcp.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.ErrorCode;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.jsonrpc.McpException;

/**
 * The per-request {@code _meta} envelope of the 2026-07-28 revision.
 *
 * @param protocolVersion the version the client asks for, as written (it may be one we do not
 *     speak)
 * @param logLevel the least severe log notification the client wants, or {@code null} for none
 */
public record Envelope(String protocolVersion, ObjectNode clientCapabilities, LogLevel logLevel) {

  public static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
  public static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
  public static final String LOG_LEVEL = "io.modelcontextprotocol/logLevel";
  public static final String SERVER_INFO = "io.modelcontextprotocol/serverInfo";

  /** Whether a request carries the modern envelope at all. */
  public static boolean isPresent(ObjectNode params) {
    return params.path("_meta").has(PROTOCOL_VERSION);
  }

  /**
   * Reads the envelope; a missing or malformed required field is -32602 with HTTP 400, as the
   * 2026-07-28 revision requires.
   */
  public static Envelope read(ObjectNode params) {
    if (!(params.get("_meta") instanceof ObjectNode meta)) {
      throw McpException.badEnvelope(
          "params._meta is required in protocol version 2026-07-28: it carries "
              + PROTOCOL_VERSION
              + " and "
              + CLIENT_CAPABILITIES);
    }
    JsonNode version = meta.get(PROTOCOL_VERSION);
    if (version == null || !version.isTextual()) {
      throw McpException.badEnvelope(
          "params._meta." + PROTOCOL_VERSION + " is required (a string)");
    }
    if (!(meta.get(CLIENT_CAPABILITIES) instanceof ObjectNode capabilities)) {
      throw McpException.badEnvelope(
          "params._meta." + CLIENT_CAPABILITIES + " is required (an object; {} declares none)");
    }
    LogLevel level = null;
    JsonNode levelNode = meta.get(LOG_LEVEL);
    if (levelNode != null && !levelNode.isNull()) {
      level =
          LogLevel.parse(levelNode.asText())
              .orElseThrow(
                  () ->
                      McpException.badEnvelope(
                          "params._meta."
                              + LOG_LEVEL
                              + " must be one of debug, info, notice, warning, error, critical,"
                              + " alert, emergency"));
    }
    return new Envelope(version.textValue(), capabilities, level);
  }

  /**
   * The version the envelope asks for, if it is one this server speaks per request; otherwise
   * -32022 with HTTP 400, listing the versions it does speak.
   */
  public ProtocolVersion version() {
    return ProtocolVersion.parse(protocolVersion)
        .filter(ProtocolVersion::isModern)
        .orElseThrow(
            () -> {
              ObjectNode data = Json.object();
              ArrayNode supported = data.putArray("supported");
              ProtocolVersion.modernIds().forEach(supported::add);
              data.put("requested", protocolVersion);
              return McpException.of(
                  ErrorCode.UNSUPPORTED_PROTOCOL_VERSION,
                  "Unsupported protocol version: "
                      + protocolVersion
                      + ". This server speaks "
                      + String.join(", ", ProtocolVersion.modernIds())
                      + " per request, and "
                      + String.join(", ", ProtocolVersion.legacyIds())
                      + " through initialize",
                  data,
                  400);
            });
  }

  /** The request's progress token (string or integer), or {@code null} when it asked for none. */
  public static JsonNode progressToken(ObjectNode params) {
    JsonNode token = params.path("_meta").get("progressToken");
    return token != null && (token.isTextual() || token.isIntegralNumber()) ? token : null;
  }
}
