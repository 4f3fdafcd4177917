package dev.sremcp.domain.report;

import java.util.Map;
import java.util.Objects;

/**
 * Whether the language model took part in a result, and at what cost.
 *
 * @param reason why the model was not used; {@code null} when it was
 * @param cached whether the explanation came from the cache rather than from the model
 * @param redactions how many secrets or personal data were redacted from the prompt, by type
 * @param explanation what the model said, in Markdown, with redacted values restored; {@code null}
 *     when it was not used
 * @param promptVersion the version of the prompt the explanation answers
 */
public record LlmUse(
    boolean used,
    String reason,
    String model,
    Boolean cached,
    Integer tokensIn,
    Integer tokensOut,
    Map<String, Integer> redactions,
    String explanation,
    String promptVersion) {

  public LlmUse {
    redactions = redactions == null ? Map.of() : Map.copyOf(redactions);
    if (!used) {
      Objects.requireNonNull(reason, "an unused model needs a reason");
    }
  }

  /** The model took no part, for the reason given. */
  public static LlmUse notUsed(String reason) {
    return notUsed(reason, Map.of());
  }

  /** The model took no part, for the reason given, after these redactions were made. */
  public static LlmUse notUsed(String reason, Map<String, Integer> redactions) {
    return new LlmUse(false, reason, null, null, null, null, redactions, null, null);
  }
}
