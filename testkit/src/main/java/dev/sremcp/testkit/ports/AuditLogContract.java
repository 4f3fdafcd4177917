package dev.sremcp.testkit.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.usage.AuditEvent;
import dev.sremcp.ports.out.AuditLog;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLog} promises: events back as written, newest first, per account. */
public abstract class AuditLogContract {

  protected static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  protected abstract AuditLog log();

  /**
   * An account the store accepts rows for; a store with foreign keys creates a real one. By
   * default, a fresh id.
   */
  protected AccountId newAccount() {
    return new AccountId(UUID.randomUUID());
  }

  @Test
  void givesAnAccountsEventsBackNewestFirstUpToTheLimit() {
    AccountId account = newAccount();
    AuditEvent first = event(account, "tools/call", "ok", 0);
    AuditEvent second = event(account, "tools/call", "refused", 1);
    AuditEvent third = event(account, "key.revoke", "ok", 2);
    log().append(first);
    log().append(event(newAccount(), "tools/call", "ok", 3));
    log().append(second);
    log().append(third);

    assertThat(log().recent(account, 10)).containsExactly(third, second, first);
    assertThat(log().recent(account, 2)).containsExactly(third, second);
    assertThat(log().recent(account, 0)).isEmpty();
    assertThat(log().recent(new AccountId(UUID.randomUUID()), 10)).isEmpty();
  }

  @Test
  void acceptsEventsWithNoAccount() {
    // a refused login for an unknown address has no account, and must still be audited
    assertThatNoException()
        .isThrownBy(
            () ->
                log().append(new AuditEvent(NOW, null, "self", "login", null, null, 0, "refused")));
  }

  private static AuditEvent event(AccountId account, String action, String outcome, int second) {
    return new AuditEvent(
        NOW.plusSeconds(second),
        account,
        "key:k123",
        action,
        "slo_report",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        1234,
        outcome);
  }
}
