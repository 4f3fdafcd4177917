package dev.sremcp.domain.explain;

import java.util.Objects;

/**
 * One request to the language model: the instructions, the (redacted) evidence, and the JSON Schema
 * the reply must match.
 *
 * @param version the prompt's version: part of the cache key, so a new prompt never serves an
 *     answer to an old one
 * @param system the instructions
 * @param user the redacted evidence pack and the question
 * @param replySchema the JSON Schema of the reply, as JSON text
 */
public record Prompt(String tool, String version, String system, String user, String replySchema) {

  public Prompt {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(replySchema, "replySchema");
  }

  /** The characters sent: instructions and evidence. */
  public int chars() {
    return system.length() + user.length();
  }
}
