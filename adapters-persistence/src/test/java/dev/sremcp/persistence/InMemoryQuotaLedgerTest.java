package dev.sremcp.persistence;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.ports.out.QuotaLedger;
import dev.sremcp.testkit.fakes.InMemoryQuotaLedger;
import dev.sremcp.testkit.ports.QuotaLedgerContract;
import java.util.List;

/** The in-memory fake passes the same contract as the PostgreSQL adapter. */
class InMemoryQuotaLedgerTest extends QuotaLedgerContract {

  private final InMemoryQuotaLedger ledger = new InMemoryQuotaLedger();

  @Override
  protected List<QuotaLedger> ledgers() {
    return List.of(ledger);
  }

  @Override
  protected AccountId newAccount() {
    return randomAccount();
  }
}
