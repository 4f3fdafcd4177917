package dev.sremcp.domain.redaction;

import java.util.Locale;

/** What a redacted span was: a kind of secret or of personal data. */
public enum SecretKind {
  PRIVATE_KEY,
  AWS_ACCESS_KEY,
  AWS_SECRET_KEY,
  GITHUB_TOKEN,
  GITLAB_TOKEN,
  SLACK_TOKEN,
  STRIPE_KEY,
  GOOGLE_API_KEY,
  OPENAI_KEY,
  JWT,
  BEARER_TOKEN,
  URL_PASSWORD,
  CONNECTION_STRING_PASSWORD,
  SECRET_ASSIGNMENT,
  HIGH_ENTROPY,
  EMAIL,
  IPV4,
  IPV6,
  HOSTNAME;

  /** The name pseudonyms and receipts use, e.g. {@code aws-access-key}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
