package dev.sremcp.mcp.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.spi.Implementation;

/** {@code initialize} (legacy) and {@code server/discover} (2026-07-28): who the server is. */
final class LifecycleMethods {

  private final Implementation serverInfo;
  private final String instructions;
  private final Catalog catalog;

  LifecycleMethods(Implementation serverInfo, String instructions, Catalog catalog) {
    this.serverInfo = serverInfo;
    this.instructions = instructions;
    this.catalog = catalog;
  }

  /** The requested version when it is a legacy one we speak, else our latest legacy version. */
  ObjectNode initialize(ObjectNode params) {
    String requested = McpServer.requiredText(params, "protocolVersion");
    ProtocolVersion version =
        ProtocolVersion.parse(requested)
            .filter(v -> !v.isModern())
            .orElse(ProtocolVersion.LATEST_LEGACY);
    ObjectNode result = Json.object().put("protocolVersion", version.id());
    result.set("capabilities", capabilities(false));
    result.set("serverInfo", serverInfo.toJson());
    if (instructions != null) {
      result.put("instructions", instructions);
    }
    return result;
  }

  ObjectNode discover() {
    ObjectNode result = Json.object();
    ArrayNode versions = result.putArray("supportedVersions");
    ProtocolVersion.modernIds().forEach(versions::add);
    result.set("capabilities", capabilities(true));
    if (instructions != null) {
      result.put("instructions", instructions);
    }
    return result;
  }

  /**
   * What the catalog offers. No {@code listChanged}: the catalog is fixed when the server is built.
   * Legacy clients may subscribe to resources, which never change.
   */
  private ObjectNode capabilities(boolean modern) {
    ObjectNode capabilities = Json.object();
    capabilities.putObject("tools");
    if (catalog.hasResources()) {
      ObjectNode resources = capabilities.putObject("resources");
      if (!modern) {
        resources.put("subscribe", true);
      }
    }
    if (catalog.hasPrompts()) {
      capabilities.putObject("prompts");
    }
    if (catalog.completions() != null) {
      capabilities.putObject("completions");
    }
    capabilities.putObject("logging");
    return capabilities;
  }
}
