package dev.sremcp.mcp.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Suggests values for a prompt argument or a resource-template variable as the user types. */
@FunctionalInterface
public interface CompletionProvider {

  /**
   * @param ref what is being completed: {@code {type: "ref/prompt", name}} or {@code {type:
   *     "ref/resource", uri}}
   * @param context the values of the other arguments, possibly empty
   */
  Completion complete(ObjectNode ref, String argument, String value, ObjectNode context);

  /** At most 100 values; {@code total} and {@code hasMore} describe the rest. */
  record Completion(List<String> values, Integer total, boolean hasMore) {
    public Completion {
      values = List.copyOf(values);
      if (values.size() > 100) {
        throw new IllegalArgumentException("a completion carries at most 100 values");
      }
    }
  }
}
