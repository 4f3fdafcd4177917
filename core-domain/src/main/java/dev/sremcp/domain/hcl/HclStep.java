package dev.sremcp.domain.hcl;

import java.util.Objects;

/** One step after a traversal's root or a splat: an attribute name or an index. */
public sealed interface HclStep {

  /** {@code .name}. */
  record Attr(String name) implements HclStep {
    public Attr {
      Objects.requireNonNull(name, "name");
    }
  }

  /** {@code [key]}, or the legacy {@code .0} form with a number key. */
  record Index(HclExpr key) implements HclStep {
    public Index {
      Objects.requireNonNull(key, "key");
    }
  }
}
