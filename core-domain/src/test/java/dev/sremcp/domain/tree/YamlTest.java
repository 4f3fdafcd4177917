package dev.sremcp.domain.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;

final class YamlTest {

  @Test
  void keepsTheLineOfEveryNode() {
    List<Yaml.Document> documents =
        Yaml.parseAll(
            """
            # a Deployment
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web   # trailing comment
              labels: {app: web, "tier": 'front'}
            spec:
              template:
                spec:
                  containers:
                  - name: app
                    image: "nginx:1.25"
                    args: [a, "b c", 3]
                    command:
                      - sh
                      - |
                        echo hi
                        exit 0
                  - &side
                    name: side
            ---
            - - 1
              - 2
            """);
    assertThat(documents).hasSize(2);
    Node root = documents.getFirst().root();
    assertThat(root.text("kind")).hasValue("Deployment");
    assertThat(root.at("metadata", "name").orElseThrow().line()).isEqualTo(5);
    assertThat(root.text("metadata", "labels", "tier")).hasValue("front");
    List<Node> containers = root.items("spec", "template", "spec", "containers");
    assertThat(containers).hasSize(2);
    MapNode app = containers.getFirst().asMap().orElseThrow();
    assertThat(app.line()).isEqualTo(11);
    assertThat(app.entry("image").orElseThrow().key().line()).isEqualTo(12);
    assertThat(app.items("args"))
        .extracting(node -> ((ScalarNode) node).value())
        .containsExactly("a", "b c", "3");
    assertThat(app.items("command").get(1))
        .isEqualTo(new ScalarNode("echo hi\nexit 0\n", ScalarNode.Style.LITERAL, null, 16, 13));
    assertThat(containers.get(1).text("name")).hasValue("side");
    assertThat(documents.get(1).line()).isEqualTo(21);
    assertThat(documents.get(1).root().asList().orElseThrow().items().getFirst().asList())
        .isPresent();
  }

  @Test
  void readsEveryScalarStyle() {
    Node root =
        Yaml.parse(
            """
            plain: this is
              folded plain
            single: 'it''s'
            double: "tab\\there \\u00e9 \\x41"
            literal: |-
              keep
               indent
            folded: >
              one
              two

              three
            keep: |+
              a

            empty:
            tilde: ~
            bool: true
            number: -12.5e3
            url: http://example.com:80/x
            """);
    assertThat(root.text("plain")).hasValue("this is folded plain");
    assertThat(root.text("single")).hasValue("it's");
    assertThat(root.text("double")).hasValue("tab\there é A");
    assertThat(root.text("literal")).hasValue("keep\n indent");
    assertThat(root.text("folded")).hasValue("one two\nthree\n");
    assertThat(root.text("keep")).hasValue("a\n\n");
    assertThat(root.text("empty")).isEmpty();
    assertThat(root.text("tilde")).isEmpty();
    assertThat(root.at("bool").flatMap(Node::asScalar).flatMap(ScalarNode::asBoolean))
        .hasValue(true);
    assertThat(root.at("number").flatMap(Node::asScalar).flatMap(ScalarNode::asNumber))
        .hasValueSatisfying(number -> assertThat(number.doubleValue()).isEqualTo(-12500.0));
    assertThat(root.text("url")).hasValue("http://example.com:80/x");
  }

  @Test
  void mergesKeysAndSharesAliases() {
    Node root =
        Yaml.parse(
            """
            base: &base {cpu: 100m, memory: 128Mi}
            small:
              <<: *base
              memory: 64Mi
            again: *base
            """);
    assertThat(root.text("small", "cpu")).hasValue("100m");
    assertThat(root.text("small", "memory")).hasValue("64Mi");
    assertThat(root.at("again").orElseThrow()).isSameAs(root.at("base").orElseThrow());
  }

  @Test
  void readsJson() {
    Node root =
        Yaml.parse(
            "{\"format_version\":\"1.2\",\"values\":{\"resources\":[{\"type\":\"aws_s3_bucket\","
                + "\"acl\":\"public-read\",\"tags\":null,\"n\":-1.5e2,\"ok\":true,\"s\":\"a\\\"b\\u00e9\"}]}}");
    Node resource = root.items("values", "resources").getFirst();
    assertThat(resource.text("type")).hasValue("aws_s3_bucket");
    assertThat(resource.text("s")).hasValue("a\"bé");
    assertThat(resource.text("tags")).isEmpty();
    assertThat(resource.at("n").flatMap(Node::asScalar).flatMap(ScalarNode::asNumber)).isPresent();
  }

  @Test
  void namesTheLineAndColumnOfSyntaxErrors() {
    assertError("a: \"open\nb: 1\n", 1, 4, "unclosed double-quoted string");
    assertError("a:\n  b: 1\n    c: 2\n", 3, 6, "a mapping key inside a multi-line value");
    assertError("a:\n\tb: 1\n", 2, 1, "a tab in the indentation");
    assertError("a: *nowhere\n", 1, 4, "unknown alias *nowhere");
    assertError("a: [1, 2\nb: 3\n", 2, 1, "the '[' opened at line 1, found 'b'");
    assertError("a: b: c\n", 1, 5, "a mapping is not allowed here");
    assertError("a:\n  b: 1\n c: 2\n", 3, 2, "bad indentation");
  }

  private static void assertError(String text, int line, int column, String problem) {
    assertThatThrownBy(() -> Yaml.parseAll(text))
        .isInstanceOfSatisfying(
            YamlException.class,
            e -> {
              assertThat(e.problem()).as(text).contains(problem);
              assertThat(e.line()).as(text).isEqualTo(line);
              assertThat(e.column()).as(text).isEqualTo(column);
              assertThat(e.isLimit()).isFalse();
            });
  }

