package dev.sremcp.persistence;

import java.util.Map;

/** Whole numbers read from the environment, with an error that names the variable and the value. */
final class EnvironmentNumbers {

  private EnvironmentNumbers() {}

  /**
   * The variable as a whole number of at least 1, or {@code fallback} when it is unset or blank.
   */
  static int positive(Map<String, String> environment, String name, int fallback) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new IllegalArgumentException(
        name + " must be a whole number of at least 1, not '" + value.strip() + "'");
  }
}
