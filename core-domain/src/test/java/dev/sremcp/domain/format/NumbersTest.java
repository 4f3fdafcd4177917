package dev.sremcp.domain.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

  @ParameterizedTest
  @CsvSource({
    "0.0013000000000000002, 0.0013",
    "0.99949999999, 0.9995",
    "2592000.4, 2592000",
    "1234567.89, 1234570",
    "-0.000123456789, -0.000123457",
    "1e-300, 1e-300",
    "0, 0"
  })
  void roundsToSixSignificantDigits(double value, double expected) {
    assertThat(Numbers.round(value)).isEqualTo(expected);
  }

  @Test
  void roundingAgreesWithBigDecimalOnManyValues() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 100_000; i++) {
      double value =
          random.nextDouble()
              * Math.pow(10, random.nextInt(-12, 12))
              * (random.nextBoolean() ? 1 : -1);
      double exact =
          new BigDecimal(value).round(new MathContext(6, RoundingMode.HALF_EVEN)).doubleValue();
      assertThat(Numbers.round(value))
          .as("%s", value)
          .isCloseTo(exact, org.assertj.core.data.Percentage.withPercentage(1e-9));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "14.4, 2, 14.4",
    "14.40001, 2, 14.4",
    "6.0, 2, 6",
    "0.000123, 6, 0.000123",
    "-2.5, 1, -2.5",
    "-0.04, 1, 0",
    "999500.0, 3, 999500",
    "0.0144, 6, 0.0144",
    "1e20, 2, 100000000000000000000"
  })
  void writesPlainNumbersWithoutTrailingZeros(double value, int decimals, String expected) {
    assertThat(Numbers.plain(value, decimals)).isEqualTo(expected);
  }

  @Test
  void writesPercentages() {
    assertThat(Numbers.percent(0.99871234, 4)).isEqualTo("99.8712%");
    assertThat(Numbers.percent(1.3, 1)).isEqualTo("130%");
    assertThat(Numbers.percent(-0.3, 2)).isEqualTo("-30%");
  }
}
