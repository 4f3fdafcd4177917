package dev.sremcp.domain.dockerfile;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The forms a label schema may require of a label's value, as hadolint's label schema names them.
 */
final class LabelForm {

  static final java.util.Set<String> FORMS =
      java.util.Set.of("text", "url", "rfc3339", "spdx", "hash", "semver", "email");

  private static final Pattern URL = Pattern.compile("(?i)(https?|ftp)://[^\\s/$.?#].\\S*");
  private static final Pattern SPDX =
      Pattern.compile("\\(?[A-Za-z0-9.+-]+\\)?(\\s+(AND|OR|WITH)\\s+\\(?[A-Za-z0-9.+-]+\\)?)*");
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{7,40}");
  private static final Pattern SEMVER =
      Pattern.compile(
          "v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

  private LabelForm() {}

  /** What is wrong with {@code value} for the form, or {@code null} when nothing is. */
  static String problem(String form, String value) {
    if (value == null || value.isBlank()) {
      return "the value is empty";
    }
    boolean valid =
        switch (form) {
          case "url" -> URL.matcher(value).matches();
          case "rfc3339" -> rfc3339(value);
          case "spdx" -> SPDX.matcher(value).matches();
          case "hash" -> HASH.matcher(value).matches();
          case "semver" -> SEMVER.matcher(value).matches();
          case "email" -> EMAIL.matcher(value).matches();
          default -> true;
        };
    return valid ? null : "'" + value + "' is not a valid " + form;
  }

  private static boolean rfc3339(String value) {
    try {
      OffsetDateTime.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
