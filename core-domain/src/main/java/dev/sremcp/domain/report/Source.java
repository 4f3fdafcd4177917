package dev.sremcp.domain.report;

import java.util.Locale;

/** Who produced a finding: a deterministic rule, or the language model. */
public enum Source {
  RULE,
  LLM;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
