package dev.sremcp.mcp.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The handler needs the client's answers to these requests before it can finish. The client retries
 * with the answers under the same keys.
 *
 * @param state what the handler needs to resume, or {@code null}; the engine signs it, so the
 *     handler gets back exactly what it gave, or the retry fails
 */
public record InputRequired(Map<String, InputRequest> requests, String state)
    implements ToolResult, PromptResult {

  public InputRequired {
    Objects.requireNonNull(requests, "requests");
    if (requests.isEmpty() && state == null) {
      throw new IllegalArgumentException("input-required needs requests or state");
    }
    requests = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requests));
  }

  public static InputRequired of(String key, InputRequest request) {
    return new InputRequired(Map.of(key, request), null);
  }
}
