package dev.sremcp.host.javalin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.application.AccountException;
import dev.sremcp.application.AccountService;
import dev.sremcp.domain.account.Account;
import dev.sremcp.domain.account.StoredKey;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.account.TierLimits;
import dev.sremcp.domain.account.TierTable;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.persistence.postgres.EmbeddedPostgresServer;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sre-mcp admin}: the operator's commands on accounts. They work on the same database as
 * {@code serve} ({@code SREMCP_DATABASE_URL}, or the embedded one under {@code SREMCP_HOME}),
 * whether or not a server is running.
 */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = "Manage accounts, tiers and API keys.",
    subcommands = {
      AdminCommand.CreateAccount.class,
      AdminCommand.SetTier.class,
      AdminCommand.ListAccounts.class,
      AdminCommand.RevokeKey.class,
      AdminCommand.EconomicsCommand.class
    })
final class AdminCommand implements Runnable {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** What every admin command shares: the application, and how errors end. */
  static final class Common {
    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Spec(Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec spec;

    int run(Action action) {
      return runWith((application, out) -> action.run(application.accounts(), out));
    }

    int runWith(ApplicationAction action) {
      PrintWriter out = spec.commandLine().getOut();
      try (Application application =
          Application.start(
              System.getenv(), EmbeddedPostgresServer.Kind.COMMAND, "http://127.0.0.1")) {
        action.run(application, out);
        out.flush();
        return 0;
      } catch (AccountException e) {
        spec.commandLine().getErr().println("sre-mcp admin: " + e.getMessage());
        return e.kind() == AccountException.Kind.NOT_FOUND ? 3 : 2;
      }
    }
  }

  interface Action {
    void run(AccountService accounts, PrintWriter out);
  }

  interface ApplicationAction {
    void run(Application application, PrintWriter out);
  }

