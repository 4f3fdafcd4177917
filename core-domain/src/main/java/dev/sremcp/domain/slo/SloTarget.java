package dev.sremcp.domain.slo;

import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.math.BigDecimal;

/**
 * An SLO objective as the tools take it: a percentage such as {@code 99.9}. A ratio such as {@code
 * 0.999} (OpenSLO's convention) is refused with the percentage it stands for, rather than read as
 * an objective of 0.999 % that no alert would ever hold to.
 */
public final class SloTarget {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private SloTarget() {}

  /**
   * The objective in percent.
   *
   * @param argument the argument's name, for the error
   * @throws InvalidArgumentsException unless the value is above 1 and below 100
   */
  public static BigDecimal percent(String argument, BigDecimal value) {
    if (value.compareTo(BigDecimal.ONE) > 0 && value.compareTo(HUNDRED) < 0) {
      return value;
    }
    String problem =
        argument
            + " is a percentage above 1 and below 100, e.g. 99.9; got "
            + value.stripTrailingZeros().toPlainString();
    if (value.signum() > 0 && value.compareTo(BigDecimal.ONE) < 0) {
      throw new InvalidArgumentsException(
          problem
              + ", which reads as a ratio: as a percentage it is "
              + value.multiply(HUNDRED).stripTrailingZeros().toPlainString());
    }
    if (value.compareTo(HUNDRED) >= 0) {
      throw new InvalidArgumentsException(problem + " (a 100% target leaves no error budget)");
    }
    throw new InvalidArgumentsException(problem);
  }

  /** {@link #percent(String, BigDecimal)} for a number read as a double. */
  public static double percent(String argument, double value) {
    return percent(argument, BigDecimal.valueOf(value)).doubleValue();
  }
}
