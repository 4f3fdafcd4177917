package dev.sremcp.domain.report;

/**
 * The fields a tool adds beside the common ones (summary, findings, truncation, llm, usage): for
 * example the error budget of {@code slo_report}. On the wire they sit at the top level of the
 * result, next to the common fields.
 */
public interface ToolDetails {

  /** The tool's own part of the readable text, in Markdown; empty when there is nothing to add. */
  String toMarkdown();

  /**
   * What the language model should know of this tool's result beyond the findings, as plain lines
   * of a bounded size (a digest, never the raw input); empty when there is nothing to add.
   * Redaction runs on it before any prompt is built.
   */
  default String evidence() {
    return "";
  }

  /** For analyses that add nothing beside the common fields. */
  ToolDetails NONE = () -> "";
}
