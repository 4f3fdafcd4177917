package dev.sremcp.domain.account;

import java.util.Objects;
import java.util.UUID;

/**
 * An account's identity; the only tenant key, taken from verified credentials, never from input.
 */
public record AccountId(UUID value) {

  public AccountId {
    Objects.requireNonNull(value, "value");
  }

  public static AccountId parse(String text) {
    return new AccountId(UUID.fromString(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
