package dev.sremcp.domain.terraform;

import dev.sremcp.domain.hcl.HclAttribute;
import dev.sremcp.domain.hcl.HclBlock;
import dev.sremcp.domain.hcl.HclBody;
import dev.sremcp.domain.hcl.HclExpr;
import dev.sremcp.domain.tree.ListNode;
import dev.sremcp.domain.tree.MapNode;
import dev.sremcp.domain.tree.Node;
import dev.sremcp.domain.tree.ScalarNode;
import dev.sremcp.domain.tree.Yaml;
import dev.sremcp.domain.tree.YamlException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * An HCL body as a tree, the shape a plan's JSON has: literals become scalars, tuples lists,
 * objects maps, nested blocks lists of maps under their type ({@code dynamic} blocks by their
 * content); {@code jsonencode({...})} and JSON here-documents become the document they encode;
 * every other expression is a scalar of style {@code EXPRESSION} holding its source.
 */
final class HclTree {

  private HclTree() {}

  static MapNode of(HclBody body, int line) {
    List<MapNode.Entry> entries = new ArrayList<>();
    for (HclAttribute attribute : body.attributes()) {
      entries.add(
          new MapNode.Entry(
              ScalarNode.plain(attribute.name(), attribute.line(), 1), value(attribute.value())));
    }
    Map<String, List<Node>> nested = new LinkedHashMap<>();
    Map<String, Integer> firstLine = new LinkedHashMap<>();
    for (HclBlock block : body.blocks()) {
      String type = block.type();
      HclBody content = block.body();
      if (type.equals("dynamic") && !block.labels().isEmpty()) {
        type = block.labels().getFirst();
        content =
            block.body().blocks("content").stream()
                .findFirst()
                .map(HclBlock::body)
                .orElse(block.body());
      }
      nested.computeIfAbsent(type, key -> new ArrayList<>()).add(of(content, block.line()));
      firstLine.putIfAbsent(type, block.line());
    }
    nested.forEach(
        (type, blocks) ->
            entries.add(
                new MapNode.Entry(
                    ScalarNode.plain(type, firstLine.get(type), 1),
                    new ListNode(blocks, firstLine.get(type), 1))));
    return new MapNode(entries, line, 1);
  }

  static Node value(HclExpr expr) {
    int line = expr.line();
    return switch (expr) {
      case HclExpr.Literal literal -> literal(literal.value(), line);
      case HclExpr.Template template ->
          template
              .literalText()
              .map(text -> string(text, line, template.span().endLine() > line))
              .orElseGet(() -> expression(expr));
      case HclExpr.Tuple tuple ->
          new ListNode(tuple.elements().stream().map(HclTree::value).toList(), line, 1);
      case HclExpr.ObjectCons object -> {
        List<MapNode.Entry> entries = new ArrayList<>();
        for (HclExpr.ObjectCons.Item item : object.items()) {
          String key = item.key().asString().orElse(item.key().source());
          entries.add(
              new MapNode.Entry(ScalarNode.plain(key, item.key().line(), 1), value(item.value())));
        }
        yield new MapNode(entries, line, 1);
      }
      case HclExpr.FunctionCall call
          when call.name().equals("jsonencode") && call.args().size() == 1 ->
          value(call.args().getFirst());
      case HclExpr.Parens parens -> value(parens.expr());
      default -> expression(expr);
    };
  }

  private static Node literal(Object value, int line) {
    return switch (value) {
      case null -> ScalarNode.plain("null", line, 1);
      case String text -> string(text, line, false);
      case BigDecimal number ->
          ScalarNode.plain(
              Math.abs(number.scale()) > 18 ? number.toString() : number.toPlainString(), line, 1);
      case Boolean bool -> ScalarNode.plain(bool.toString(), line, 1);
      default -> ScalarNode.plain(String.valueOf(value), line, 1);
    };
  }

  private static Node string(String text, int line, boolean heredoc) {
    return json(text, line, heredoc)
        .orElseGet(() -> new ScalarNode(text, ScalarNode.Style.DOUBLE_QUOTED, null, line, 1));
  }

  /**
   * A JSON object in a string (a heredoc policy) as the document it holds, at the string's line,
   * its nodes at their lines in the file: a heredoc's text starts on the line after {@code <<EOF};
   * a quoted string is all on one line.
   */
  static Optional<Node> json(String text, int line, boolean heredoc) {
    String trimmed = text.strip();
    if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
      return Optional.empty();
    }
    try {
      Node document = Yaml.parse(trimmed);
      int skipped =
          (int) text.substring(0, text.indexOf('{')).chars().filter(c -> c == '\n').count();
      Node relocated = relocate(document, heredoc ? at -> line + skipped + at : at -> line);
      return Optional.of(
          relocated instanceof MapNode map ? new MapNode(map.entries(), line, 1) : relocated);
    } catch (YamlException e) {
      return Optional.empty();
    }
  }

  private static Node relocate(Node node, IntUnaryOperator line) {
    return switch (node) {
      case ScalarNode scalar ->
          new ScalarNode(
              scalar.value(),
              scalar.style(),
              scalar.tag(),
              line.applyAsInt(scalar.line()),
              scalar.column());
      case ListNode list ->
          new ListNode(
              list.items().stream().map(item -> relocate(item, line)).toList(),
              line.applyAsInt(list.line()),
              list.column());
      case MapNode map ->
          new MapNode(
              map.entries().stream()
                  .map(
                      entry ->
                          new MapNode.Entry(
                              (ScalarNode) relocate(entry.key(), line),
                              relocate(entry.value(), line)))
                  .toList(),
              line.applyAsInt(map.line()),
              map.column());
    };
  }

  private static Node expression(HclExpr expr) {
    return new ScalarNode(expr.source(), ScalarNode.Style.EXPRESSION, null, expr.line(), 1);
  }
}
