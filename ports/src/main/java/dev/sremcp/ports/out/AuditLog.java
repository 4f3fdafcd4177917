package dev.sremcp.ports.out;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.usage.AuditEvent;
import java.util.List;

/** The append-only audit trail: nothing here is ever updated or deleted. */
public interface AuditLog {

  void append(AuditEvent event);

  /** The account's events, newest first, at most {@code limit}. */
  List<AuditEvent> recent(AccountId account, int limit);
}
