package dev.sremcp.mcp.http;

import dev.sremcp.application.AccountService;
import dev.sremcp.domain.account.Caller;
import dev.sremcp.mcp.engine.Attributes;
import dev.sremcp.ports.out.StoreUnavailableException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MCP over HTTP takes {@code Authorization: Bearer <API key or access token>} on every request.
 * Without one the answer is 401 with a challenge that points at the protected-resource metadata
 * (RFC 9728); with a bad one, 401 with {@code error="invalid_token"} (RFC 6750). Only with {@code
 * anonymousAllowed} (the conformance fixtures, on loopback) may a request without credentials in,
 * and then it still cannot call a real tool.
 */
public final class BearerAuthentication implements HttpAuthentication {

  /** Room for the JSON-RPC envelope around a call's arguments. */
  public static final long ENVELOPE_BYTES = 16 * 1024;

  /** How soon to come back when the account database is unreachable. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final AccountService accounts;
  private final String metadataUrl;
  private final boolean anonymousAllowed;

  /**
   * @param metadataUrl where the protected-resource metadata is, for the challenge
   */
  public BearerAuthentication(
      AccountService accounts, String metadataUrl, boolean anonymousAllowed) {
    this.accounts = accounts;
    this.metadataUrl = metadataUrl;
    this.anonymousAllowed = anonymousAllowed;
  }

  /** The challenge sent with every 401. */
  public static Map<String, String> challenge(String metadataUrl) {
    return Map.of("WWW-Authenticate", "Bearer resource_metadata=\"" + metadataUrl + "\"");
  }

  @Override
  public Outcome authenticate(Optional<String> authorization) {
    Optional<String> token = authorization.flatMap(BearerAuthentication::bearer);
    if (token.isEmpty()) {
      if (anonymousAllowed && authorization.isEmpty()) {
        return new Outcome.Accepted(Attributes.NONE, null);
      }
      return new Outcome.Refused(
          "Unauthorized: send Authorization: Bearer <API key or access token>. Create a key with"
              + " ./sre-mcp admin create-account, or POST /v1/keys.",
          challenge(metadataUrl));
    }
    Optional<Caller> caller;
    try {
      caller = accounts.authenticate(token.get());
    } catch (StoreUnavailableException e) {
      return new Outcome.Unavailable(
          "Service Unavailable: the account database cannot be reached, so credentials cannot be"
              + " checked; try again shortly",
          RETRY_AFTER);
    }
    if (caller.isEmpty()) {
      return new Outcome.Refused(
          "Unauthorized: the API key or access token is unknown, revoked or expired",
          Map.of(
              "WWW-Authenticate",
              "Bearer error=\"invalid_token\", resource_metadata=\"" + metadataUrl + "\""));
    }
    long cap = caller.get().limits().maxInputBytes();
    return new Outcome.Accepted(
        Attributes.of(Caller.class, caller.get()),
        new BodyLimit(
            cap + ENVELOPE_BYTES,
            "the " + caller.get().tier().id() + " tier accepts " + cap + " bytes of arguments"));
  }

  /** The token of a {@code Bearer} credential, with the scheme in any case. */
  public static Optional<String> bearer(String authorization) {
    String value = authorization.strip();
    if (value.length() > 7 && value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      String token = value.substring(7).strip();
      return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
    return Optional.empty();
  }
}
