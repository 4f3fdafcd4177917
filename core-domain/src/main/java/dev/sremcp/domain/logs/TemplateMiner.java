package dev.sremcp.domain.logs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An online template miner: each message, once masked into tokens, joins the most similar template
 * of its length and leading tokens, or starts a new one; where a template's messages differ, the
 * template holds {@code <*>}. This is Drain's fixed-depth tree (He et al., ICWS 2017) over
 * sre-mcp's masking, with one configuration for every log. Memory grows with the number of
 * templates, never with the input: past {@link #maxTemplates}, messages that would start a new
 * template are counted in an overflow template instead.
 */
public final class TemplateMiner {

  /** Leading tokens that route a message in the tree before similarity decides. */
  private static final int PREFIX_TOKENS = 2;

  private static final int MAX_CHILDREN = 100;

  private final double similarity;
  private final int maxTemplates;
  private final Map<Integer, Node> byLength = new HashMap<>();
  private final List<Template> templates = new ArrayList<>();
  private Template overflow;

  /**
   * The one configuration for every log: a message joins a template when it has 70 % of the
   * template's constant tokens in place; at most 10,000 templates.
   */
  public TemplateMiner() {
    this(0.7, 10_000);
  }

  /**
   * @param similarity the share of a template's constant tokens a message must match to join it
   * @param maxTemplates the most templates kept
   */
  public TemplateMiner(double similarity, int maxTemplates) {
    this.similarity = similarity;
    this.maxTemplates = maxTemplates;
  }

  /** Adds one message's masked tokens; returns the template it joined. */
  public Template add(List<String> tokens) {
    Node node = byLength.computeIfAbsent(tokens.size(), length -> new Node());
    for (int depth = 0; depth < Math.min(PREFIX_TOKENS, tokens.size()); depth++) {
      node = node.child(routingKey(tokens.get(depth)));
    }
    Template best = null;
    double bestScore = -1;
    for (Template candidate : node.templates) {
      double score = candidate.similarity(tokens);
      if (score > bestScore || (score == bestScore && candidate.wildcards() > best.wildcards())) {
        best = candidate;
        bestScore = score;
      }
    }
    if (best != null && bestScore >= similarity) {
      best.absorb(tokens);
      return best;
    }
    if (templates.size() >= maxTemplates) {
      if (overflow == null) {
        overflow = new Template(templates.size(), List.of(Masker.WILDCARD));
      }
      overflow.count++;
      return overflow;
    }
    Template created = new Template(templates.size(), tokens);
    created.count = 1;
    templates.add(created);
    node.templates.add(created);
    return created;
  }

  /** The templates in the order they were first seen, without the overflow. */
  public List<Template> templates() {
    return List.copyOf(templates);
  }

  /** Whether {@code template} is the one that counts messages past the template limit. */
  public boolean isOverflow(Template template) {
    return template == overflow;
  }

  /** Messages that found no room for a template of their own. */
  public long overflowed() {
    return overflow == null ? 0 : overflow.count;
  }

  /**
   * Two different tokens as one: what they share before the first delimiter and after the last
   * stays ({@code user=root} and {@code user=admin} give {@code user=<*>}); the rest is {@code
   * <*>}.
   */
  static String merge(String a, String b) {
    int prefix = 0;
    int common = 0;
    int limit = Math.min(a.length(), b.length());
    while (common < limit && a.charAt(common) == b.charAt(common)) {
      if (Masker.isDelimiter(a.charAt(common))) {
        prefix = common + 1;
      }
      common++;
    }
    int suffix = 0;
    int back = 0;
    while (back < limit - prefix
        && a.charAt(a.length() - 1 - back) == b.charAt(b.length() - 1 - back)) {
      if (Masker.isDelimiter(a.charAt(a.length() - 1 - back))) {
        suffix = back + 1;
      }
      back++;
    }
    if (prefix + suffix >= a.length() || prefix + suffix >= b.length()) {
      return Masker.WILDCARD;
    }
    String middle = a.substring(prefix, a.length() - suffix);
    if (middle.equals(Masker.WILDCARD)) {
      return a;
    }
    return a.substring(0, prefix) + Masker.WILDCARD + a.substring(a.length() - suffix);
  }

  private static String routingKey(String token) {
    return Masker.hasWildcard(token) ? Masker.WILDCARD : token;
  }

  private static final class Node {
    private final Map<String, Node> children = new HashMap<>();
    private final List<Template> templates = new ArrayList<>(2);

    Node child(String key) {
      Node child = children.get(key);
      if (child != null) {
        return child;
      }
      if (children.size() < MAX_CHILDREN || key.equals(Masker.WILDCARD)) {
        return children.computeIfAbsent(key, k -> new Node());
      }
      return children.computeIfAbsent(Masker.WILDCARD, k -> new Node());
    }
  }

  /** A template: its tokens, with {@code <*>} where its messages differ, and how many joined it. */
  public static final class Template {
    private final int id;
    private final String[] tokens;
    private long count;

    private Template(int id, List<String> tokens) {
      this.id = id;
      this.tokens = tokens.toArray(String[]::new);
    }

    public int id() {
      return id;
    }

    public long count() {
      return count;
    }

    /** The template as text: its tokens joined by single spaces. */
    public String text() {
      return String.join(" ", tokens);
    }

    /**
     * The share of this template's non-wildcard tokens that {@code message} has in place (a token
     * with a wildcard inside counts when the message's token fits around it).
     */
    double similarity(List<String> message) {
      int same = 0;
      int counted = 0;
      for (int i = 0; i < tokens.length; i++) {
        if (tokens[i].equals(Masker.WILDCARD)) {
          continue;
        }
        counted++;
        if (fits(tokens[i], message.get(i))) {
          same++;
        }
      }
      if (counted == 0) {
        // a template of wildcards only takes only messages of wildcards only
        return message.stream().allMatch(Masker.WILDCARD::equals) ? 1 : 0;
      }
      return (double) same / counted;
    }

    /**
     * Whether a message's token fits a template's: equal, or, where the template's token holds a
     * JSON or logfmt field's value as a wildcard ({@code "tenant":"<*>"}, {@code tenant=<*>}), with
     * the same text around it.
     */
    private static boolean fits(String template, String token) {
      if (template.equals(token)) {
        return true;
      }
      int wildcard = template.indexOf(Masker.WILDCARD);
      if (wildcard < 0) {
        return false;
      }
      String before = template.substring(0, wildcard);
      if (!(before.endsWith("\":") || before.endsWith("\":\"") || before.endsWith("="))
          && !before.endsWith("=\"")) {
        return false; // only a field's value: "tenant":"<*>", tenant=<*>
      }
      String after =
          template.substring(template.lastIndexOf(Masker.WILDCARD) + Masker.WILDCARD.length());
      return token.length() >= before.length() + after.length()
          && token.startsWith(before)
          && token.endsWith(after);
    }

    int wildcards() {
      int n = 0;
      for (String token : tokens) {
        if (token.equals(Masker.WILDCARD)) {
          n++;
        }
      }
      return n;
    }

    void absorb(List<String> message) {
      count++;
      for (int i = 0; i < tokens.length; i++) {
        if (!tokens[i].equals(message.get(i))) {
          tokens[i] = merge(tokens[i], message.get(i));
        }
      }
    }
  }
}
