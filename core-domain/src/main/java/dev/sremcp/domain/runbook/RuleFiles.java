package dev.sremcp.domain.runbook;

import dev.sremcp.domain.promql.Expr;
import dev.sremcp.domain.promql.PromQl;
import dev.sremcp.domain.promql.PromQlSyntaxException;
import dev.sremcp.domain.review.SourceFile;
import dev.sremcp.domain.tree.MapNode;
import dev.sremcp.domain.tree.Node;
import dev.sremcp.domain.tree.ScalarNode;
import dev.sremcp.domain.tree.Yaml;
import dev.sremcp.domain.tree.YamlException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the alerting rules of a rule file: groups at the top ({@code groups:}) or under {@code
 * spec} (a PrometheusRule). Recording rules and rules that do not parse are left out; what makes a
 * file fail to load is reported by {@link dev.sremcp.domain.alerts.AlertRules#refusals}.
 */
final class RuleFiles {

  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private RuleFiles() {}

  static List<AlertRule> alerts(SourceFile file) {
    List<Yaml.Document> documents;
    try {
      documents = Yaml.parseAll(file.text());
    } catch (YamlException e) {
      return List.of();
    }
    List<AlertRule> alerts = new ArrayList<>();
    for (Yaml.Document document : documents) {
      if (document.isEmpty()) {
        continue;
      }
      Node root = document.root();
      Node groups = root.at("spec", "groups").or(() -> root.at("groups")).orElse(null);
      if (groups == null) {
        continue;
      }
      for (Node group : groups.asList().map(l -> l.items()).orElse(List.of())) {
        String name = group.text("name").orElse("");
        for (Node rule : group.items("rules")) {
          if (rule instanceof MapNode map) {
            AlertRule alert = alert(file, name, map);
            if (alert != null) {
              alerts.add(alert);
            }
          }
        }
      }
    }
    return alerts;
  }

  private static AlertRule alert(SourceFile file, String group, MapNode rule) {
    String name = rule.text("alert").map(String::strip).orElse("");
    String expression = rule.text("expr").map(String::strip).orElse("");
    if (name.isEmpty() || expression.isEmpty() || rule.text("record").isPresent()) {
      return null;
    }
    Expr query;
    try {
      query = PromQl.parse(expression);
    } catch (PromQlSyntaxException e) {
      return null;
    }
    String forText = rule.text("for").map(String::strip).orElse(null);
    if (forText != null && PromQl.parseDuration(forText).filter(d -> !d.isZero()).isEmpty()) {
      forText = null;
    }
    return new AlertRule(
        file.name(),
        group,
        name,
        rule.line(),
        expression,
        query,
        forText,
        texts(rule, "labels", true),
        texts(rule, "annotations", false));
  }

  private static Map<String, String> texts(MapNode rule, String field, boolean labelNames) {
    Map<String, String> texts = new LinkedHashMap<>();
    rule.map(field)
        .ifPresent(
            map -> {
              for (MapNode.Entry entry : map.entries()) {
                String key = entry.key().value();
                if (labelNames && (!LABEL_NAME.matcher(key).matches() || key.startsWith("__"))) {
                  continue;
                }
                entry
                    .value()
                    .asScalar()
                    .filter(s -> !s.isNull())
                    .map(ScalarNode::value)
                    .ifPresent(value -> texts.put(key, value));
              }
            });
    return texts;
  }
}
