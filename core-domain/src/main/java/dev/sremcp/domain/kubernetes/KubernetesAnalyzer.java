package dev.sremcp.domain.kubernetes;

import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.review.ReviewDetails;
import dev.sremcp.domain.review.ReviewInput;
import dev.sremcp.domain.review.ReviewReport;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Analyzer;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.ToolDescriptor;
import java.util.List;

/**
 * {@code review_kubernetes}: kube-linter's and kube-score's checks and the cross-object checks they
 * do poorly, over a bundle of manifests, each finding at its line with a fix.
 */
public final class KubernetesAnalyzer implements Analyzer {

  public static final String NAME = "review_kubernetes";

  private static final ToolDescriptor DESCRIPTOR =
      ReviewReport.descriptor(
          KubernetesAnalyzer.class,
          NAME,
          "Review Kubernetes manifests",
          "Reviews Kubernetes manifests (plain YAML, kubectl List output, helm template output)"
              + " for what kube-linter and kube-score check: privileged and root containers, host"
              + " namespaces and host paths, capabilities, missing resources and probes, latest"
              + " images, secrets in env, replicas and anti-affinity, PodDisruptionBudgets that"
              + " block drains, removed API versions. Across the bundle it checks that Services,"
              + " Ingresses, HPAs, PDBs and NetworkPolicies select or name objects that exist, and"
              + " that referenced ConfigMaps, Secrets and ServiceAccounts are defined. Every"
              + " finding cites its line and says how to fix it. The annotations"
              + " ignore-check.kube-linter.io/<check> and sre-mcp.dev/ignore: '<rule>,...' on an"
              + " object are honoured.",
          Tier.STARTER);

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Analysis analyze(Arguments arguments, AnalysisContext context) {
    ReviewInput input = ReviewInput.of(arguments, "manifest.yaml", KubernetesRules.ALL);
    ReviewReport report = new ReviewReport(input, arguments);
    List<ReviewDetails.ReviewedFile> files =
        KubernetesReview.review(input.files(), report, context);
    return report.analysis(files, "manifests", KubernetesRules.ALL);
  }
}
