package dev.sremcp.domain.explain;

import java.util.Map;

/**
 * The versioned prompts, one per tool, all of the same shape: what the model is for, the rules it
 * must keep (use only the evidence, cite it, keep placeholders, say when nothing supports a cause),
 * the tool's task, and the schema of the reply. A prompt's size is bounded: the instructions are
 * fixed and the evidence pack has a budget.
 */
public final class Prompts {

  /** The version of every prompt here; change it whenever a word of a prompt changes. */
  public static final String VERSION = "explain-2026-11-25.1";

  /** The most characters of any prompt: instructions, evidence pack, and what redaction adds. */
  public static final int MAX_CHARS = 20_000;

  /** The JSON Schema a reply must match (also given to Ollama as its {@code format}). */
  public static final String REPLY_SCHEMA =
      """
      {"type":"object","additionalProperties":false,
       "properties":{
        "summary":{"type":"string"},
        "notes":{"type":"array","items":{"type":"object","additionalProperties":false,
          "properties":{"finding":{"type":"string"},"explanation":{"type":"string"},"fix":{"type":"string"}},
          "required":["finding","explanation"]}},
        "hypotheses":{"type":"array","items":{"type":"object","additionalProperties":false,
          "properties":{"title":{"type":"string"},"explanation":{"type":"string"},
            "confidence":{"type":"number","minimum":0,"maximum":1},
            "evidence":{"type":"array","items":{"type":"string"},"minItems":1}},
          "required":["title","explanation","confidence","evidence"]}}},
       "required":["summary","notes","hypotheses"]}""";

  private static final String RULES =
      """
      You are sre-mcp's explainer. Deterministic analyzers have already found the findings below; \
      you explain them to an SRE, rank what matters, and suggest fixes. Rules:
      1. Use only the evidence given. Never invent files, lines, services, versions or numbers.
      2. Refer to findings by their labels (F1, F2, ...). Every hypothesis cites at least one label.
      3. Text like <aws-access-key-1a2b3c4d> or <email-0f3e9a11> is a redacted value: copy it \
      verbatim where you need it, never guess what it hides.
      4. A hypothesis is a likely cause that the findings together suggest and no single finding \
      states. When the evidence supports none, return an empty "hypotheses" list: that is a \
      correct answer.
      5. Keep "summary" under 120 words, each explanation under 80 words.
      6. Reply with one JSON object and nothing else, matching this JSON Schema:
      """;

  private static final Map<String, String> TASKS =
      Map.ofEntries(
          Map.entry(
              "analyze_logs",
              "Explain what these log templates, bursts and error-rate changes say happened, and"
                  + " the most likely root cause."),
          Map.entry(
              "analyze_ci_failure",
              "Explain why this CI run failed, whether it looks flaky, and how to fix it."),
          Map.entry(
              "review_dockerfile",
              "Explain the risk of each finding in this Dockerfile and how to fix it, most"
                  + " important first."),
          Map.entry(
              "review_kubernetes",
              "Explain the risk of each finding in these Kubernetes manifests and how to fix it,"
                  + " most important first."),
          Map.entry(
              "review_terraform",
              "Explain the security risk of each finding in this Terraform and how to fix it, most"
                  + " important first."),
          Map.entry(
              "review_alert_rules",
              "Explain what is wrong with these Prometheus alerting rules and how each affects"
                  + " paging, most important first."),
          Map.entry(
              "analyze_incident",
              "Write the incident's narrative for the responders: what happened, in order, and"
                  + " which hypothesis the evidence supports best and why. When the analysis"
                  + " abstained, say what evidence is missing; do not name a cause it lacks."),
          Map.entry(
              "draft_postmortem",
              "Write the blameless summary of this postmortem draft: what happened, the impact,"
                  + " the cause the evidence supports (or that it is not determined), and what"
                  + " to do next. Blame systems and processes, never people."),
          Map.entry(
              "generate_runbook",
              "For each alert's runbook, add what a responder should check first and why, using"
                  + " only the queries and facts given; never invent the system's details."));

  private Prompts() {}

  /** The prompt for {@code tool} over an evidence pack that has been redacted. */
  public static Prompt of(String tool, String redactedEvidence) {
    String task =
        TASKS.getOrDefault(
            tool, "Explain these findings and how to fix them, most important first.");
    String evidence =
        clipLines(redactedEvidence, MAX_CHARS - RULES.length() - REPLY_SCHEMA.length() - 600);
    return new Prompt(
        tool,
        VERSION,
        RULES + REPLY_SCHEMA,
        "Task: " + task + "\n\nEvidence:\n" + evidence,
        REPLY_SCHEMA);
  }

  /**
   * The one retry after a reply that could not be used: the same prompt, the reply, and what was
   * wrong with it.
   */
  public static Prompt repair(Prompt prompt, String reply, String problem) {
    return new Prompt(
        prompt.tool(),
        prompt.version(),
        prompt.system(),
        prompt.user()
            + "\n\nYour previous reply could not be used: "
            + problem
            + "\nIt began: "
            + EvidencePack.clip(reply, 400)
            + "\nReply again with only the JSON object.",
        prompt.replySchema());
  }

  private static String clipLines(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf('\n', max);
    return text.substring(0, cut < 0 ? max : cut + 1) + "(evidence clipped to its budget)\n";
  }
}
