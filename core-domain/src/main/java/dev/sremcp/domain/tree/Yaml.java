package dev.sremcp.domain.tree;

import java.util.List;
import java.util.Objects;

/**
 * Reads YAML 1.2 streams (and so JSON) into {@link Node}s with their lines, bounded against hostile
 * input: collections nest at most {@link Limits#maxDepth()} deep, and a document may stand for at
 * most {@link Limits#maxNodes()} nodes once aliases are expanded, so alias bombs are refused before
 * they cost anything. Aliases share the node of their anchor rather than copying it.
 *
 * <p>Not supported, and refused with a clear error: complex keys ({@code ? key}). Tags are kept but
 * not resolved; scalars are typed by the reader ({@link ScalarNode#asBoolean()} and the like).
 */
public final class Yaml {

  /**
   * Bounds on one parse.
   *
   * @param maxDepth how deep collections may nest
   * @param maxNodes how many nodes one document may stand for, aliases expanded, a scalar counting
   *     one node per 64 characters
   */
  public record Limits(int maxDepth, long maxNodes) {
    public static final Limits DEFAULT = new Limits(100, 1_000_000);

    public Limits {
      if (maxDepth < 1 || maxNodes < 1) {
        throw new IllegalArgumentException("limits must be positive");
      }
    }
  }

  /**
   * One document of a stream.
   *
   * @param root the document's content; an empty plain scalar for an empty document
   * @param line the line where the document starts
   */
  public record Document(Node root, int line) {
    public Document {
      Objects.requireNonNull(root, "root");
    }

    /** True when the document holds nothing (only comments, or nothing at all). */
    public boolean isEmpty() {
      return root instanceof ScalarNode scalar && scalar.isNull();
    }
  }

  private Yaml() {}

  /** Every document of a YAML stream, within the default limits. */
  public static List<Document> parseAll(String text) {
    return parseAll(text, Limits.DEFAULT);
  }

  /** Every document of a YAML stream. */
  public static List<Document> parseAll(String text, Limits limits) {
    return new YamlParser(text, limits).documents();
  }

  /** The one document of a YAML or JSON text; an error if it holds more than one. */
  public static Node parse(String text) {
    List<Document> documents = parseAll(text);
    if (documents.size() > 1) {
      throw new YamlException(
          "expected one document, found " + documents.size(), documents.get(1).line(), 1);
    }
    return documents.isEmpty() ? ScalarNode.plain("", 1, 1) : documents.getFirst().root();
  }
}
