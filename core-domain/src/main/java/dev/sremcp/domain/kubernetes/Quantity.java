package dev.sremcp.domain.kubernetes;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes resource quantities ({@code 250m}, {@code 1.5Gi}, {@code 1e3}) as numbers. */
final class Quantity {

  private static final Pattern FORM =
      Pattern.compile(
          "([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|[mkMGTPE])?");
  private static final Map<String, BigDecimal> SUFFIXES =
      Map.ofEntries(
          Map.entry("m", new BigDecimal("0.001")),
          Map.entry("k", BigDecimal.TEN.pow(3)),
          Map.entry("M", BigDecimal.TEN.pow(6)),
          Map.entry("G", BigDecimal.TEN.pow(9)),
          Map.entry("T", BigDecimal.TEN.pow(12)),
          Map.entry("P", BigDecimal.TEN.pow(15)),
          Map.entry("E", BigDecimal.TEN.pow(18)),
          Map.entry("Ki", BigDecimal.TWO.pow(10)),
          Map.entry("Mi", BigDecimal.TWO.pow(20)),
          Map.entry("Gi", BigDecimal.TWO.pow(30)),
          Map.entry("Ti", BigDecimal.TWO.pow(40)),
          Map.entry("Pi", BigDecimal.TWO.pow(50)),
          Map.entry("Ei", BigDecimal.TWO.pow(60)));

  private Quantity() {}

  /** The quantity's value in base units, when the text is a quantity. */
  static Optional<BigDecimal> parse(String text) {
    String trimmed = text.strip();
    if (trimmed.length() > 40) {
      return Optional.empty();
    }
    Matcher matcher = FORM.matcher(trimmed);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      BigDecimal number = new BigDecimal(matcher.group(1));
      String suffix = matcher.group(2);
      return Optional.of(suffix == null ? number : number.multiply(SUFFIXES.get(suffix)));
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }
}
