package dev.sremcp.domain.account;

import java.util.Objects;

/**
 * Who is calling, as established from verified credentials: the tenant of every charge and every
 * row read.
 *
 * @param credential the public name of the credential used ({@code key:<id>}, {@code token:<jti>},
 *     {@code local-owner}), for audit; never a secret
 */
public record Caller(AccountId account, Tier tier, TierLimits limits, String credential) {

  public Caller {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(credential, "credential");
  }
}
