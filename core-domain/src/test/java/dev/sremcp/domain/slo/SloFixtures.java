package dev.sremcp.domain.slo;

import dev.sremcp.domain.tool.Arguments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the argument files under {@code src/test/resources/slo} into plain JSON-shaped values, with
 * a deliberately small JSON reader: core-domain has no JSON library, and its tests should not need
 * one either.
 */
final class SloFixtures {

  private SloFixtures() {}

  static Arguments arguments(String file) {
    try (InputStream in = SloFixtures.class.getResourceAsStream("/slo/" + file)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> values =
          (Map<String, Object>)
              new MiniJson(new String(in.readAllBytes(), StandardCharsets.UTF_8)).value();
      return Arguments.of(values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Valid counts arguments (99.9% over 30d, 90 of 100 good), changed by name/value pairs; a null
   * value removes the argument.
   */
  static Map<String, Object> counts(Object... pairs) {
    Map<String, Object> values =
        new HashMap<>(Map.of("target", 99.9, "window", "30d", "good", 90, "total", 100));
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] == null) {
        values.remove((String) pairs[i]);
      } else {
        values.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return values;
  }

  /** Enough JSON for test fixtures: objects, arrays, strings without escapes, numbers, booleans. */
  private static final class MiniJson {
    private final String text;
    private int at;

    MiniJson(String text) {
      this.text = text;
    }

    Object value() {
      skip();
      char c = text.charAt(at);
      if (c == '{') {
        Map<String, Object> object = new LinkedHashMap<>();
        at++;
        skip();
        while (text.charAt(at) != '}') {
          String key = (String) value();
          skip();
          at++; // ':'
          object.put(key, value());
          skip();
          if (text.charAt(at) == ',') {
            at++;
            skip();
          }
        }
        at++;
        return object;
      }
      if (c == '[') {
        List<Object> array = new ArrayList<>();
        at++;
        skip();
        while (text.charAt(at) != ']') {
          array.add(value());
          skip();
          if (text.charAt(at) == ',') {
            at++;
            skip();
          }
        }
        at++;
        return array;
      }
      if (c == '"') {
        StringBuilder string = new StringBuilder();
        at++;
        while (text.charAt(at) != '"') {
          if (text.charAt(at) == '\\') {
            at++;
          }
          string.append(text.charAt(at++));
        }
        at++;
        return string.toString();
      }
      if (text.startsWith("true", at) || text.startsWith("false", at)) {
        boolean value = text.startsWith("true", at);
        at += value ? 4 : 5;
        return value;
      }
      int start = at;
      while (at < text.length() && "-+.eE0123456789".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
      String number = text.substring(start, at);
      return number.contains(".") || number.contains("e")
          ? (Object) Double.parseDouble(number)
          : (Object) Long.parseLong(number);
    }

    private void skip() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }
  }
}