  @Test
  void refusesAliasBombsBeforeTheyCostAnything() {
    StringBuilder bomb =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    String previous = "a";
    for (String name : List.of("b", "c", "d", "e", "f", "g", "h", "i")) {
      bomb.append(name).append(": &").append(name).append(" [");
      bomb.append(String.join(",", java.util.Collections.nCopies(9, "*" + previous))).append("]\n");
      previous = name;
    }
    assertThatThrownBy(() -> Yaml.parseAll(bomb.toString()))
        .isInstanceOfSatisfying(
            YamlException.class,
            e -> {
              assertThat(e.isLimit()).isTrue();
              assertThat(e.problem()).contains("more than 1000000 nodes");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"flow", "block", "sequence"})
  void refusesDeepNesting(String shape) {
    String text =
        switch (shape) {
          case "flow" -> "[".repeat(10_000) + "]".repeat(10_000);
          case "block" -> {
            StringBuilder block = new StringBuilder();
            for (int i = 0; i < 10_000; i++) {
              block.append(" ".repeat(i)).append("k:\n");
            }
            yield block.toString();
          }
          default -> "- ".repeat(10_000) + "x\n";
        };
    assertThatThrownBy(() -> Yaml.parseAll(text))
        .isInstanceOfSatisfying(
            YamlException.class,
            e -> {
              assertThat(e.isLimit()).isTrue();
              assertThat(e.problem()).contains("deeper than 100 levels");
            });
  }

  @Test
  void refusesAnAliasToItselfAndBinaryData() {
    assertThatThrownBy(() -> Yaml.parseAll("a: &a\n  b: *a\n"))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("unknown alias *a");
    assertThatThrownBy(() -> Yaml.parseAll("a: b\u0000c"))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("binary data");
  }

  /** The same documents read by SnakeYAML (composed, not constructed) give the same values. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "a: 1\nb: [x, y]\nc: {d: e}\n",
        "- a\n- b:\n    c: d\n  e: f\n- - g\n  - h\n",
        "key: |\n  line one\n  line two\n\nnext: >-\n  folded\n  text\n",
        "s: 'single ''quoted'''\nd: \"double \\\"quoted\\\" \\n\"\n",
        "multi: first\n  second\n\n  third\nafter: x\n",
        "--- \na: 1\n...\n---\nb: 2\n",
        "list:\n- 1\n- 2\nmap:\n  k: v\n",
        "anchors:\n  base: &b\n    x: 1\n  derived:\n    <<: *b\n    y: 2\n",
        "flow: {a: [1, 2, {b: c}], 'q': \"r\", e: }\n",
        "url: http://x:80/y?a=b#frag\ncomment: a #b\nhash: a#b\n",
        "empty_list: []\nempty_map: {}\nnull_value: null\nblank:\n",
        "indented:\n    deep:\n        deeper: value\n",
        "quoted key: 1\n\"double key\": 2\n'single key': 3\n",
        "literal_keep: |+\n  text\n\n\nnext: 1\n",
        "folded_more: >\n  para\n    indented\n  back\n",
        "seq_of_seq:\n- [a, b]\n- [c]\n",
        "strings: [\"a,b\", 'c]d', e f]\n",
        "json: {\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"}}\n",
        "- name: x\n  value: y\n- name: z\n",
        "key:    spaced value   \nother:  two spaces\n",
        "a:\n  - b\n  -\n    c: d\n",
        "%YAML 1.2\n---\na: b\n",
        "k: \"multi\n  line  \n\n  quoted\"\n",
        "chomp_strip: |-\n  text\n\n",
        "explicit: !!str 123\ntagged: !custom value\n"
      })
  void agreesWithSnakeYaml(String text) {
    List<Object> ours = new ArrayList<>();
    Yaml.parseAll(text).forEach(document -> ours.add(plain(document.root())));
    List<Object> theirs = new ArrayList<>();
    new org.yaml.snakeyaml.Yaml(new LoaderOptions())
        .composeAll(new StringReader(text))
        .forEach(node -> theirs.add(snake(node)));
    assertThat(ours).as(text).isEqualTo(theirs);
  }

  private static Object plain(Node node) {
    return switch (node) {
      case MapNode map -> {
        Map<String, Object> values = new LinkedHashMap<>();
        map.entries().forEach(entry -> values.put(entry.key().value(), plain(entry.value())));
        yield values;
      }
      case ListNode list -> list.items().stream().map(YamlTest::plain).toList();
      case ScalarNode scalar -> scalar.value();
    };
  }

  private static Object snake(org.yaml.snakeyaml.nodes.Node node) {
    if (node instanceof org.yaml.snakeyaml.nodes.MappingNode map) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (var tuple : map.getValue()) {
        String key = (String) snake(tuple.getKeyNode());
        if (!key.equals("<<")) {
          values.put(key, snake(tuple.getValueNode()));
        }
      }
      for (var tuple : map.getValue()) {
        if (snake(tuple.getKeyNode()).equals("<<")) {
          @SuppressWarnings("unchecked")
          Map<String, Object> merged = (Map<String, Object>) snake(tuple.getValueNode());
          merged.forEach(values::putIfAbsent);
        }
      }
      return values;
    }
    if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode list) {
      return list.getValue().stream().map(YamlTest::snake).toList();
    }
    return ((org.yaml.snakeyaml.nodes.ScalarNode) node).getValue();
  }
}
