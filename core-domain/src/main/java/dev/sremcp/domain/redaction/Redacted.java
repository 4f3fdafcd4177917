package dev.sremcp.domain.redaction;

import java.util.Map;
import java.util.Objects;

/**
 * A text with its secrets and personal data replaced by pseudonyms such as {@code
 * <aws-access-key-3f9a0c12>}.
 *
 * @param text what may be sent to a model
 * @param receipt what was replaced, by kind
 * @param originals each pseudonym's original, to map a model's answer back for the user; it stays
 *     with the caller and is never sent or logged
 */
public record Redacted(String text, Receipt receipt, Map<String, String> originals) {

  public Redacted {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(receipt, "receipt");
    originals = Map.copyOf(originals);
  }

  /** An answer with the pseudonyms it quotes put back to what they stand for. */
  public String restore(String answer) {
    String restored = answer;
    for (Map.Entry<String, String> pseudonym : originals.entrySet()) {
      restored = restored.replace(pseudonym.getKey(), pseudonym.getValue());
    }
    return restored;
  }

  @Override
  public String toString() {
    return "Redacted[text=" + text + ", receipt=" + receipt + "]";
  }
}
