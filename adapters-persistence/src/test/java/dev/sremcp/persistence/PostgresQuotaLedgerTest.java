package dev.sremcp.persistence;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.persistence.postgres.Database;
import dev.sremcp.persistence.postgres.PostgresQuotaLedger;
import dev.sremcp.ports.out.QuotaLedger;
import dev.sremcp.testkit.ports.QuotaLedgerContract;
import java.util.List;

/** The quota contract on a real PostgreSQL, with two instances on separate pools. */
class PostgresQuotaLedgerTest extends QuotaLedgerContract {

  private static final Database FIRST = Servers.database();
  private static final Database SECOND = Servers.database();

  @Override
  protected List<QuotaLedger> ledgers() {
    return List.of(new PostgresQuotaLedger(FIRST), new PostgresQuotaLedger(SECOND));
  }

  @Override
  protected AccountId newAccount() {
    return Servers.account(FIRST);
  }
}
