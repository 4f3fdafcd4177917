package dev.sremcp.persistence;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.persistence.postgres.Database;
import dev.sremcp.persistence.postgres.PostgresAccountStore;
import dev.sremcp.persistence.postgres.PostgresAuditLog;
import dev.sremcp.persistence.postgres.PostgresBillingStore;
import dev.sremcp.persistence.postgres.PostgresCredentialStore;
import dev.sremcp.persistence.postgres.PostgresQuotaLedger;
import dev.sremcp.ports.out.AccountStore;
import dev.sremcp.ports.out.AuditLog;
import dev.sremcp.ports.out.BillingStore;
import dev.sremcp.ports.out.CredentialStore;
import dev.sremcp.ports.out.QuotaLedger;
import dev.sremcp.testkit.fakes.InMemoryAccountStore;
import dev.sremcp.testkit.fakes.InMemoryAuditLog;
import dev.sremcp.testkit.fakes.InMemoryBillingStore;
import dev.sremcp.testkit.fakes.InMemoryCredentialStore;
import dev.sremcp.testkit.fakes.InMemoryQuotaLedger;
import dev.sremcp.testkit.ports.AccountStoreContract;
import dev.sremcp.testkit.ports.AuditLogContract;
import dev.sremcp.testkit.ports.BillingStoreContract;
import dev.sremcp.testkit.ports.CredentialStoreContract;
import dev.sremcp.testkit.ports.QuotaLedgerContract;
import java.util.List;
import org.junit.jupiter.api.Nested;

/**
 * The store contracts, each passed by the in-memory fake and by PostgreSQL (a real embedded server;
 * the quota ledger on two instances with separate pools).
 */
class StoreContractsTest {

  private static final Database FIRST = Servers.database();
  private static final Database SECOND = Servers.database();

  @Nested
  class InMemoryAccounts extends AccountStoreContract {
    private final AccountStore store = new InMemoryAccountStore();

    @Override
    protected AccountStore store() {
      return store;
    }
  }

  @Nested
  class PostgresAccounts extends AccountStoreContract {
    @Override
    protected AccountStore store() {
      return new PostgresAccountStore(FIRST);
    }
  }

  @Nested
  class InMemoryCredentials extends CredentialStoreContract {
    private final CredentialStore store = new InMemoryCredentialStore();

    @Override
    protected CredentialStore store() {
      return store;
    }
  }

  @Nested
  class PostgresCredentials extends CredentialStoreContract {
    @Override
    protected CredentialStore store() {
      return new PostgresCredentialStore(FIRST);
    }

    @Override
    protected AccountId newAccount() {
      return Servers.account(FIRST);
    }
  }

  @Nested
  class InMemoryAudit extends AuditLogContract {
    private final AuditLog log = new InMemoryAuditLog();

    @Override
    protected AuditLog log() {
      return log;
    }
  }

  @Nested
  class PostgresAudit extends AuditLogContract {
    @Override
    protected AuditLog log() {
      return new PostgresAuditLog(FIRST);
    }

    @Override
    protected AccountId newAccount() {
      return Servers.account(FIRST);
    }
  }

  @Nested
  class InMemoryQuota extends QuotaLedgerContract {
    private final QuotaLedger ledger = new InMemoryQuotaLedger();

    @Override
    protected List<QuotaLedger> ledgers() {
      return List.of(ledger);
    }
  }

  @Nested
  class PostgresQuota extends QuotaLedgerContract {
    @Override
    protected List<QuotaLedger> ledgers() {
      return List.of(new PostgresQuotaLedger(FIRST), new PostgresQuotaLedger(SECOND));
    }

    @Override
    protected AccountId newAccount() {
      return Servers.account(FIRST);
    }
  }

  @Nested
  class InMemoryBilling extends BillingStoreContract {
    private final AccountStore accounts = new InMemoryAccountStore();
    private final AuditLog audit = new InMemoryAuditLog();
    private final BillingStore store = new InMemoryBillingStore(accounts, audit);

    @Override
    protected BillingStore store() {
      return store;
    }

    @Override
    protected AccountStore accounts() {
      return accounts;
    }

    @Override
    protected AuditLog audit() {
      return audit;
    }
  }

  @Nested
  class PostgresBilling extends BillingStoreContract {
    @Override
    protected BillingStore store() {
      return new PostgresBillingStore(FIRST);
    }

    @Override
    protected AccountStore accounts() {
      return new PostgresAccountStore(FIRST);
    }

    @Override
    protected AuditLog audit() {
      return new PostgresAuditLog(FIRST);
    }
  }
}
