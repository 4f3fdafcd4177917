package dev.sremcp.domain.promql;

import java.util.Objects;

/** A quoted string, with its escape sequences already decoded. */
public record StringLiteral(String value, int position) implements Expr {

  public StringLiteral {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public ValueType type() {
    return ValueType.STRING;
  }
}
