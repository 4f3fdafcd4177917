package dev.sremcp.domain.hcl;

import java.util.Objects;

/**
 * An attribute definition, {@code name = value}, with the lines from its name to its value's end.
 */
public record HclAttribute(String name, HclExpr value, int line, int endLine) implements HclItem {

  public HclAttribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
