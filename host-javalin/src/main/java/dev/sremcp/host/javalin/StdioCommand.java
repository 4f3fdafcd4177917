package dev.sremcp.host.javalin;

import dev.sremcp.application.AccountException;
import dev.sremcp.application.AccountService;
import dev.sremcp.domain.account.Account;
import dev.sremcp.domain.account.Caller;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.mcp.engine.Attributes;
import dev.sremcp.mcp.engine.LogLevel;
import dev.sremcp.mcp.engine.McpServer;
import dev.sremcp.mcp.engine.RequestObserver;
import dev.sremcp.mcp.http.HttpSettings;
import dev.sremcp.mcp.stdio.StdioServer;
import dev.sremcp.mcp.tools.SreMcpServer;
import dev.sremcp.persistence.postgres.EmbeddedPostgresServer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sre-mcp stdio}: MCP over standard input and output; logs go to standard error. */
@Command(
    name = "stdio",
    mixinStandardHelpOptions = true,
    description = "Serve MCP over standard input and output, for a client that starts the server.")
final class StdioCommand implements Callable<Integer> {

  @Option(
      names = "--conformance-fixtures",
      description = "Also register the fixtures of the official MCP conformance suite.")
  boolean conformanceFixtures;

  @Override
  public Integer call() throws Exception {
    // MCP gets the raw descriptor, whose write errors show that the client has gone (a PrintStream
    // would swallow them); anything printed with System.out goes to stderr instead.
    OutputStream mcp = new FileOutputStream(FileDescriptor.out);
    System.setOut(System.err);
    Map<String, String> environment = System.getenv();
    try (Application application =
        Application.start(environment, EmbeddedPostgresServer.Kind.SERVER, "http://127.0.0.1")) {
      Optional<Caller> caller = caller(application, environment.get("SREMCP_API_KEY"));
      if (caller.isEmpty()) {
        return 2;
      }
      McpServer server =
          Composition.meteredServer(
              environment,
              conformanceFixtures,
              RequestObserver.NONE,
              application.tools(),
              Map.of());
      int maxLine = (int) HttpSettings.fromEnvironment(environment, true).maxBodyBytes();
      System.err.println(
          "sre-mcp "
              + SreMcpServer.VERSION
              + " serving MCP over stdio as "
              + caller.get().credential()
              + " (logs on standard error)");
      new StdioServer(
              server,
              System.in,
              mcp,
              maxLine,
              LogLevel.INFO,
              Attributes.of(Caller.class, caller.get()))
          .run(Duration.ofSeconds(5));
      return 0;
    }
  }

  /**
   * The caller of every request: the account of {@code SREMCP_API_KEY}, or, on the embedded
   * database, the local owner account (created on first use, unmetered).
   */
  static Optional<Caller> caller(Application application, String apiKey) {
    AccountService accounts = application.accounts();
    if (apiKey != null && !apiKey.isBlank()) {
      Optional<Caller> caller = accounts.authenticate(apiKey.strip());
      if (caller.isEmpty()) {
        System.err.println("sre-mcp: SREMCP_API_KEY is unknown or revoked");
      }
      return caller;
    }
    if (!application.embeddedDatabase()) {
      System.err.println(
          "sre-mcp: set SREMCP_API_KEY: on a shared database, stdio runs as an account's key");
      return Optional.empty();
    }
    Account owner;
    try {
      owner = accounts.find(LOCAL_OWNER);
    } catch (AccountException notYet) {
      try {
        owner =
            accounts
                .createAccount(
                    LOCAL_OWNER, Tier.CUSTOM, accounts.tiers().limits(Tier.CUSTOM), "stdio")
                .account();
      } catch (AccountException raced) {
        owner = accounts.find(LOCAL_OWNER);
      }
    }
    return accounts.caller(owner.id(), "local-owner");
  }

  /** The account a local stdio server runs as when no key is given. */
  static final String LOCAL_OWNER = "owner@sre-mcp.local";
}
