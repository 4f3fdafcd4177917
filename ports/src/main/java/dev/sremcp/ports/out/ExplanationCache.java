package dev.sremcp.ports.out;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the model's validated replies for a while, so the same question is not asked twice. Keys
 * are opaque strings of at most 128 characters built by the caller (tenant, tool, model, prompt
 * version, hash of the redacted evidence); values hold only what the model saw and said, which is
 * redacted. A cache that cannot be reached behaves as empty: it never fails a call.
 */
public interface ExplanationCache {

  /** The entry under {@code key}, unless it is absent or expired. */
  Optional<Entry> get(String key);

  /** Stores {@code entry} under {@code key} for {@code ttl}, replacing what was there. */
  void put(String key, Entry entry, Duration ttl);

  /**
   * One validated reply.
   *
   * @param reply the model's reply as it came, placeholders and all
   * @param tokensIn the prompt's tokens, which a hit saves
   * @param tokensOut the reply's tokens, which a hit saves
   */
  record Entry(String reply, String model, int tokensIn, int tokensOut) {
    public Entry {
      Objects.requireNonNull(reply, "reply");
      Objects.requireNonNull(model, "model");
    }
  }
}
