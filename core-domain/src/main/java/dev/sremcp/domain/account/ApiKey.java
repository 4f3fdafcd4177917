package dev.sremcp.domain.account;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An API key as a client holds it: {@code smcp_<id>_<secret>}, where the id is public (it names the
 * key in lists, logs and audit rows) and only a hash of the secret is stored.
 */
public record ApiKey(String id, String secret) {

  public static final String PREFIX = "smcp_";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{12}");
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9]{32,64}");

  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(secret, "secret");
    if (!ID.matcher(id).matches() || !SECRET.matcher(secret).matches()) {
      throw new IllegalArgumentException("not an sre-mcp key id and secret");
    }
  }

  /** Reads a key from a bearer credential; empty when it is not shaped like one. */
  public static Optional<ApiKey> parse(String token) {
    if (token == null || !token.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = token.substring(PREFIX.length());
    int separator = rest.indexOf('_');
    if (separator < 0) {
      return Optional.empty();
    }
    String id = rest.substring(0, separator);
    String secret = rest.substring(separator + 1);
    if (!ID.matcher(id).matches() || !SECRET.matcher(secret).matches()) {
      return Optional.empty();
    }
    return Optional.of(new ApiKey(id, secret));
  }

  /** The whole key, to show once to its owner. */
  public String value() {
    return PREFIX + id + "_" + secret;
  }

  /** Never the secret: a key printed by accident in a log shows its id only. */
  @Override
  public String toString() {
    return "ApiKey[" + id + "]";
  }
}
