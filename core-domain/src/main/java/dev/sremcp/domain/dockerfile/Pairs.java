package dev.sremcp.domain.dockerfile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code key=value} pairs of {@code ENV}, {@code ARG} and {@code LABEL}, and the legacy {@code
 * ENV key value} form; quotes removed.
 */
final class Pairs {

  private Pairs() {}

  static Map<String, String> of(String text) {
    Map<String, String> pairs = new LinkedHashMap<>();
    List<String> words = Shell.words(text);
    if (words.isEmpty()) {
      return pairs;
    }
    if (!words.getFirst().contains("=")) {
      if (words.size() == 1) {
        pairs.put(words.getFirst(), "");
      } else {
        int space = text.strip().indexOf(' ');
        pairs.put(words.getFirst(), Shell.unquote(text.strip().substring(space + 1).strip()));
      }
      return pairs;
    }
    for (String word : words) {
      int equals = word.indexOf('=');
      if (equals > 0) {
        pairs.put(word.substring(0, equals), word.substring(equals + 1));
      } else if (!word.isEmpty()) {
        pairs.put(word, "");
      }
    }
    return pairs;
  }
}
