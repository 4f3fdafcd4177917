package dev.sremcp.mcp.engine;

import java.util.Objects;

/**
 * Everything the transport knows about one request: its protocol version, the modern envelope when
 * there is one, where notifications go, and whether the client still listens.
 *
 * @param envelope the 2026-07-28 envelope, or {@code null} in the legacy era
 * @param legacyLogLevel the least severe log notification sent to a legacy client (the transport's
 *     default, or what {@code logging/setLevel} set on a stateful connection); {@code null} for
 *     none
 * @param requester who sent the request, to scope {@code notifications/cancelled}: ids are only
 *     unique per client
 */
public record CallScope(
    ProtocolVersion version,
    Envelope envelope,
    LogLevel legacyLogLevel,
    Outbound outbound,
    Cancellation cancellation,
    String requester) {

  public CallScope {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(outbound, "outbound");
    Objects.requireNonNull(cancellation, "cancellation");
    Objects.requireNonNull(requester, "requester");
    if (version.isModern() != (envelope != null)) {
      throw new IllegalArgumentException("the modern era has an envelope, and only it");
    }
  }

  /** The least severe log notification the client gets, or {@code null} for none. */
  LogLevel logThreshold() {
    return envelope != null ? envelope.logLevel() : legacyLogLevel;
  }
}
