package dev.sremcp.domain.terraform;

import dev.sremcp.domain.hcl.Hcl;
import dev.sremcp.domain.hcl.HclBlock;
import dev.sremcp.domain.hcl.HclBody;
import dev.sremcp.domain.review.SourceFile;
import dev.sremcp.domain.tree.ListNode;
import dev.sremcp.domain.tree.MapNode;
import dev.sremcp.domain.tree.Node;
import dev.sremcp.domain.tree.ScalarNode;
import dev.sremcp.domain.tree.Yaml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one file into Terraform blocks: HCL ({@code .tf}), a plan as {@code terraform show -json}
 * prints it, or Terraform's JSON configuration syntax ({@code .tf.json}).
 *
 * @throws dev.sremcp.domain.hcl.HclSyntaxException for HCL that does not parse
 * @throws dev.sremcp.domain.tree.YamlException for JSON that does not parse
 */
final class TerraformSource {

  /** How deep modules nest before the rest of a plan is left unread. */
  private static final int MAX_MODULE_DEPTH = 64;

  private TerraformSource() {}

  static List<Block> read(SourceFile file) {
    String text = file.text();
    if (file.name().endsWith(".json") || text.stripLeading().startsWith("{")) {
      Node root = Yaml.parse(text);
      return root.at("planned_values").isPresent()
          ? plan(root, file.name())
          : json(root, file.name());
    }
    return hcl(Hcl.parse(text), file.name());
  }

  private static List<Block> hcl(HclBody body, String file) {
    List<Block> blocks = new ArrayList<>();
    for (HclBlock block : body.blocks()) {
      List<String> labels = block.labels();
      String type = labels.isEmpty() ? "" : labels.getFirst();
      String name = labels.size() > 1 ? labels.get(1) : "";
      if (List.of("resource", "data", "module", "provider", "terraform", "variable")
          .contains(block.type())) {
        blocks.add(
            new Block(
                block.type(),
                type,
                name,
                HclTree.of(block.body(), block.line()),
                file,
                block.line(),
                block.endLine()));
      }
    }
    return blocks;
  }

  /**
   * A plan: the planned values of every module, and the module calls of the configuration. A plan
   * leaves out the values known only after apply (resource_changes mark them in after_unknown):
   * each is read as an expression, the references the configuration gives it (so that a bucket's
   * aws_s3_bucket_acl still names aws_s3_bucket.assets), else "(known after apply)". Sensitive
   * values, shown in clear, are read as expressions too: the plan cannot tell whether they are
   * written in the configuration.
   */
  private static List<Block> plan(Node root, String file) {
    Map<String, Node> unknown = new HashMap<>();
    for (Node change : root.items("resource_changes")) {
      change
          .text("address")
          .ifPresent(
              address ->
                  change
                      .at("change", "after_unknown")
                      .ifPresent(marks -> unknown.put(address, marks)));
    }
    Map<String, Node> expressions = new HashMap<>();
    root.map("configuration", "root_module")
        .ifPresent(module -> configuredExpressions(module, "", expressions, 0));
    List<Block> blocks = new ArrayList<>();
    root.map("planned_values", "root_module")
        .ifPresent(module -> planModule(module, file, unknown, expressions, blocks, 0));
    root.map("configuration", "root_module").ifPresent(module -> moduleCalls(module, file, blocks));
    return blocks;
  }

  /** The expressions of every configured resource, by address without instance keys. */
  private static void configuredExpressions(
      MapNode module, String prefix, Map<String, Node> expressions, int depth) {
    for (Node resource : module.items("resources")) {
      resource
          .text("address")
          .ifPresent(
              address ->
                  resource
                      .at("expressions")
                      .ifPresent(found -> expressions.put(prefix + address, found)));
    }
    for (MapNode.Entry call : module.map("module_calls").map(MapNode::entries).orElse(List.of())) {
      if (depth < MAX_MODULE_DEPTH) {
        call.value()
            .map("module")
            .ifPresent(
                child ->
                    configuredExpressions(
                        child,
                        prefix + "module." + call.key().value() + ".",
                        expressions,
                        depth + 1));
      }
    }
  }

