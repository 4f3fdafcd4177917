package dev.sremcp.domain.tree;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A scalar: its text as written (after unquoting and folding), how it was written, and where.
 *
 * @param value the text; for an {@link Style#EXPRESSION} the expression's source
 * @param tag the explicit tag, such as {@code !!str}, or {@code null}
 */
public record ScalarNode(String value, Style style, String tag, int line, int column)
    implements Node {

  /** How a scalar was written, which decides how its text is read. */
  public enum Style {
    /** Unquoted: may read as null, a boolean or a number. */
    PLAIN,
    SINGLE_QUOTED,
    DOUBLE_QUOTED,
    LITERAL,
    FOLDED,
    /** A value known only later, such as a Terraform expression; the text is its source. */
    EXPRESSION
  }

  private static final BigDecimal MAX = new BigDecimal("1e18");

  public ScalarNode {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(style, "style");
  }

  /** A plain scalar, as a key or a value made by a converter. */
  public static ScalarNode plain(String value, int line, int column) {
    return new ScalarNode(value, Style.PLAIN, null, line, column);
  }

  /**
   * A scalar weighs one node per 64 characters begun: aliases of long texts count for what they
   * hold.
   */
  @Override
  public long size() {
    return 1 + value.length() / 64;
  }

  /** True for an empty plain scalar and for {@code null} and {@code ~}. */
  public boolean isNull() {
    return style == Style.PLAIN
        && tag == null
        && switch (value) {
          case "", "~", "null", "Null", "NULL" -> true;
          default -> false;
        };
  }

  /** True when the text is only known later (a Terraform expression). */
  public boolean isExpression() {
    return style == Style.EXPRESSION;
  }

  /**
   * The value as a boolean, when it is a plain {@code true} or {@code false} (YAML 1.2's core
   * schema; Kubernetes' YAML 1.1 words such as {@code yes} are for its review to read).
   */
  public Optional<Boolean> asBoolean() {
    if (style != Style.PLAIN) {
      return Optional.empty();
    }
    return switch (value) {
      case "true", "True", "TRUE" -> Optional.of(true);
      case "false", "False", "FALSE" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  /** The value as a number, when it is a plain decimal number within ±10^18 and 18 decimals. */
  public Optional<BigDecimal> asNumber() {
    if (style != Style.PLAIN || value.isEmpty() || value.length() > 40) {
      return Optional.empty();
    }
    try {
      BigDecimal number = new BigDecimal(value.startsWith("+") ? value.substring(1) : value);
      // a configuration's numbers are ports, counts and sizes: refuse 1e999999999 and the like
      boolean reasonable = number.abs().compareTo(MAX) <= 0 && number.scale() <= 18;
      return reasonable ? Optional.of(number) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
