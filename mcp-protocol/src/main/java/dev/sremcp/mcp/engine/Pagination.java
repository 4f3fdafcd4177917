package dev.sremcp.mcp.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.jsonrpc.McpException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** Opaque cursors over a list in a stable order, for every {@code *\/list} method. */
final class Pagination {

  private static final String PREFIX = "offset:";

  private Pagination() {}

  /** The page of {@code items} that {@code params.cursor} points at, and the next cursor. */
  static <T> Page<T> page(List<T> items, ObjectNode params, int pageSize) {
    int offset = offset(params.get("cursor"), items.size());
    int end = Math.min(items.size(), offset + pageSize);
    String next = end < items.size() ? cursor(end) : null;
    return new Page<>(items.subList(offset, end), next);
  }

  record Page<T>(List<T> items, String nextCursor) {}

  /**
   * A {@code *\/list} result: one page of {@code items} under {@code field}, and the next cursor.
   */
  static <T> ObjectNode listResult(
      String field, List<T> items, ObjectNode params, int pageSize, Function<T, ObjectNode> json) {
    Page<T> page = page(items, params, pageSize);
    ObjectNode result = Json.object();
    ArrayNode list = result.putArray(field);
    page.items().forEach(item -> list.add(json.apply(item)));
    if (page.nextCursor() != null) {
      result.put("nextCursor", page.nextCursor());
    }
    return result;
  }

  static String cursor(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(JsonNode cursor, int size) {
    if (cursor == null || cursor.isNull()) {
      return 0;
    }
    try {
      String text =
          new String(Base64.getUrlDecoder().decode(cursor.asText()), StandardCharsets.UTF_8);
      if (cursor.isTextual() && text.startsWith(PREFIX)) {
        int offset = Integer.parseInt(text.substring(PREFIX.length()));
        if (offset >= 0 && offset <= size) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below; NumberFormatException is an IllegalArgumentException
    }
    throw McpException.invalidParams(
        "Invalid cursor: pass back the nextCursor of the previous page unchanged");
  }
}