  @Command(
      name = "economics",
      mixinStandardHelpOptions = true,
      description =
          "The business in numbers: MRR by tier (list prices, SREMCP_MONTHLY_PRICES), paying,"
              + " new, churned and active accounts, requests by tier, and against"
              + " SREMCP_MONTHLY_COST (default $1,800) the gross margin and the break-even point.")
  static final class EconomicsCommand implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
      return common.runWith(
          (application, out) -> {
            var figures = application.economics().figures();
            out.print(
                common.json
                    ? Json.text(EconomicsView.json(figures)) + System.lineSeparator()
                    : EconomicsView.text(figures));
          });
    }
  }

  @Command(
      name = "create-account",
      mixinStandardHelpOptions = true,
      description =
          "Create an account and its first API key. The key is printed once; store it now.")
  static final class CreateAccount implements Callable<Integer> {
    @Mixin Common common;

    @Option(names = "--email", required = true, description = "The account's e-mail address.")
    String email;

    @Option(
        names = "--tier",
        defaultValue = "free",
        description =
            "free, starter, professional, enterprise or custom (default ${DEFAULT-VALUE}).")
    String tier;

    @Mixin CustomLimits custom;

    @Override
    public Integer call() {
      return common.run(
          (accounts, out) -> {
            Tier chosen = tier(tier);
            AccountService.Created created =
                accounts.createAccount(
                    email, chosen, custom.limits(chosen, accounts.tiers()), "admin");
            if (common.json) {
              out.println(
                  Json.text(accountJson(created.account()).put("apiKey", created.key().value())));
            } else {
              out.println(
                  "Created account "
                      + created.account().email()
                      + " ("
                      + created.account().id()
                      + ") on the "
                      + chosen.id()
                      + " tier.");
              out.println("API key (shown once, store it now):");
              out.println("  " + created.key().value());
              out.println("Use it as: Authorization: Bearer " + created.key().value());
            }
          });
    }
  }

  @Command(
      name = "set-tier",
      mixinStandardHelpOptions = true,
      description = "Move an account to a tier.")
  static final class SetTier implements Callable<Integer> {
    @Mixin Common common;

    @Option(
        names = "--account",
        required = true,
        description = "The account's e-mail address or id.")
    String account;

    @Option(
        names = "--tier",
        required = true,
        description = "free, starter, professional, enterprise or custom.")
    String tier;

    @Mixin CustomLimits custom;

    @Override
    public Integer call() {
      return common.run(
          (accounts, out) -> {
            Tier chosen = tier(tier);
            Account updated =
                accounts.setTier(account, chosen, custom.limits(chosen, accounts.tiers()), "admin");
            out.println(
                common.json
                    ? Json.text(accountJson(updated))
                    : updated.email() + " is now on the " + updated.tier().id() + " tier.");
          });
    }
  }

  @Command(
      name = "list-accounts",
      mixinStandardHelpOptions = true,
      description = "List every account.")
  static final class ListAccounts implements Callable<Integer> {
    @Mixin Common common;

    @Override
    public Integer call() {
      return common.run(
          (accounts, out) -> {
            if (common.json) {
              ArrayNode list = Json.MAPPER.createArrayNode();
              for (Account account : accounts.accounts()) {
                ObjectNode item = accountJson(account);
                ArrayNode keys = item.putArray("keys");
                for (StoredKey key : accounts.keys(account.id())) {
                  keys.addObject()
                      .put("id", key.id())
                      .put("name", key.name())
                      .put("active", key.active());
                }
                list.add(item);
              }
              out.println(Json.text(list));
              return;
            }
            out.printf("%-36s  %-12s  %-5s  %s%n", "ID", "TIER", "KEYS", "EMAIL");
            for (Account account : accounts.accounts()) {
              long active = accounts.keys(account.id()).stream().filter(StoredKey::active).count();
              out.printf(
                  "%-36s  %-12s  %-5d  %s%n",
                  account.id(), account.tier().id(), active, account.email());
            }
          });
    }
  }

  @Command(
      name = "revoke-key",
      mixinStandardHelpOptions = true,
      description = "Revoke an API key by its id (the part after smcp_).")
  static final class RevokeKey implements Callable<Integer> {
    @Mixin Common common;

    @Parameters(paramLabel = "KEY_ID", description = "The key's id, or the whole key.")
    String key;

    @Override
    public Integer call() {
      return common.run(
          (accounts, out) -> {
            String id =
                dev.sremcp.domain.account.ApiKey.parse(key)
                    .map(dev.sremcp.domain.account.ApiKey::id)
                    .orElse(key.strip());
            StoredKey revoked = accounts.revokeKey(id, "admin");
            out.println(
                common.json
                    ? Json.text(
                        Json.object()
                            .put("revoked", revoked.id())
                            .put("account", revoked.account().toString()))
                    : "Revoked key " + revoked.id() + " of account " + revoked.account() + ".");
          });
    }
  }

  static Tier tier(String name) {
    return TierTable.tierNamed(name)
        .orElseThrow(
            () ->
                new AccountException(
                    AccountException.Kind.INVALID,
                    "unknown tier '"
                        + name
                        + "': use free, starter, professional, enterprise or custom"));
  }

  /** A custom account's own limits: its options over the custom row of the tier table. */
  static final class CustomLimits {
    @Option(
        names = "--monthly",
        description =
            "custom tier: calls per month, or 'unlimited' (default: the tier table's custom row,"
                + " unlimited unless SREMCP_TIERS_FILE says otherwise).")
    String monthly;

    @Option(
        names = "--hourly",
        description =
            "custom tier: calls per hour, also its burst (default: the tier table's custom row,"
                + " 2000).")
    Integer hourly;

    /** The limits to store; {@code null} for the other tiers, which take the table's. */
    TierLimits limits(Tier tier, TierTable table) {
      if (tier != Tier.CUSTOM) {
        if (monthly != null || hourly != null) {
          throw new AccountException(
              AccountException.Kind.INVALID, "--monthly and --hourly are for the custom tier only");
        }
        return null;
      }
      TierLimits base = table.limits(Tier.CUSTOM);
      try {
        return new TierLimits(
            monthly == null ? base.monthlyRequests() : TierTable.monthly(monthly),
            hourly == null ? base.hourlyRate() : hourly,
            hourly == null ? base.burst() : Math.max(1, hourly),
            base.inFlight(),
            base.maxInputBytes(),
            base.priority());
      } catch (IllegalArgumentException e) {
        throw new AccountException(
            AccountException.Kind.INVALID, "invalid custom limits: " + e.getMessage());
      }
    }
  }

  static ObjectNode accountJson(Account account) {
    return Json.object()
        .put("id", account.id().toString())
        .put("email", account.email())
        .put("tier", account.tier().id().toLowerCase(Locale.ROOT))
        .put("createdAt", account.createdAt().toString());
  }
}
