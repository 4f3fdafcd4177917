package dev.sremcp.domain.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class RedactorTest {

  private static final byte[] TENANT = "tenant-one-pseudonym-key".getBytes(StandardCharsets.UTF_8);
  private static final byte[] OTHER = "tenant-two-pseudonym-key".getBytes(StandardCharsets.UTF_8);

  /** One seeded secret of every supported format: the line, the secret in it, its kind. */
  private record Seed(String line, String secret, SecretKind kind) {}

  private static final List<Seed> SEEDS =
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

  @Test
  void everySeededSecretIsReplacedAndCounted() {
    Redactor redactor = new Redactor(TENANT, Redactor.Options.DEFAULT);
    for (Seed seed : SEEDS) {
      Redacted redacted = redactor.redact(seed.line());
      assertThat(redacted.text()).as(seed.line()).doesNotContain(seed.secret());
      assertThat(redacted.receipt().counts()).as(seed.line()).containsKey(seed.kind());
      assertThat(redacted.text()).contains("<" + seed.kind().id() + "-");
    }
    String all = String.join("\n", SEEDS.stream().map(Seed::line).toList());
    Redacted redacted = redactor.redact(all);
    for (Seed seed : SEEDS) {
      assertThat(redacted.text()).doesNotContain(seed.secret());
      assertThat(redacted.receipt().toString()).doesNotContain(seed.secret());
    }
    assertThat(redacted.receipt().total()).isGreaterThanOrEqualTo(SEEDS.size());
    assertThat(redacted.restore(redacted.text())).isEqualTo(all);
  }

  @Test
  void pseudonymsAreStableWithinATenantAndDifferAcrossTenants() {
    String line = "login by bob@example.com, then bob@example.com again";
    Redacted first = new Redactor(TENANT, Redactor.Options.DEFAULT).redact(line);
    Redacted again = new Redactor(TENANT, Redactor.Options.DEFAULT).redact(line);
    Redacted other = new Redactor(OTHER, Redactor.Options.DEFAULT).redact(line);
    assertThat(first.text()).isEqualTo(again.text());
    assertThat(first.text()).isNotEqualTo(other.text());
    assertThat(first.originals()).hasSize(1);
    assertThat(first.receipt().counts()).containsExactly(Map.entry(SecretKind.EMAIL, 2));
    String answer =
        "The failures start after " + first.originals().keySet().iterator().next() + " logs in.";
    assertThat(first.restore(answer))
        .isEqualTo("The failures start after bob@example.com logs in.");
  }

  @Test
  void leavesOrdinaryLogTextAlone() {
    String log =
        """
        2026-11-24T10:15:02Z INFO  GET /api/orders/42 200 12ms
        ERROR java.lang.IllegalStateException: connection pool exhausted (max=20)
        commit 3f9a0c12b4d5e6f708192a3b4c5d6e7f80912a3b deployed
        request 7c9e6679-7425-40de-944b-e07fc1f90ae7 took 1.5s
        at com.example.orders.OrderService.place(OrderService.java:118)
        """;
    Redacted redacted = new Redactor(TENANT, Redactor.Options.DEFAULT).redact(log);
    assertThat(redacted.text()).isEqualTo(log);
    assertThat(redacted.receipt().total()).isZero();
  }

  @Test
  void hostNamesOnlyWhenAskedAndPersonalDataCanBeKept() {
    String line = "upstream api.payments.example.com from 10.0.0.7";
    assertThat(new Redactor(TENANT, Redactor.Options.DEFAULT).redact(line).text())
        .contains("api.payments.example.com")
        .doesNotContain("10.0.0.7");
    assertThat(new Redactor(TENANT, new Redactor.Options(true, true)).redact(line).text())
        .doesNotContain("api.payments.example.com");
    assertThat(new Redactor(TENANT, new Redactor.Options(false, false)).redact(line).text())
        .isEqualTo(line);
  }

  @Test
  void refusesAShortKey() {
    assertThatThrownBy(() -> new Redactor(new byte[8], Redactor.Options.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
