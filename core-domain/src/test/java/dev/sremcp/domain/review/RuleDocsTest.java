package dev.sremcp.domain.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sremcp.domain.alerts.AlertRules;
import dev.sremcp.domain.alerts.AlertRulesAnalyzer;
import dev.sremcp.domain.dockerfile.DockerfileAnalyzer;
import dev.sremcp.domain.dockerfile.DockerfileRules;
import dev.sremcp.domain.kubernetes.KubernetesAnalyzer;
import dev.sremcp.domain.kubernetes.KubernetesRules;
import dev.sremcp.domain.terraform.TerraformAnalyzer;
import dev.sremcp.domain.terraform.TerraformRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/rules/ is generated from the rules themselves: this test fails when a page is out of date
 * (run it with {@code -Dsremcp.docs.write=true} to rewrite them), when a peer rule is neither
 * covered nor explained, and when parity falls under the target the issue set.
 */
final class RuleDocsTest {

  private static final Path DOCS = Path.of("..", "docs", "rules");

  record Tool(String name, String summary, List<Rule> rules, List<RuleDocs.Peer> peers) {}

  static Stream<Arguments> tools() {
    return Stream.of(
        Arguments.of(
            new Tool(
                DockerfileAnalyzer.NAME,
                "Dockerfile review: `./sre-mcp analyze review_dockerfile Dockerfile`, or the MCP"
                    + " tool `review_dockerfile` (free tier).",
                DockerfileRules.ALL,
                List.of(
                    new RuleDocs.Peer(
                        "hadolint",
                        "hadolint",
                        "https://github.com/hadolint/hadolint#rules",
                        false,
                        0.8)))),
        Arguments.of(
            new Tool(
                TerraformAnalyzer.NAME,
                "Terraform review: `./sre-mcp analyze review_terraform *.tf` (or a plan: `terraform"
                    + " show -json plan.out > plan.json`), or the MCP tool `review_terraform`"
                    + " (starter tier). Rules named `terraform.<tfsec id>` follow that tfsec check's"
                    + " condition.",
                TerraformRules.ALL,
                List.of(
                    new RuleDocs.Peer(
                        "tfsec-aws",
                        "tfsec (AWS)",
                        "https://aquasecurity.github.io/tfsec/latest/checks/aws/",
                        false,
                        0.8),
                    new RuleDocs.Peer(
                        "tfsec-google",
                        "tfsec (Google)",
                        "https://aquasecurity.github.io/tfsec/latest/checks/google/",
                        false,
                        0),
                    new RuleDocs.Peer(
                        "tfsec-azure",
                        "tfsec (Azure)",
                        "https://aquasecurity.github.io/tfsec/latest/checks/azure/",
                        false,
                        0)))),
        Arguments.of(
            new Tool(
                AlertRulesAnalyzer.NAME,
                "Prometheus rule review: `./sre-mcp analyze review_alert_rules rules/*.yml`, or the"
                    + " MCP tool `review_alert_rules` (starter tier). A file promtool check rules"
                    + " refuses gets `alerts.invalid-rule-file` findings (the test suite checks the"
                    + " two agree on every test file).",
                AlertRules.ALL,
                List.of(
                    new RuleDocs.Peer(
                        "promtool",
                        "promtool check rules",
                        "https://prometheus.io/docs/prometheus/latest/configuration/recording_rules/",
                        false,
                        1.0),
                    new RuleDocs.Peer(
                        "pint", "pint", "https://cloudflare.github.io/pint/checks/", false, 0)))),
        Arguments.of(
            new Tool(
                KubernetesAnalyzer.NAME,
                "Kubernetes review: `./sre-mcp analyze review_kubernetes k8s/*.yaml` (or `helm"
                    + " template ... > all.yaml`), or the MCP tool `review_kubernetes` (starter"
                    + " tier). Send the whole bundle: the cross-object checks relate Services,"
                    + " Ingresses, autoscalers, budgets, policies and references across files.",
                KubernetesRules.ALL,
                List.of(
                    new RuleDocs.Peer(
                        "kube-linter",
                        "kube-linter",
                        "https://docs.kubelinter.io/#/generated/checks",
                        true,
                        0.8),
                    new RuleDocs.Peer(
                        "kube-score",
                        "kube-score",
                        "https://github.com/zegl/kube-score/blob/master/README_CHECKS.md",
                        true,
                        0)))));
  }

  @ParameterizedTest
  @MethodSource("tools")
  void pagesAreGeneratedFromTheRules(Tool tool) throws IOException {
    Set<String> ids = new HashSet<>();
    for (Rule rule : tool.rules()) {
      assertThat(ids.add(rule.id())).as("rule ids are unique: %s", rule.id()).isTrue();
      assertThat(rule.id()).startsWith(tool.rules().getFirst().id().split("\\.")[0] + ".");
    }
    List<RuleDocs.Parity> parities = new java.util.ArrayList<>();
    for (RuleDocs.Peer peer : tool.peers()) {
      RuleDocs.Parity parity = RuleDocs.parity(DOCS.resolve("peers"), peer, tool.rules());
      for (RuleDocs.PeerRule rule : parity.rules()) {
        assertThat(!rule.coveredBy().isEmpty() || !rule.why().isBlank())
            .as("%s %s is covered or says why not", peer.name(), rule.id())
            .isTrue();
      }
      assertThat(parity.share())
          .as("parity with %s", peer.name())
          .isGreaterThanOrEqualTo(peer.target());
      parities.add(parity);
    }
    String page = RuleDocs.page(tool.name(), tool.summary(), tool.rules(), parities);
    Path file = DOCS.resolve(tool.name() + ".md");
    if (Boolean.getBoolean("sremcp.docs.write")) {
      Files.writeString(file, page);
    }
    assertThat(Files.exists(file) ? Files.readString(file) : "")
        .as("%s is out of date: run RuleDocsTest with -Dsremcp.docs.write=true", file)
        .isEqualTo(page);
  }
}
