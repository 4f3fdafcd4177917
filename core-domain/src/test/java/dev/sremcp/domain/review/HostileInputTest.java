package dev.sremcp.domain.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sremcp.domain.alerts.AlertRulesAnalyzer;
import dev.sremcp.domain.dockerfile.DockerfileAnalyzer;
import dev.sremcp.domain.kubernetes.KubernetesAnalyzer;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.terraform.TerraformAnalyzer;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Analyzer;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Inputs a fresh-eyed review found that crashed a review or ran away with its time: each now gets
 * an analysis or a clear refusal, never another exception.
 */
final class HostileInputTest {

  private static Analysis review(Analyzer analyzer, String name, String content) {
    return analyzer.analyze(
        Arguments.of(Map.of("name", name, "content", content, "limit", 1000)),
        AnalysisContext.detached());
  }

  @Test
  void anchorsAndTagsAloneOnTheirLinesCountAsNesting() {
    String tags = "!t\n".repeat(3_000);
    assertThatThrownBy(() -> review(new KubernetesAnalyzer(), "a.yaml", tags))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("deeper than 100 levels");
    String anchors = "&a\n".repeat(3_000);
    assertThatThrownBy(() -> review(new AlertRulesAnalyzer(), "a.yml", anchors))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("deeper than 100 levels");
  }

  @Test
  void aliasesOfLongTextsCountForWhatTheyHold() {
    String expression = "up{job=\"" + "x".repeat(60_000) + "\"} == 0";
    StringBuilder rules =
        new StringBuilder(
            "groups:\n- name: g\n  rules:\n  - &r {alert: A, expr: '" + expression + "'}\n");
    rules.append("  - *r\n".repeat(2_000));
    assertThatThrownBy(() -> review(new AlertRulesAnalyzer(), "a.yml", rules.toString()))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("nodes once its aliases are expanded");
  }

  @Test
  void hugeNumbersAreReadAsNotNumbers() {
    Analysis terraform =
        review(
            new TerraformAnalyzer(),
            "main.tf",
            "resource \"aws_s3_bucket\" \"b\" {\n  a = 1e2147483647\n}\n");
    assertThat(terraform.findings()).isNotEmpty();
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          minReplicas: 1e-999999999
          containers:
            - name: c
              image: nginx:1.25.3
              ports: [{containerPort: 4294967376, hostPort: 1e2147483647}]
        """;
    Analysis kubernetes = review(new KubernetesAnalyzer(), "pod.yaml", pod);
    assertThat(kubernetes.findings())
        .extracting(Finding::message)
        .allMatch(message -> message.length() < 1_000);
    assertThat(kubernetes.findings()).extracting(Finding::ruleId).contains("k8s.invalid-port");
  }

  @Test
  void oddValuesGetFindingsNotCrashes() {
    assertThat(
            review(new DockerfileAnalyzer(), "Dockerfile", "FROM a:1\nUSER :\nUSER ::\n")
                .findings())
        .isNotEmpty();
    String ingress =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: s}
        spec: {selector: {app: s}, ports: [{port: 80}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: i}
        spec:
          defaultBackend:
            service: s
        """;
    review(new KubernetesAnalyzer(), "ingress.yaml", ingress);
    String rule =
        """
        resource "azurerm_network_security_rule" "r" {
          direction                  = "Inbound"
          access                     = "Allow"
          source_address_prefix      = "*"
          destination_port_range     = "-"
        }
        """;
    review(new TerraformAnalyzer(), "main.tf", rule);
    Analysis durations =
        review(
            new AlertRulesAnalyzer(),
            "a.yml",
            "groups:\n- name: g\n  rules:\n  - alert: A\n    expr: up == 0\n    for: 99999999999999999999s\n");
    assertThat(durations.findings())
        .extracting(Finding::ruleId)
        .contains("alerts.invalid-rule-file");
    assertThatThrownBy(
            () ->
                new AlertRulesAnalyzer()
                    .analyze(
                        Arguments.of(
                            Map.of(
                                "content",
                                "groups: []",
                                "scrapeInterval",
                                "99999999999999999999s")),
                        AnalysisContext.detached()))
        .isInstanceOf(InvalidArgumentsException.class);
    for (String wrong :
        new String[] {
          "groups: 5\n",
          "groups:\n- name: g\n  rules: 5\n",
          "groups:\n- name: g\n  rules:\n  - alert: A\n    expr: [a]\n    labels: 5\n"
        }) {
      assertThat(review(new AlertRulesAnalyzer(), "a.yml", wrong).findings())
          .as(wrong)
          .extracting(Finding::ruleId)
          .contains("alerts.invalid-rule-file");
    }
  }

  @Test
  void anExpressionPastTheParsersLimitIsRefusedNotCalledInvalid() {
    String chain = String.join(" or ", java.util.Collections.nCopies(130, "up"));
    assertThatThrownBy(
            () ->
                review(
                    new AlertRulesAnalyzer(),
                    "a.yml",
                    "groups:\n- name: g\n  rules:\n  - record: a:b:c\n    expr: " + chain + "\n"))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("Prometheus itself may accept it");
  }

  @Test
  void findingsBeyondWhatAResultCarriesAreCountedNotKept() {
    String dockerfile = "FROM a:1\n" + "RUN sudo apt-get install foo | bar\n".repeat(20_000);
    Analysis analysis = review(new DockerfileAnalyzer(), "Dockerfile", dockerfile);
    assertThat(analysis.findings()).hasSize(1000);
    assertThat(analysis.truncation().truncated()).isTrue();
    assertThat(analysis.summary()).contains("findings");
  }

  @Test
  void stagesInheritWhatTheirBaseStageSet() {
    String dockerfile =
        """
        FROM python:3.12.2-slim AS base
        SHELL ["/bin/bash", "-o", "pipefail", "-c"]
        WORKDIR /app
        USER 10001
        HEALTHCHECK CMD ["python", "-m", "app.health"]

        FROM base
        COPY app.py app.py
        RUN curl -fsSL https://example.com/x.tar.gz | tar xz
        CMD ["python", "app.py"]
        """;
    assertThat(review(new DockerfileAnalyzer(), "Dockerfile", dockerfile).findings())
        .extracting(Finding::ruleId)
        .doesNotContain(
            "dockerfile.copy-relative-destination",
            "dockerfile.no-user",
            "dockerfile.pipe-without-pipefail",
            "dockerfile.missing-healthcheck");
  }

  @Test
  void forEachOverBucketsRelatesTheirSettingsToThem() {
    String module =
        """
        resource "aws_s3_bucket" "this" {
          for_each = toset(["logs", "assets"])
          bucket   = "example-${each.key}"
        }
        resource "aws_s3_bucket_public_access_block" "this" {
          for_each                = aws_s3_bucket.this
          bucket                  = each.value.id
          block_public_acls       = true
          block_public_policy     = true
          ignore_public_acls      = true
          restrict_public_buckets = true
        }
        """;
    assertThat(review(new TerraformAnalyzer(), "main.tf", module).findings())
        .extracting(Finding::ruleId)
        .doesNotContain(
            "terraform.aws-s3-specify-public-access-block", "terraform.aws-s3-block-public-acls");
  }
}
