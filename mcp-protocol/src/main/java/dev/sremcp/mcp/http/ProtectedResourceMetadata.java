package dev.sremcp.mcp.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.Json;
import java.util.Map;
import java.util.Optional;

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728) at both well-known paths MCP clients try: the
 * path-inserted form for the resource {@code <public URL>/mcp}, and the root form for the origin.
 * Every host serves the same documents.
 */
public final class ProtectedResourceMetadata {

  public static final String ROOT = "/.well-known/oauth-protected-resource";
  public static final String MCP_PATH = "/mcp";

  /** The headers of a metadata document. */
  public static final Map<String, String> HEADERS =
      Map.of("Content-Type", "application/json", "Cache-Control", "max-age=300");

  private ProtectedResourceMetadata() {}

  /** The metadata URL a 401's challenge points at. */
  public static String url(String publicUrl) {
    return publicUrl + ROOT + MCP_PATH;
  }

  /**
   * The document served at {@code path}, when {@code path} ends in one of the well-known paths (a
   * host behind a stage or prefix sees it prefixed).
   */
  public static Optional<byte[]> at(String path, String publicUrl) {
    if (path.endsWith(ROOT + MCP_PATH)) {
      return Optional.of(document(publicUrl + MCP_PATH, publicUrl));
    }
    if (path.endsWith(ROOT)) {
      return Optional.of(document(publicUrl, publicUrl));
    }
    return Optional.empty();
  }

  private static byte[] document(String resource, String publicUrl) {
    ObjectNode document =
        Json.object()
            .put("resource", resource)
            .put("resource_name", "sre-mcp")
            .put("resource_documentation", publicUrl + "/v1/openapi.json");
    document.putArray("bearer_methods_supported").add("header");
    document.putArray("scopes_supported");
    return Json.bytes(document);
  }
}
