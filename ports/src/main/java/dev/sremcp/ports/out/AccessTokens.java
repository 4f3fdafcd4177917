package dev.sremcp.ports.out;

import dev.sremcp.domain.account.AccountId;
import java.time.Instant;
import java.util.Optional;

/** Short-lived signed access tokens for the REST API and MCP. */
public interface AccessTokens {

  /** A new token for the account, valid from {@code now} for the adapter's lifetime. */
  Issued issue(AccountId account, Instant now);

  /**
   * The account a token was issued to, when its signature, algorithm, issuer, audience and expiry
   * all check out at {@code now}; empty otherwise.
   */
  Optional<Verified> verify(String token, Instant now);

  record Issued(String token, String id, Instant expiresAt) {
    @Override
    public String toString() {
      return "Issued[" + id + ", expires " + expiresAt + "]";
    }
  }

  record Verified(AccountId account, String id, Instant expiresAt) {}
}
