package dev.sremcp.mcp.engine;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

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
 * @param attributes what the transport established about the sender (its authenticated caller)
 * @param responseHeaders headers handlers add to the HTTP response (rate-limit state, {@code
 *     Retry-After}); sent when the response is plain JSON, ignored once it streams or elsewhere
 */
public record CallScope(
    ProtocolVersion version,
    Envelope envelope,
    LogLevel legacyLogLevel,
    Outbound outbound,
    Cancellation cancellation,
    String principal,
    Attributes attributes,
    Map<String, String> responseHeaders) {

  public CallScope {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(attributes, "attributes");
    Objects.requireNonNull(responseHeaders, "responseHeaders");
    Objects.requireNonNull(outbound, "outbound");
    Objects.requireNonNull(cancellation, "cancellation");
    if (version.isModern() != (envelope != null)) {
      throw new IllegalArgumentException("the modern era has an envelope, and only it");
    }
  }

  /** A scope with no attributes, whose response headers go nowhere. */
  public CallScope(
      ProtocolVersion version,
      Envelope envelope,
      LogLevel legacyLogLevel,
      Outbound outbound,
      Cancellation cancellation,
      String principal) {
    this(
        version,
        envelope,
        legacyLogLevel,
        outbound,
        cancellation,
        principal,
        Attributes.NONE,
        new ConcurrentHashMap<>());
  }

  /** The least severe log notification the client gets, or {@code null} for none. */
  LogLevel logThreshold() {
    return envelope != null ? envelope.logLevel() : legacyLogLevel;
  }
}
