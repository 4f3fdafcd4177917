package dev.sremcp.domain;

import dev.sremcp.domain.alerts.AlertRulesAnalyzer;
import dev.sremcp.domain.ci.CiFailureAnalyzer;
import dev.sremcp.domain.dockerfile.DockerfileAnalyzer;
import dev.sremcp.domain.incident.IncidentAnalyzer;
import dev.sremcp.domain.incident.PostmortemAnalyzer;
import dev.sremcp.domain.kubernetes.KubernetesAnalyzer;
import dev.sremcp.domain.logs.LogsAnalyzer;
import dev.sremcp.domain.runbook.RunbookAnalyzer;
import dev.sremcp.domain.slo.SloAnalyzer;
import dev.sremcp.domain.terraform.TerraformAnalyzer;
import dev.sremcp.domain.tool.Analyzer;
import java.util.List;

/** Every analyzer sre-mcp ships; a new analyzer is one more line here. */
public final class BuiltInAnalyzers {

  private BuiltInAnalyzers() {}

  public static List<Analyzer> all() {
    return List.of(
        new LogsAnalyzer(),
        new CiFailureAnalyzer(),
        new SloAnalyzer(),
        new DockerfileAnalyzer(),
        new AlertRulesAnalyzer(),
        new KubernetesAnalyzer(),
        new TerraformAnalyzer(),
        new IncidentAnalyzer(),
        new PostmortemAnalyzer(),
        new RunbookAnalyzer());
  }
}
