package dev.sremcp.domain.tool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The arguments of a call, as plain JSON-shaped Java values ({@code Map}, {@code List}, {@code
 * String}, {@code Number}, {@code Boolean}), read by name with clear errors.
 *
 * <p>Callers usually validate arguments against the tool's JSON Schema first; these checks are what
 * a library caller that skipped it still gets.
 */
public final class Arguments {

  private final Map<String, ?> values;
  private final String path;

  private Arguments(Map<String, ?> values, String path) {
    this.values = Map.copyOf(withoutNulls(values));
    this.path = path;
  }

  public static Arguments of(Map<String, ?> values) {
    return new Arguments(values, "");
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public Optional<String> string(String name) {
    Object value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String text) {
      return Optional.of(text);
    }
    if (value instanceof TextSource source) {
      return Optional.of(readWhole(name, source));
    }
    throw mistyped(name, "a string", value);
  }

  /**
   * A text argument as a stream, for analyzers that read line by line: a string of the call, or a
   * {@link TextSource} a host streams from a file.
   */
  public Optional<TextSource> text(String name) {
    Object value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof TextSource source) {
      return Optional.of(source);
    }
    if (value instanceof String text) {
      return Optional.of(TextSource.of(text));
    }
    throw mistyped(name, "a string", value);
  }

  public TextSource requiredText(String name) {
    return text(name).orElseThrow(() -> missing(name));
  }

  /** The most characters a streamed text is read into memory as one string. */
  static final int MAX_WHOLE_TEXT = 64 * 1024 * 1024;

  private String readWhole(String name, TextSource source) {
    try (java.io.Reader reader = source.open()) {
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[8192];
      for (int n; (n = reader.read(buffer)) >= 0; ) {
        text.append(buffer, 0, n);
        if (text.length() > MAX_WHOLE_TEXT) {
          throw new InvalidArgumentsException(
              qualified(name) + " is longer than the limit of " + MAX_WHOLE_TEXT + " characters");
        }
      }
      return text.toString();
    } catch (java.io.IOException e) {
      throw new InvalidArgumentsException(
          qualified(name) + " could not be read: " + e.getMessage());
    }
  }

  public String requiredString(String name) {
    return string(name).orElseThrow(() -> missing(name));
  }

  public OptionalDouble number(String name) {
    Object value = values.get(name);
    if (value == null) {
      return OptionalDouble.empty();
    }
    if (value instanceof Number number) {
      double result = number.doubleValue();
      if (!Double.isFinite(result)) {
        throw new InvalidArgumentsException(qualified(name) + " must be a finite number");
      }
      return OptionalDouble.of(result);
    }
    throw mistyped(name, "a number", value);
  }

  public double requiredNumber(String name) {
    return number(name).orElseThrow(() -> missing(name));
  }

  /** The number exactly as given, for arguments such as percentages where decimals matter. */
  public Optional<Number> exactNumber(String name) {
    Object value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Number number) {
      return Optional.of(number);
    }
    throw mistyped(name, "a number", value);
  }

  public boolean flag(String name, boolean absent) {
    Object value = values.get(name);
    if (value == null) {
      return absent;
    }
    if (value instanceof Boolean bool) {
      return bool;
    }
    throw mistyped(name, "true or false", value);
  }

  /** A list of objects, each read as arguments of its own; empty when absent. */
  public List<Arguments> objects(String name) {
    Object value = values.get(name);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw mistyped(name, "an array of objects", value);
    }
    List<Arguments> result = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      String itemPath = qualified(name) + "[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> item)) {
        throw new InvalidArgumentsException(itemPath + " must be an object");
      }
      result.add(new Arguments(stringKeys(item, itemPath), itemPath + "."));
    }
    return result;
  }

  /** A list of strings; empty when absent. */
  public List<String> strings(String name) {
    Object value = values.get(name);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw mistyped(name, "an array of strings", value);
    }
    List<String> result = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof String item)) {
        throw new InvalidArgumentsException(qualified(name) + "[" + i + "] must be a string");
      }
      result.add(item);
    }
    return result;
  }

  /** The raw value, for arguments that take several shapes. */
  public Optional<Object> raw(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The argument's name as an error message should show it, e.g. {@code series[3].good}. */
  public String qualified(String name) {
    return path + name;
  }

  private InvalidArgumentsException missing(String name) {
    return new InvalidArgumentsException(qualified(name) + " is required");
  }

  private InvalidArgumentsException mistyped(String name, String expected, Object value) {
    return new InvalidArgumentsException(
        qualified(name) + " must be " + expected + ", not " + describe(value));
  }

  private static String describe(Object value) {
    return switch (value) {
      case String s -> "a string";
      case Number n -> "a number";
      case Boolean b -> "a boolean";
      case List<?> l -> "an array";
      case Map<?, ?> m -> "an object";
      case TextSource t -> "a text";
      default -> value.getClass().getSimpleName();
    };
  }

  private static Map<String, ?> stringKeys(Map<?, ?> map, String path) {
    for (Object key : map.keySet()) {
      if (!(key instanceof String)) {
        throw new InvalidArgumentsException(path + " has a key that is not a string");
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, ?> result = (Map<String, ?>) map;
    return result;
  }

  /** JSON nulls read as absent arguments. */
  private static Map<String, ?> withoutNulls(Map<String, ?> map) {
    Map<String, Object> copy = new HashMap<>();
    map.forEach(
        (key, value) -> {
          if (value != null) {
            copy.put(key, value);
          }
        });
    return copy;
  }
}
