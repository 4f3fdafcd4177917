package dev.sremcp.domain.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a review tool's page in docs/rules/ from its rules' own metadata, with a parity table
 * against each peer linter's rule list ({@code docs/rules/peers/<peer>.tsv}: {@code id}, {@code
 * description}, optionally {@code default}, and {@code not_covered_because} for the rules no rule
 * of ours covers).
 */
final class RuleDocs {

  /** A peer linter whose rule list the page compares against. */
  record Peer(String name, String title, String url, boolean defaultsOnly, double target) {}

  /** One row of a peer's list and the rules of ours that cover it. */
  record PeerRule(
      String id,
      String description,
      boolean enabledByDefault,
      String why,
      List<String> coveredBy) {}

  /** A peer's rows, and the share covered of those counted (its default checks, or all). */
  record Parity(Peer peer, List<PeerRule> rules, int counted, int covered) {
    double share() {
      return counted == 0 ? 1 : (double) covered / counted;
    }
  }

  private RuleDocs() {}

  static Parity parity(Path peers, Peer peer, List<Rule> rules) throws IOException {
    List<String> lines = Files.readAllLines(peers.resolve(peer.name() + ".tsv"));
    List<String> header = List.of(lines.getFirst().split("\t", -1));
    Map<String, List<String>> coveredBy = new TreeMap<>();
    for (Rule rule : rules) {
      for (String covered : rule.peers()) {
        if (covered.startsWith(peer.name() + ":")) {
          coveredBy
              .computeIfAbsent(covered.substring(peer.name().length() + 1), id -> new ArrayList<>())
              .add(rule.id());
        }
      }
    }
    List<PeerRule> rows = new ArrayList<>();
    int counted = 0;
    int covered = 0;
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), i < cells.length ? cells[i] : "");
      }
      boolean enabled = !"no".equals(row.getOrDefault("default", "yes"));
      List<String> ours = coveredBy.remove(row.get("id"));
      rows.add(
          new PeerRule(
              row.get("id"),
              row.get("description"),
              enabled,
              row.getOrDefault("not_covered_because", ""),
              ours == null ? List.of() : ours));
      if (enabled || !peer.defaultsOnly()) {
        counted++;
        covered += ours == null ? 0 : 1;
      }
    }
    if (!coveredBy.isEmpty()) {
      throw new IllegalStateException(
          "rules name " + peer.name() + " rules its list does not have: " + coveredBy);
    }
    return new Parity(peer, rows, counted, covered);
  }

  static String page(String tool, String summary, List<Rule> rules, List<Parity> parities) {
    StringBuilder page = new StringBuilder();
    page.append("# ").append(tool).append(" rules\n\n");
    page.append(
        "<!-- Generated from the rules' own metadata by RuleDocsTest; do not edit. Regenerate with"
            + " ./mvnw -pl core-domain test -Dtest=RuleDocsTest -Dsremcp.docs.write=true -->\n\n");
    page.append(summary).append("\n\n");
    page.append(rules.size()).append(" rules. Skip one with the `ignore` argument");
    page.append(" (`\"ignore\": [\"rule.id\"]`).\n\n");
    page.append("| rule | severity | what it finds | covers |\n|---|---|---|---|\n");
    for (Rule rule : rules) {
      page.append("| [`").append(rule.id()).append("`](#").append(anchor(rule.id())).append(") | ");
      page.append(rule.severity().id()).append(" | ").append(cell(rule.title())).append(" | ");
      page.append(cell(String.join(", ", rule.peers()))).append(" |\n");
    }
    for (Rule rule : rules) {
      page.append("\n## ").append(rule.id()).append("\n\n");
      page.append("**").append(rule.title()).append("** · severity ").append(rule.severity().id());
      if (!rule.peers().isEmpty()) {
        page.append(" · covers ").append(String.join(", ", rule.peers()));
      }
      page.append("\n\n").append(rule.rationale()).append("\n\n");
      page.append("Fix: ").append(rule.fix()).append('\n');
    }
    for (Parity parity : parities) {
      Peer peer = parity.peer();
      page.append("\n## Parity with ").append(peer.title()).append("\n\n");
      page.append("Against [")
          .append(peer.title())
          .append("'s rule list](")
          .append(peer.url())
          .append("): ");
      page.append(parity.covered()).append(" of ").append(parity.counted());
      page.append(peer.defaultsOnly() ? " checks it enables by default" : " rules");
      page.append(String.format(Locale.ROOT, " covered (%.0f %%).", 100 * parity.share()));
      page.append(
          " A rule of ours may cover several of theirs; where none does, the table says why.\n\n");
      page.append("| ").append(peer.title()).append(" | what it checks |");
      page.append(peer.defaultsOnly() ? " default |" : "").append(" sre-mcp |\n|---|---|");
      page.append(peer.defaultsOnly() ? "---|" : "").append("---|\n");
      for (PeerRule rule : parity.rules()) {
        page.append("| ")
            .append(rule.id())
            .append(" | ")
            .append(cell(rule.description()))
            .append(" |");
        if (peer.defaultsOnly()) {
          page.append(rule.enabledByDefault() ? " yes |" : " no |");
        }
        page.append(' ');
        if (rule.coveredBy().isEmpty()) {
          page.append("not covered: ").append(cell(rule.why()));
        } else {
          List<String> links = new ArrayList<>();
          rule.coveredBy().forEach(id -> links.add("[`" + id + "`](#" + anchor(id) + ")"));
          page.append(String.join(", ", links));
        }
        page.append(" |\n");
      }
    }
    return page.toString();
  }

  private static String anchor(String id) {
    return id.replace(".", "");
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
