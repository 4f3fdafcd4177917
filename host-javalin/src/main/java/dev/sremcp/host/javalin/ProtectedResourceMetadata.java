package dev.sremcp.host.javalin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.Json;
import io.javalin.config.JavalinConfig;
import java.nio.charset.StandardCharsets;

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728) at both well-known paths MCP clients try: the
 * path-inserted form for the resource {@code <public URL>/mcp}, and the root form for the origin.
 */
final class ProtectedResourceMetadata {

  static final String ROOT = "/.well-known/oauth-protected-resource";

  private ProtectedResourceMetadata() {}

  static String url(String publicUrl) {
    return publicUrl + ROOT + HttpHost.MCP_PATH;
  }

  static void register(JavalinConfig config, String publicUrl) {
    config.routes.get(
        ROOT + HttpHost.MCP_PATH,
        context -> send(context, publicUrl + HttpHost.MCP_PATH, publicUrl));
    config.routes.get(ROOT, context -> send(context, publicUrl, publicUrl));
  }

  private static void send(io.javalin.http.Context context, String resource, String publicUrl) {
    ObjectNode document =
        Json.object()
            .put("resource", resource)
            .put("resource_name", "sre-mcp")
            .put("resource_documentation", publicUrl + "/v1/openapi.json");
    document.putArray("bearer_methods_supported").add("header");
    document.putArray("scopes_supported");
    context
        .contentType("application/json")
        .header("Cache-Control", "max-age=300")
        .result(new String(Json.bytes(document), StandardCharsets.UTF_8));
  }
}
