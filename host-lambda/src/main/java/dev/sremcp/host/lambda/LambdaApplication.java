package dev.sremcp.host.lambda;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.sremcp.application.AccountService;
import dev.sremcp.application.MeteredToolService;
import dev.sremcp.application.ToolService;
import dev.sremcp.auth.AuthModule;
import dev.sremcp.auth.TokenSettings;
import dev.sremcp.domain.BuiltInAnalyzers;
import dev.sremcp.inference.ExplainSettings;
import dev.sremcp.inference.OllamaLanguageModel;
import dev.sremcp.mcp.engine.McpServer;
import dev.sremcp.mcp.http.BearerAuthentication;
import dev.sremcp.mcp.http.HttpAuthentication;
import dev.sremcp.mcp.http.ProtectedResourceMetadata;
import dev.sremcp.mcp.tools.SreMcpServer;
import dev.sremcp.mcp.tools.TierAccess;
import dev.sremcp.persistence.DatabaseSettings;
import dev.sremcp.persistence.LimitsSettings;
import dev.sremcp.persistence.PersistenceModule;
import dev.sremcp.persistence.postgres.Database;
import dev.sremcp.persistence.postgres.EmbeddedPostgresServer;
import dev.sremcp.ports.out.AccessTokens;
import dev.sremcp.ports.out.AccountStore;
import dev.sremcp.ports.out.AuditLog;
import dev.sremcp.ports.out.ConcurrencyLimiter;
import dev.sremcp.ports.out.CredentialStore;
import dev.sremcp.ports.out.ExplanationCache;
import dev.sremcp.ports.out.PasswordHasher;
import dev.sremcp.ports.out.QuotaLedger;
import dev.sremcp.ports.out.RateLimiter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The metered application as a Lambda function runs it: the same services, stores and limiters as
 * {@code serve}, over an external PostgreSQL ({@code SREMCP_DATABASE_URL}: an embedded one would
 * live and die with each instance) and, with {@code SREMCP_REDIS_URL}, limits shared by every
 * instance. {@code SREMCP_PUBLIC_URL} names the function's URL, for the 401 challenge and the
 * access tokens' issuer; access tokens verify only with the {@code SREMCP_JWT_KEY} of the servers
 * that issue them. API keys work either way.
 */
final class LambdaApplication implements AutoCloseable {

  /** How often an instance releases the reservations of crashed ones. */
  static final Duration SWEEP_EVERY = Duration.ofMinutes(5);

  private final Injector injector;
  private final PersistenceModule persistence;
  private final AccountService accounts;
  private final McpServer server;
  private final String publicUrl;
  private final Clock clock;
  private final Optional<OllamaLanguageModel> ollama;
  private Instant nextSweep = Instant.MIN;

  private LambdaApplication(
      Injector injector,
      PersistenceModule persistence,
      AccountService accounts,
      McpServer server,
      String publicUrl,
      Clock clock,
      Optional<OllamaLanguageModel> ollama) {
    this.injector = injector;
    this.ollama = ollama;
    this.persistence = persistence;
    this.accounts = accounts;
    this.server = server;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  static LambdaApplication start(Map<String, String> configured) {
    String publicUrl =
        required(
                configured,
                "SREMCP_PUBLIC_URL",
                "the function's public URL (e.g. https://abc.lambda-url.eu-west-1.on.aws), which"
                    + " 401 challenges point at and access tokens are issued for")
            .replaceAll("/+$", "");
    required(
        configured,
        "SREMCP_DATABASE_URL",
        "the PostgreSQL that keeps accounts, keys, quotas and usage for every instance (an"
            + " embedded database would be lost with each instance)");
    Map<String, String> environment = new HashMap<>(configured);
    // Only a generated signing key is kept here, when no SREMCP_JWT_KEY is set; /tmp is writable.
    environment.putIfAbsent(
        "SREMCP_HOME", Path.of(System.getProperty("java.io.tmpdir"), "sre-mcp").toString());
    Clock clock = Clock.systemUTC();
    PersistenceModule persistence =
        new PersistenceModule(
            DatabaseSettings.fromEnvironment(environment),
            LimitsSettings.fromEnvironment(environment),
            EmbeddedPostgresServer.Kind.SERVER);
    Injector injector =
        Guice.createInjector(
            persistence,
            new AuthModule(
                TokenSettings.fromEnvironment(
                    environment, publicUrl, DatabaseSettings.home(environment))));
    injector.getInstance(Database.class); // connects (and migrates) in the init phase, or fails it
    AccountService accounts =
        new AccountService(
            injector.getInstance(AccountStore.class),
            injector.getInstance(CredentialStore.class),
            injector.getInstance(PasswordHasher.class),
            injector.getInstance(AccessTokens.class),
            injector.getInstance(QuotaLedger.class),
            injector.getInstance(AuditLog.class),
            LimitsSettings.tiers(environment),
            clock);
    // Lambda has no Ollama on 127.0.0.1: explanations only with a pool named in the environment.
    ExplainSettings explain = ExplainSettings.fromEnvironment(environment);
    OllamaLanguageModel ollama =
        explain.enabled() && environment.containsKey("SREMCP_OLLAMA_URLS")
            ? new OllamaLanguageModel(explain.ollama())
            : null;
    MeteredToolService tools =
        new MeteredToolService(
            new ToolService(
                BuiltInAnalyzers.all(),
                ollama == null
                    ? null
                    : explain.explainer(ollama, injector.getInstance(ExplanationCache.class))),
            injector.getInstance(RateLimiter.class),
            injector.getInstance(ConcurrencyLimiter.class),
            injector.getInstance(QuotaLedger.class),
            injector.getInstance(AuditLog.class),
            clock,
            MeteredToolService.defaultWaits());
    McpServer server =
        SreMcpServer.builder(tools, tools, environment)
            .toolAccess(
                new TierAccess(
                    tools,
                    BearerAuthentication.challenge(ProtectedResourceMetadata.url(publicUrl))))
            .build();
    return new LambdaApplication(
        injector, persistence, accounts, server, publicUrl, clock, Optional.ofNullable(ollama));
  }

  McpServer server() {
    return server;
  }

  HttpAuthentication authentication() {
    return new BearerAuthentication(accounts, ProtectedResourceMetadata.url(publicUrl), false);
  }

  String publicUrl() {
    return publicUrl;
  }

  AccountService accounts() {
    return accounts;
  }

  /**
   * Releases the quota reservations of calls whose instance crashed, at most every {@link
   * #SWEEP_EVERY}: Lambda has no background threads between invocations, so invocations take turns.
   */
  void sweep() {
    Instant now = clock.instant();
    if (now.isBefore(nextSweep)) {
      return;
    }
    nextSweep = now.plus(SWEEP_EVERY);
    try {
      injector
          .getInstance(QuotaLedger.class)
          .releaseAbandoned(now.minus(QuotaLedger.ABANDONED_AFTER));
    } catch (RuntimeException e) {
      System.err.println("sre-mcp: could not release abandoned reservations: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    ollama.ifPresent(OllamaLanguageModel::close);
    persistence.close(injector);
  }

  private static String required(Map<String, String> environment, String name, String what) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "sre-mcp on Lambda needs " + name + ": " + what + ". See README.md, AWS Lambda.");
    }
    return value.strip();
  }
}
