package dev.sremcp.domain.promql;

import java.util.List;
import java.util.Objects;

/** A call of one of PromQL's built-in functions, such as {@code rate(x[5m])}. */
public record Call(String function, List<Expr> args, int position) implements Expr {

  public Call {
    Objects.requireNonNull(function, "function");
    args = List.copyOf(Objects.requireNonNull(args, "args"));
    if (Functions.get(function) == null) {
      throw new IllegalArgumentException("unknown function: " + function);
    }
  }

  @Override
  public ValueType type() {
    return Functions.get(function).returnType();
  }
}
