package dev.sremcp.mcp.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which {@code Host} and {@code Origin} headers the endpoint accepts: its protection against DNS
 * rebinding and against web pages calling a local server. A request without an {@code Origin} (any
 * non-browser client) is judged by its {@code Host} alone.
 *
 * @param hosts the host names (without port) accepted in {@code Host}; empty accepts any
 * @param origins the origins ({@code scheme://host[:port]}) accepted; loopback origins are accepted
 *     too when {@code loopbackOrigins} is set
 */
public record AccessPolicy(Set<String> hosts, Set<String> origins, boolean loopbackOrigins) {

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

  public AccessPolicy {
    hosts = Set.copyOf(hosts);
    origins = Set.copyOf(origins);
  }

  /** A server bound to loopback: loopback hosts and origins only, plus {@code extraOrigins}. */
  public static AccessPolicy loopback(Set<String> extraOrigins) {
    return new AccessPolicy(LOOPBACK, extraOrigins, true);
  }

  /** A server reachable from the network: any host; browsers only from {@code origins}. */
  public static AccessPolicy network(Set<String> origins) {
    return new AccessPolicy(Set.of(), origins, false);
  }

  /** Why a request is refused, or empty when it is accepted. */
  public Optional<String> refusal(Optional<String> host, Optional<String> origin) {
    if (!hosts.isEmpty()) {
      String name = host.map(AccessPolicy::hostName).orElse("");
      if (!hosts.contains(name)) {
        return Optional.of("Host '" + host.orElse("") + "' is not allowed for this server");
      }
    }
    if (origin.isPresent() && !allowsOrigin(origin.get())) {
      return Optional.of(
          "Origin '" + origin.get() + "' is not allowed; set SREMCP_ALLOWED_ORIGINS to allow it");
    }
    return Optional.empty();
  }

  /** Whether a browser page from {@code origin} may call the server (also used for CORS). */
  public boolean allowsOrigin(String origin) {
    if (origins.contains(origin)) {
      return true;
    }
    if (!loopbackOrigins) {
      return false;
    }
    try {
      URI uri = new URI(origin);
      String scheme = uri.getScheme();
      return uri.getHost() != null
          && ("http".equals(scheme) || "https".equals(scheme))
          && LOOPBACK.contains(bracketed(uri.getHost().toLowerCase(Locale.ROOT)));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** The name part of a {@code Host} header: {@code localhost:8080} → {@code localhost}. */
  static String hostName(String host) {
    String value = host.strip().toLowerCase(Locale.ROOT);
    if (value.startsWith("[")) {
      int end = value.indexOf(']');
      return end < 0 ? value : value.substring(0, end + 1);
    }
    int colon = value.indexOf(':');
    return colon < 0 ? value : value.substring(0, colon);
  }

  private static String bracketed(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