  private static void planModule(
      MapNode module,
      String file,
      Map<String, Node> unknown,
      Map<String, Node> expressions,
      List<Block> blocks,
      int depth) {
    for (Node resource : module.items("resources")) {
      String mode = resource.text("mode").orElse("managed");
      String address = resource.text("address").orElse("");
      MapNode values = resource.map("values").orElse(new MapNode(List.of(), resource.line(), 1));
      Node configured = expressions.get(withoutIndexes(address));
      values = marked(values, unknown.get(address), configured, "(known after apply)");
      values = marked(values, resource.at("sensitive_values").orElse(null), null, "(sensitive)");
      blocks.add(
          new Block(
              mode.equals("data") ? "data" : "resource",
              resource.text("type").orElse(""),
              resource.text("name").orElse(""),
              values,
              file,
              resource.line(),
              resource.line()));
    }
    for (Node child : module.items("child_modules")) {
      if (depth < MAX_MODULE_DEPTH) {
        child
            .asMap()
            .ifPresent(map -> planModule(map, file, unknown, expressions, blocks, depth + 1));
      }
    }
  }

  private static MapNode marked(MapNode values, Node marks, Node configured, String text) {
    return marked(values, marks, configured, text, values.line()) instanceof MapNode map
        ? map
        : values;
  }

