package dev.sremcp.domain.report;

import java.util.Map;
import java.util.Objects;

/**
 * Whether the language model took part in a result, and at what cost.
 *
 * @param reason why the model was not used; {@code null} when it was
 * @param redactions how many secrets or personal data were redacted from the prompt, by type
 */
public record LlmUse(
    boolean used,
    String reason,
    String model,
    Boolean cached,
    Integer tokensIn,
    Integer tokensOut,
    Map<String, Integer> redactions) {

  public LlmUse {
    redactions = redactions == null ? Map.of() : Map.copyOf(redactions);
    if (!used) {
      Objects.requireNonNull(reason, "an unused model needs a reason");
    }
  }

  /** The model took no part, for the reason given. */
  public static LlmUse notUsed(String reason) {
    return new LlmUse(false, reason, null, null, null, null, Map.of());
  }
}
