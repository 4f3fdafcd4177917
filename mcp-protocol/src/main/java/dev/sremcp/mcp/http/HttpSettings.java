package dev.sremcp.mcp.http;

import dev.sremcp.mcp.engine.LogLevel;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the Streamable HTTP endpoint behaves.
 *
 * @param maxBodyBytes the largest request body accepted; larger ones get 413
 * @param keepAlive how often an open event stream gets a comment line, so proxies keep it open
 * @param legacyLogLevel the least severe log notification legacy clients get: a stateless server
 *     cannot remember their {@code logging/setLevel}
 */
public record HttpSettings(
    long maxBodyBytes, AccessPolicy access, Duration keepAlive, LogLevel legacyLogLevel) {

  public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;

  /** No request needs more; larger limits would let one request exhaust the heap. */
  public static final long MAX_BODY_BYTES = 256L * 1024 * 1024;

  public HttpSettings {
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException(
          "the body limit (SREMCP_MAX_BODY_BYTES) must be at least 1024 bytes, got "
              + maxBodyBytes);
    }
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(keepAlive, "keepAlive");
  }

  public static HttpSettings defaults(AccessPolicy access) {
    return new HttpSettings(DEFAULT_MAX_BODY_BYTES, access, Duration.ofSeconds(15), LogLevel.INFO);
  }

  /**
   * Settings from the environment. {@code SREMCP_ALLOWED_ORIGINS}: browser origins allowed to call
   * the server, comma-separated (loopback origins are always allowed on a loopback-bound server).
   * {@code SREMCP_MAX_BODY_BYTES}: the largest request body.
   *
   * @param loopback whether the server listens on loopback only, where the Host header is checked
   *     against DNS rebinding
   */
  public static HttpSettings fromEnvironment(Map<String, String> environment, boolean loopback) {
    Set<String> origins =
        Arrays.stream(environment.getOrDefault("SREMCP_ALLOWED_ORIGINS", "").split(","))
            .map(String::strip)
            .filter(origin -> !origin.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    long maxBody = DEFAULT_MAX_BODY_BYTES;
    String configured = environment.get("SREMCP_MAX_BODY_BYTES");
    if (configured != null && !configured.isBlank()) {
      try {
        maxBody = Long.parseLong(configured.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "SREMCP_MAX_BODY_BYTES must be a number of bytes, got '" + configured + "'");
      }
    }
    AccessPolicy access = loopback ? AccessPolicy.loopback(origins) : AccessPolicy.network(origins);
    return new HttpSettings(maxBody, access, Duration.ofSeconds(15), LogLevel.INFO);
  }
}
