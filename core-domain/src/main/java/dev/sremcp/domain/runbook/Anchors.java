package dev.sremcp.domain.runbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stable anchors for runbook sections: the alert name as a slug ({@code #highhttperrorrate}); the
 * name plus its group when names repeat; plus the values of the labels that tell apart alerts of
 * one name in one group (the burn-rate windows of {@code ErrorBudgetBurn}); a counter as the last
 * resort. Anchors depend on every alert of the input, not on the {@code alerts} filter.
 */
final class Anchors {

  private static final int MAX_SLUG = 80;

  private Anchors() {}

  /** One anchor per rule, in the order given. */
  static List<String> of(List<AlertRule> rules) {
    List<String> anchors = new ArrayList<>();
    for (AlertRule rule : rules) {
      anchors.add(slug(rule.name(), "alert"));
    }
    widen(rules, anchors, rule -> slug(rule.group(), ""));
    Map<String, List<Integer>> same = repeats(anchors);
    for (List<Integer> indexes : same.values()) {
      Set<String> keys = new TreeSet<>();
      indexes.forEach(i -> keys.addAll(rules.get(i).labels().keySet()));
      List<String> differing = new ArrayList<>();
      for (String key : keys) {
        Set<String> values = new HashSet<>();
        indexes.forEach(i -> values.add(rules.get(i).labels().getOrDefault(key, "")));
        if (values.size() > 1) {
          differing.add(key);
        }
      }
      for (int i : indexes) {
        StringBuilder values = new StringBuilder();
        for (String key : differing) {
          values.append(' ').append(rules.get(i).labels().getOrDefault(key, ""));
        }
        String suffix = slug(values.toString(), "");
        if (!suffix.isEmpty()) {
          anchors.set(i, anchors.get(i) + "-" + suffix);
        }
      }
    }
    Set<String> used = new HashSet<>();
    for (int i = 0; i < anchors.size(); i++) {
      String anchor = anchors.get(i);
      for (int n = 2; !used.add(anchor); n++) {
        anchor = anchors.get(i) + "-" + n;
      }
      anchors.set(i, anchor);
    }
    return anchors;
  }

  private static void widen(
      List<AlertRule> rules,
      List<String> anchors,
      java.util.function.Function<AlertRule, String> part) {
    for (List<Integer> indexes : repeats(anchors).values()) {
      for (int i : indexes) {
        String extra = part.apply(rules.get(i));
        if (!extra.isEmpty()) {
          anchors.set(i, anchors.get(i) + "-" + extra);
        }
      }
    }
  }

  private static Map<String, List<Integer>> repeats(List<String> anchors) {
    Map<String, List<Integer>> byAnchor = new HashMap<>();
    for (int i = 0; i < anchors.size(); i++) {
      byAnchor.computeIfAbsent(anchors.get(i), a -> new ArrayList<>()).add(i);
    }
    byAnchor.values().removeIf(indexes -> indexes.size() < 2);
    return byAnchor;
  }

  /** Lower-case letters and digits, other runs of characters as one hyphen. */
  static String slug(String text, String fallback) {
    StringBuilder slug = new StringBuilder();
    for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        slug.append(c);
      } else if (!slug.isEmpty() && slug.charAt(slug.length() - 1) != '-') {
        slug.append('-');
      }
      if (slug.length() >= MAX_SLUG) {
        break;
      }
    }
    while (!slug.isEmpty() && slug.charAt(slug.length() - 1) == '-') {
      slug.setLength(slug.length() - 1);
    }
    return slug.isEmpty() ? fallback : slug.toString();
  }
}
