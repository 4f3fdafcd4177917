package dev.sremcp.mcp.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a transport established about a request's sender (an authenticated caller, an idempotency
 * key), by type: the engine carries it to handlers without knowing what it is.
 */
public final class Attributes {

  public static final Attributes NONE = new Attributes(Map.of());

  private final Map<Class<?>, Object> values;

  private Attributes(Map<Class<?>, Object> values) {
    this.values = Map.copyOf(values);
  }

  public static <T> Attributes of(Class<T> type, T value) {
    return NONE.with(type, value);
  }

  public <T> Attributes with(Class<T> type, T value) {
    Map<Class<?>, Object> next = new HashMap<>(values);
    next.put(type, type.cast(value));
    return new Attributes(next);
  }

  public <T> Optional<T> get(Class<T> type) {
    return Optional.ofNullable(type.cast(values.get(type)));
  }
}
