package dev.sremcp.domain.redaction;

import java.util.EnumMap;
import java.util.Map;

/**
 * What a redaction replaced, by kind: counts only, never a value, so it can be shown and logged.
 *
 * @param counts the number of spans replaced, by kind; kinds with none are absent
 */
public record Receipt(Map<SecretKind, Integer> counts) {

  public Receipt {
    counts = counts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(counts));
  }

  /** Spans replaced in all. */
  public int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
