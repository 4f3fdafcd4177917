package dev.sremcp.domain.redaction;

import java.util.List;

/**
 * One seeded secret of every format the redactor supports, for the redaction tests here and the
 * tests that check no secret reaches the language model (shared through core-domain's test jar).
 */
public final class SeededSecrets {

  /** A line as it could appear in an input, the secret in it, and its kind. */
  public record Seed(String line, String secret, SecretKind kind) {}

  private SeededSecrets() {}

  public static final List<Seed> ALL =
      List.of(
          new Seed(
              "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
              "AKIAIOSFODNN7EXAMPLE",
              SecretKind.AWS_ACCESS_KEY),
          new Seed(
              "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
              "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
              SecretKind.AWS_SECRET_KEY),
          new Seed(
              "git clone https://ghp_16C7e42F292c6912E7710c838347Ae178B4a@github.com/x/y",
              "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
              SecretKind.GITHUB_TOKEN),
          new Seed(
              "token github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMN",
              "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMN",
              SecretKind.GITHUB_TOKEN),
          new Seed(
              "CI_TOKEN glpat-xY7_abcDEF1234567890zz used",
              "glpat-xY7_abcDEF1234567890zz",
              SecretKind.GITLAB_TOKEN),
          new Seed(
              "posting with xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
              "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
              SecretKind.SLACK_TOKEN),
          new Seed(
              "webhook https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
              "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
              SecretKind.SLACK_TOKEN),
          new Seed(
              "stripe.api_key sk_live_4eC39HqLyjWDarjtT1zdp7dc",
              "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
              SecretKind.STRIPE_KEY),
          new Seed(
              "signing whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
              "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
              SecretKind.STRIPE_KEY),
          new Seed(
              "maps key=AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI",
              "AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI",
              SecretKind.GOOGLE_API_KEY),
          new Seed(
              "OPENAI sk-proj-abcdefghijklmnopqrstuvwxyz012345",
              "sk-proj-abcdefghijklmnopqrstuvwxyz012345",
              SecretKind.OPENAI_KEY),
          new Seed(
              "cookie eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk",
              "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk",
              SecretKind.JWT),
          new Seed(
              "Authorization: Bearer 2YotnFZFEjr1zCsicMWpAA.mF_9.B5f-4.1JqM",
              "2YotnFZFEjr1zCsicMWpAA.mF_9.B5f-4.1JqM",
              SecretKind.BEARER_TOKEN),
          new Seed(
              "connecting to postgres://app:s3cr3t-P4ss@db.internal:5432/orders",
              "s3cr3t-P4ss",
              SecretKind.URL_PASSWORD),
          new Seed(
              "Server=tcp:sql.example.net;Database=orders;User Id=app;Password=Hunter2!x;",
              "Hunter2!x",
              SecretKind.CONNECTION_STRING_PASSWORD),
          new Seed(
              "DB_PASSWORD=correct-horse-battery",
              "correct-horse-battery",
              SecretKind.SECRET_ASSIGNMENT),
          new Seed(
              "{\"client_secret\": \"q9Wz-kkP-13\"}", "q9Wz-kkP-13", SecretKind.SECRET_ASSIGNMENT),
          new Seed("api_token: 9f8e7d6c5b4a", "9f8e7d6c5b4a", SecretKind.SECRET_ASSIGNMENT),
          new Seed(
              "ENV GITHUB_TOKEN_ADMIN=\"adm-7731-xq\"",
              "adm-7731-xq",
              SecretKind.SECRET_ASSIGNMENT),
          new Seed(
              "seed Zx8Qp2Lm9Rt4Vw7Yb3Nc6Hd1Jf5Kg0AsDqWeRtYu",
              "Zx8Qp2Lm9Rt4Vw7Yb3Nc6Hd1Jf5Kg0AsDqWeRtYu",
              SecretKind.HIGH_ENTROPY),
          new Seed(
              "user alice.smith@example.com logged in",
              "alice.smith@example.com",
              SecretKind.EMAIL),
          new Seed("from 203.0.113.42 port 51234", "203.0.113.42", SecretKind.IPV4),
          new Seed(
              "peer 2001:db8:85a3::8a2e:370:7334 closed",
              "2001:db8:85a3::8a2e:370:7334",
              SecretKind.IPV6),
          new Seed(
              "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq98s\nabcdEFGH1234==\n-----END RSA PRIVATE KEY-----",
              "MIIEowIBAAKCAQEA7bq98s",
              SecretKind.PRIVATE_KEY));
}
