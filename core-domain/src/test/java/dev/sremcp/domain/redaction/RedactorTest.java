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

  private static final List<SeededSecrets.Seed> SEEDS = SeededSecrets.ALL;

  @Test
  void everySeededSecretIsReplacedAndCounted() {
    Redactor redactor = new Redactor(TENANT, Redactor.Options.DEFAULT);
    for (SeededSecrets.Seed seed : SEEDS) {
      Redacted redacted = redactor.redact(seed.line());
      assertThat(redacted.text()).as(seed.line()).doesNotContain(seed.secret());
      assertThat(redacted.receipt().counts()).as(seed.line()).containsKey(seed.kind());
      assertThat(redacted.text()).contains("<" + seed.kind().id() + "-");
    }
    String all = String.join("\n", SEEDS.stream().map(SeededSecrets.Seed::line).toList());
    Redacted redacted = redactor.redact(all);
    for (SeededSecrets.Seed seed : SEEDS) {
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
