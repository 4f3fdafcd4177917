package dev.sremcp.domain.promql;

import java.util.Objects;
import java.util.Set;

/**
 * One matcher inside a selector's braces, such as {@code job="api"} or {@code code=~"5.."}. The
 * operator is one of {@code =}, {@code !=}, {@code =~} and {@code !~}; the value is unquoted.
 */
public record LabelMatcher(String name, String op, String value) {

  private static final Set<String> OPS = Set.of("=", "!=", "=~", "!~");

  public LabelMatcher {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(value, "value");
    if (!OPS.contains(op)) {
      throw new IllegalArgumentException("unknown label matching operator: " + op);
    }
  }

  /** Whether the operator is {@code =~} or {@code !~}. */
  public boolean isRegex() {
    return op.equals("=~") || op.equals("!~");
  }

  /**
   * Whether a series without this label (its value being the empty string) passes this matcher.
   *
   * @throws IllegalStateException if the operator is a regex one and the value is not a valid RE2
   *     expression
   */
  public boolean matchesEmpty() {
    return switch (op) {
      case "=" -> value.isEmpty();
      case "!=" -> !value.isEmpty();
      default -> {
        Re2.Result result = Re2.analyze(value);
        if (result.error() != null) {
          throw new IllegalStateException(result.error());
        }
        yield op.equals("=~") == result.matchesEmpty();
      }
    };
  }
}