  /**
   * The values with each leaf that {@code marks} marks ({@code marks} has their shape, with {@code
   * true} at the leaves it marks) replaced by, or added as, an expression: the references of the
   * leaf's configured expression, else {@code text}. Null for nothing.
   */
  private static Node marked(Node values, Node marks, Node configured, String text, int line) {
    return switch (marks) {
      case null -> values;
      case ScalarNode mark -> {
        if (!mark.asBoolean().orElse(false)) {
          yield values;
        }
        List<String> references = new ArrayList<>();
        if (configured != null) {
          configured
              .items("references")
              .forEach(reference -> reference.asScalar().ifPresent(r -> references.add(r.value())));
        }
        yield new ScalarNode(
            references.isEmpty() ? text : String.join(" ", references),
            ScalarNode.Style.EXPRESSION,
            null,
            values == null ? line : values.line(),
            1);
      }
      case MapNode markMap -> {
        List<MapNode.Entry> entries =
            values instanceof MapNode known ? new ArrayList<>(known.entries()) : new ArrayList<>();
        int at = values == null ? line : values.line();
        boolean changed = false;
        // Indexes, not lookups per key: a plan's maps may be large.
        Map<String, Integer> indexes = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
          indexes.put(entries.get(i).key().value(), i);
        }
        Map<String, Node> configuredByKey = new HashMap<>();
        if (configured instanceof MapNode configuredMap) {
          configuredMap.entries().forEach(e -> configuredByKey.put(e.key().value(), e.value()));
        }
        for (MapNode.Entry mark : markMap.entries()) {
          String key = mark.key().value();
          int index = indexes.getOrDefault(key, -1);
          Node current = index < 0 ? null : entries.get(index).value();
          Node child = configuredByKey.get(key);
          Node merged =
              marked(current, mark.value(), child, text, current == null ? at : current.line());
          if (merged != null && merged != current) {
            changed = true;
            MapNode.Entry entry =
                new MapNode.Entry(
                    index < 0 ? ScalarNode.plain(key, at, 1) : entries.get(index).key(), merged);
            if (index < 0) {
              indexes.put(key, entries.size());
              entries.add(entry);
            } else {
              entries.set(index, entry);
            }
          }
        }
        yield changed ? new MapNode(entries, at, 1) : values;
      }
      case ListNode markList -> {
        List<Node> items =
            values instanceof ListNode known ? new ArrayList<>(known.items()) : new ArrayList<>();
        List<Node> configuredItems = configured instanceof ListNode list ? list.items() : List.of();
        int at = values == null ? line : values.line();
        boolean changed = false;
        for (int i = 0; i < markList.items().size() && i <= items.size(); i++) {
          Node current = i < items.size() ? items.get(i) : null;
          Node child =
              configuredItems.isEmpty()
                  ? null
                  : configuredItems.get(Math.min(i, configuredItems.size() - 1));
          Node merged = marked(current, markList.items().get(i), child, text, at);
          if (merged != null && merged != current) {
            changed = true;
            if (i < items.size()) {
              items.set(i, merged);
            } else {
              items.add(merged);
            }
          }
        }
        yield changed ? new ListNode(items, at, 1) : values;
      }
    };
  }

  private static void moduleCalls(MapNode module, String file, List<Block> blocks) {
    module
        .map("module_calls")
        .ifPresent(
            calls -> {
              for (MapNode.Entry call : calls.entries()) {
                call.value()
                    .asMap()
                    .ifPresent(
                        body -> {
                          List<MapNode.Entry> entries = new ArrayList<>();
                          body.entry("source").ifPresent(entries::add);
                          body.entry("version_constraint")
                              .ifPresent(
                                  version ->
                                      entries.add(
                                          new MapNode.Entry(
                                              dev.sremcp.domain.tree.ScalarNode.plain(
                                                  "version", version.key().line(), 1),
                                              version.value())));
                          blocks.add(
                              new Block(
                                  "module",
                                  call.key().value(),
                                  "",
                                  new MapNode(entries, body.line(), 1),
                                  file,
                                  call.key().line(),
                                  call.key().line()));
                          body.map("module").ifPresent(child -> moduleCalls(child, file, blocks));
                        });
              }
            });
  }

  /** Terraform's JSON syntax: {@code {"resource": {"type": {"name": {...}}}}}. */
  private static List<Block> json(Node root, String file) {
    List<Block> blocks = new ArrayList<>();
    root.map("resource").ifPresent(types -> named("resource", types, file, blocks));
    root.map("data").ifPresent(types -> named("data", types, file, blocks));
    for (String kind : List.of("module", "provider", "variable")) {
      root.map(kind)
          .ifPresent(
              map -> {
                for (MapNode.Entry entry : map.entries()) {
                  Node value =
                      entry.value() instanceof dev.sremcp.domain.tree.ListNode list
                              && !list.items().isEmpty()
                          ? list.items().getFirst()
                          : entry.value();
                  value
                      .asMap()
                      .ifPresent(
                          body ->
                              blocks.add(
                                  new Block(
                                      kind,
                                      entry.key().value(),
                                      "",
                                      body,
                                      file,
                                      entry.key().line(),
                                      entry.key().line())));
                }
              });
    }
    root.map("terraform")
        .ifPresent(
            body ->
                blocks.add(new Block("terraform", "", "", body, file, body.line(), body.line())));
    return blocks;
  }

  private static void named(String kind, MapNode types, String file, List<Block> blocks) {
    for (MapNode.Entry type : types.entries()) {
      type.value()
          .asMap()
          .ifPresent(
              names -> {
                for (MapNode.Entry name : names.entries()) {
                  name.value()
                      .asMap()
                      .ifPresent(
                          body ->
                              blocks.add(
                                  new Block(
                                      kind,
                                      type.key().value(),
                                      name.key().value(),
                                      body,
                                      file,
                                      name.key().line(),
                                      name.key().line())));
                }
              });
    }
  }

  /**
   * An address without its instance keys: {@code aws_s3_bucket.b["x"]} reads {@code
   * aws_s3_bucket.b}.
   */
  private static String withoutIndexes(String address) {
    StringBuilder plain = new StringBuilder(address.length());
    int depth = 0;
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']' && depth > 0) {
        depth--;
      } else if (depth == 0) {
        plain.append(c);
      }
    }
    return plain.toString();
  }
}
