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
 * @param principal who sent the request: a hash of its credential, or {@code null} when it carried
 *     none. It scopes {@code notifications/cancelled}, since request ids are unique only per client
 *     (a request without a principal can only be cancelled by closing its stream), and binds {@code
 *     requestState} to its caller.
 */
public record CallScope(
    ProtocolVersion version,
    Envelope envelope,
    LogLevel legacyLogLevel,
    Outbound outbound,
    Cancellation cancellation,
    String principal) {

  public CallScope {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(outbound, "outbound");
    Objects.requireNonNull(cancellation, "cancellation");
    if (version.isModern() != (envelope != null)) {
      throw new IllegalArgumentException("the modern era has an envelope, and only it");
    }
  }

  /** The least severe log notification the client gets, or {@code null} for none. */
  LogLevel logThreshold() {
    return envelope != null ? envelope.logLevel() : legacyLogLevel;
  }
}
