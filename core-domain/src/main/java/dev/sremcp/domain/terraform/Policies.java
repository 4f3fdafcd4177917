package dev.sremcp.domain.terraform;

import dev.sremcp.domain.tree.ListNode;
import dev.sremcp.domain.tree.MapNode;
import dev.sremcp.domain.tree.Node;
import dev.sremcp.domain.tree.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * IAM policy statements, from JSON documents (inline, jsonencode, heredoc) or policy-document data
 * sources.
 */
final class Policies {

  /** One statement: whether it allows, its actions, resources and principals, and its line. */
  record Statement(
      boolean allow,
      List<String> actions,
      List<String> resources,
      List<String> principals,
      int line) {}

  private static final Pattern SECRET =
      Pattern.compile(
          "AKIA[0-9A-Z]{16}|(?i)(aws_secret_access_key|secret_key|password|passwd|api_key|token)\\s*[=:]\\s*['\"]?[^\\s'\"$]{8,}|-----BEGIN [A-Z ]*PRIVATE KEY-----");

  private Policies() {}

  /** The statements of a JSON policy document held at a block's path. */
  static List<Statement> document(Block block, String path) {
    return block.get(path).map(Policies::parsed).map(Policies::statements).orElse(List.of());
  }

  /** A policy as a plan holds it, a JSON string, read as the document it is. */
  static Node parsed(Node node) {
    return node instanceof ScalarNode scalar && !scalar.isExpression() && !scalar.isNull()
        ? HclTree.json(scalar.value(), scalar.line(), false).orElse(node)
        : node;
  }

  static List<Statement> statements(Node document) {
    List<Statement> statements = new ArrayList<>();
    Node statement = document.at("Statement").orElse(null);
    List<Node> items =
        statement instanceof ListNode list
            ? list.items()
            : statement == null ? List.of() : List.of(statement);
    for (Node item : items) {
      statements.add(
          new Statement(
              !item.text("Effect").orElse("Allow").equals("Deny"),
              strings(item.at("Action").orElse(null)),
              strings(item.at("Resource").orElse(null)),
              principals(item.at("Principal").orElse(null)),
              item.line()));
    }
    return statements;
  }

  /** The statements of a {@code data "aws_iam_policy_document"}. */
  static List<Statement> policyDocument(Block block) {
    List<Statement> statements = new ArrayList<>();
    for (Node statement : block.all("statement")) {
      List<String> principals = new ArrayList<>();
      for (Node principal : statement.items("principals")) {
        principals.addAll(strings(principal.at("identifiers").orElse(null)));
      }
      statements.add(
          new Statement(
              !statement.text("effect").orElse("Allow").equals("Deny"),
              strings(statement.at("actions").orElse(null)),
              strings(statement.at("resources").orElse(null)),
              principals,
              statement.line()));
    }
    return statements;
  }

  private static List<String> principals(Node principal) {
    if (principal instanceof MapNode map) {
      List<String> all = new ArrayList<>();
      map.entries().forEach(entry -> all.addAll(strings(entry.value())));
      return all;
    }
    return strings(principal);
  }

  private static List<String> strings(Node node) {
    if (node instanceof ScalarNode scalar && !scalar.isExpression()) {
      return List.of(scalar.value());
    }
    if (node instanceof ListNode list) {
      List<String> values = new ArrayList<>();
      list.items()
          .forEach(
              item ->
                  item.asScalar()
                      .filter(s -> !s.isExpression())
                      .ifPresent(s -> values.add(s.value())));
      return values;
    }
    return List.of();
  }

  /** True when the text holds something shaped like a credential. */
  static boolean holdsSecret(String text) {
    return SECRET.matcher(text).find();
  }
}
