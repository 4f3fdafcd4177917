package dev.sremcp.testkit.fakes;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.usage.AuditEvent;
import dev.sremcp.ports.out.AuditLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The audit log in memory: append-only, like the real one. */
public final class InMemoryAuditLog implements AuditLog {

  private final List<AuditEvent> events = new ArrayList<>();

  @Override
  public synchronized void append(AuditEvent event) {
    events.add(Objects.requireNonNull(event, "event"));
  }

  @Override
  public synchronized List<AuditEvent> recent(AccountId account, int limit) {
    return events.reversed().stream()
        .filter(event -> account.equals(event.account()))
        .limit(Math.max(0, limit))
        .toList();
  }
}
