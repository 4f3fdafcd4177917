package dev.sremcp.mcp.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sremcp.mcp.jsonrpc.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** JSON written the same way whatever the order of its fields, and hashes of text. */
public final class Canonical {

  private Canonical() {}

  /** {@code node} with the fields of every object sorted by name, on one line. */
  static String json(JsonNode node) {
    return Json.text(Json.tree(sorted(node)));
  }

  private static Object sorted(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> fields = new TreeMap<>();
      node.properties().forEach(field -> fields.put(field.getKey(), sorted(field.getValue())));
      return fields;
    }
    if (node.isArray()) {
      var items = new java.util.ArrayList<Object>(node.size());
      node.forEach(item -> items.add(sorted(item)));
      return items;
    }
    return node;
  }

  /** The SHA-256 of {@code text} as hex. */
  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The SHA-256 of {@code bytes} as hex. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
