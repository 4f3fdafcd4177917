package dev.sremcp.mcp.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.AnalysisReport;
import dev.sremcp.mcp.jsonrpc.Json;
import java.util.Map;

/**
 * A report as structured content: the common fields, then the tool's own fields beside them at the
 * top level. Domain records map by their component names; a contract test checks the result against
 * each tool's output schema, so a renamed component cannot change the wire unnoticed.
 */
public final class ReportJson {

  private ReportJson() {}

  public static ObjectNode of(AnalysisReport report) {
    Analysis analysis = report.analysis();
    ObjectNode node = Json.object();
    node.put("summary", analysis.summary());
    node.set("findings", Json.tree(analysis.findings()));
    node.set("truncation", Json.tree(analysis.truncation()));
    node.set("llm", Json.tree(report.llm()));
    node.set("usage", Json.tree(report.usage()));
    JsonNode details = Json.tree(analysis.details());
    for (Map.Entry<String, JsonNode> field : details.properties()) {
      if (node.has(field.getKey())) {
        throw new IllegalStateException(
            report.tool() + " details reuse the common field " + field.getKey());
      }
      node.set(field.getKey(), field.getValue());
    }
    return node;
  }
}
