package dev.sremcp.mcp.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Reads MCP header values: non-ASCII values travel as {@code =?base64?...?=}. */
final class HeaderValues {

  private static final String PREFIX = "=?base64?";
  private static final String SUFFIX = "?=";

  private HeaderValues() {}

  /** The decoded value, or empty when it claims base64 and is not. */
  static Optional<String> decode(String value) {
    String trimmed = value.strip();
    if (trimmed.length() >= PREFIX.length() + SUFFIX.length()
        && trimmed.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
        && trimmed.endsWith(SUFFIX)) {
      try {
        byte[] bytes =
            Base64.getDecoder()
                .decode(trimmed.substring(PREFIX.length(), trimmed.length() - SUFFIX.length()));
        return Optional.of(new String(bytes, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.of(trimmed);
  }
}
