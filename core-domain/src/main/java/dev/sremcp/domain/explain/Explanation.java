package dev.sremcp.domain.explain;

import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.Evidence;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.report.Severity;
import dev.sremcp.domain.report.Source;
import dev.sremcp.domain.report.Truncation;
import dev.sremcp.domain.tree.ListNode;
import dev.sremcp.domain.tree.MapNode;
import dev.sremcp.domain.tree.Node;
import dev.sremcp.domain.tree.ScalarNode;
import dev.sremcp.domain.tree.Yaml;
import dev.sremcp.domain.tree.YamlException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A reply of the language model that passed validation: a summary, notes on findings, and
 * hypotheses that each cite findings of the evidence pack. The model never decides alone: its
 * hypotheses become findings marked {@code source: llm}, with a confidence of at most {@link
 * #MAX_CONFIDENCE}, resting on the deterministic findings they cite.
 */
public record Explanation(String summary, List<Note> notes, List<Hypothesis> hypotheses) {

  /** The rule id of every finding the model proposes. */
  public static final String HYPOTHESIS_RULE = "llm.hypothesis";

  /** A model's hypothesis is never more certain than this. */
  public static final double MAX_CONFIDENCE = 0.8;

  static final int MAX_HYPOTHESES = 5;
  static final int MAX_NOTES = EvidencePack.MAX_FINDINGS;
  private static final int MAX_REPLY_CHARS = 64_000;

  public Explanation {
    Objects.requireNonNull(summary, "summary");
    notes = List.copyOf(notes);
    hypotheses = List.copyOf(hypotheses);
  }

  /** What the model said of one finding. */
  public record Note(String finding, String explanation, String fix) {}

  /** A likely cause the model proposes, and the findings it rests on. */
  public record Hypothesis(
      String title, String explanation, double confidence, List<String> evidence) {
    public Hypothesis {
      evidence = List.copyOf(evidence);
    }
  }

  /** A reply read against its evidence pack. */
  public sealed interface Parsed {
    /** The reply matches the schema and cites only what the pack shows. */
    record Valid(Explanation explanation) implements Parsed {}

    /** What is wrong with the reply, in words the model can act on in a repair. */
    record Invalid(String problem) implements Parsed {}
  }

  /**
   * Reads a reply: one JSON object matching {@link Prompts#REPLY_SCHEMA}, possibly inside a
   * Markdown code fence, whose labels all name findings of {@code pack}.
   */
  public static Parsed parse(String reply, EvidencePack pack) {
    if (reply == null || reply.isBlank()) {
      return new Parsed.Invalid("the reply was empty");
    }
    if (reply.length() > MAX_REPLY_CHARS) {
      return new Parsed.Invalid("the reply was longer than " + MAX_REPLY_CHARS + " characters");
    }
    int start = reply.indexOf('{');
    int end = reply.lastIndexOf('}');
    if (start < 0 || end < start) {
      return new Parsed.Invalid("the reply held no JSON object");
    }
    Node root;
    try {
      root = Yaml.parse(reply.substring(start, end + 1));
    } catch (YamlException | IllegalArgumentException e) {
      return new Parsed.Invalid("the reply was not valid JSON: " + e.getMessage());
    }
    if (!(root instanceof MapNode object)) {
      return new Parsed.Invalid("the reply was not a JSON object");
    }
    try {
      return new Parsed.Valid(read(object, pack));
    } catch (IllegalArgumentException e) {
      return new Parsed.Invalid(e.getMessage());
    }
  }

  private static Explanation read(MapNode object, EvidencePack pack) {
    String summary = text(object, "summary", true, 2_000);
    if (summary.isBlank()) {
      throw new IllegalArgumentException("\"summary\" was empty");
    }
    List<Note> notes = new ArrayList<>();
    for (MapNode item : objects(object, "notes", MAX_NOTES)) {
      String finding = text(item, "finding", true, 8);
      if (pack.finding(finding).isEmpty()) {
        throw new IllegalArgumentException(
            "a note names \"" + finding + "\", which is not a finding label of the evidence");
      }
      notes.add(
          new Note(
              finding, text(item, "explanation", true, 1_500), text(item, "fix", false, 1_500)));
    }
    List<Hypothesis> hypotheses = new ArrayList<>();
    for (MapNode item : objects(object, "hypotheses", MAX_HYPOTHESES)) {
      Set<String> cited = new LinkedHashSet<>();
      for (Node label : list(item, "evidence", EvidencePack.MAX_FINDINGS)) {
        String id = label instanceof ScalarNode scalar ? scalar.value().strip() : "";
        if (pack.finding(id).isEmpty()) {
          throw new IllegalArgumentException(
              "a hypothesis cites \"" + id + "\", which is not a finding label of the evidence");
        }
        cited.add(id);
      }
      if (cited.isEmpty()) {
        throw new IllegalArgumentException("a hypothesis cites no finding");
      }
      hypotheses.add(
          new Hypothesis(
              text(item, "title", true, 200),
              text(item, "explanation", true, 1_500),
              confidence(item),
              List.copyOf(cited)));
    }
    return new Explanation(summary, notes, hypotheses);
  }

  /**
   * The analysis with this explanation's hypotheses added as findings ({@code source: llm}), their
   * text passed through {@code restore} (which maps redaction placeholders back to what the user
   * sent).
   */
  public Analysis applyTo(Analysis analysis, EvidencePack pack, UnaryOperator<String> restore) {
    if (hypotheses.isEmpty()) {
      return analysis;
    }
    List<Finding> findings = new ArrayList<>(analysis.findings());
    for (Hypothesis hypothesis : hypotheses) {
      List<Finding> grounds =
          hypothesis.evidence().stream().map(pack::finding).flatMap(Optional::stream).toList();
      Severity severity =
          grounds.stream().map(Finding::severity).min(Enum::compareTo).orElse(Severity.INFO);
      List<Evidence> evidence = new ArrayList<>();
      for (int i = 0; i < grounds.size(); i++) {
        Finding ground = grounds.get(i);
        String label = hypothesis.evidence().get(i) + " " + ground.ruleId();
        evidence.add(
            ground.evidence().isEmpty()
                ? Evidence.of("finding " + label, ground.title())
                : ground.evidence().getFirst());
      }
      findings.add(
          new Finding(
              HYPOTHESIS_RULE,
              severity,
              restore.apply(hypothesis.title()),
              restore.apply(hypothesis.explanation())
                  + " (rests on "
                  + String.join(
                      ", ", grounds.stream().map(g -> labelOf(pack, g) + " " + g.ruleId()).toList())
                  + ")",
              evidence,
              Math.min(MAX_CONFIDENCE, hypothesis.confidence()),
              Source.LLM,
              null));
    }
    Truncation truncation = analysis.truncation();
    int added = hypotheses.size();
    return new Analysis(
        analysis.summary(),
        findings,
        new Truncation(
            truncation.returned() + added,
            truncation.limit() + added,
            truncation.truncated(),
            truncation.totalScanned(),
            truncation.nextCursor()),
        analysis.details());
  }

  /** The explanation as Markdown for the user, placeholders restored. */
  public String toMarkdown(EvidencePack pack, UnaryOperator<String> restore) {
    StringBuilder text = new StringBuilder(restore.apply(summary)).append('\n');
    for (Note note : notes) {
      Finding finding = pack.finding(note.finding()).orElseThrow();
      text.append("\n- **")
          .append(finding.ruleId())
          .append("**: ")
          .append(restore.apply(note.explanation()));
      if (note.fix() != null && !note.fix().isBlank()) {
        text.append(" Fix: ").append(restore.apply(note.fix()));
      }
    }
    return text.toString().strip();
  }

  private static String labelOf(EvidencePack pack, Finding finding) {
    return "F" + (pack.cited().indexOf(finding) + 1);
  }

  private static double confidence(MapNode item) {
    Node node = item.get("confidence").orElse(null);
    Optional<BigDecimal> number =
        node instanceof ScalarNode scalar ? scalar.asNumber() : Optional.empty();
    if (number.isEmpty()) {
      throw new IllegalArgumentException("a hypothesis's \"confidence\" was not a number");
    }
    double value = number.get().doubleValue();
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(
          "a hypothesis's \"confidence\" was " + value + ", outside 0 to 1");
    }
    return value;
  }

  private static String text(MapNode object, String field, boolean required, int max) {
    Optional<Node> node = object.get(field);
    if (node.isEmpty() || node.get() instanceof ScalarNode scalar && scalar.isNull()) {
      if (required) {
        throw new IllegalArgumentException("\"" + field + "\" was missing");
      }
      return null;
    }
    if (!(node.get() instanceof ScalarNode scalar)) {
      throw new IllegalArgumentException("\"" + field + "\" was not a string");
    }
    return EvidencePack.clip(scalar.value(), max);
  }

  private static List<Node> list(MapNode object, String field, int max) {
    Node node =
        object
            .get(field)
            .orElseThrow(() -> new IllegalArgumentException("\"" + field + "\" was missing"));
    if (!(node instanceof ListNode list)) {
      throw new IllegalArgumentException("\"" + field + "\" was not a list");
    }
    if (list.items().size() > max) {
      throw new IllegalArgumentException(
          "\"" + field + "\" had " + list.items().size() + " items; the most is " + max);
    }
    return list.items();
  }

  private static List<MapNode> objects(MapNode object, String field, int max) {
    List<MapNode> items = new ArrayList<>();
    for (Node node : list(object, field, max)) {
      if (!(node instanceof MapNode item)) {
        throw new IllegalArgumentException("an item of \"" + field + "\" was not an object");
      }
      items.add(item);
    }
    return items;
  }
}
