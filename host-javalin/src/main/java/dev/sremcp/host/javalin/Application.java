package dev.sremcp.host.javalin;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import dev.sremcp.application.AccountService;
import dev.sremcp.application.BillingService;
import dev.sremcp.application.EconomicsService;
import dev.sremcp.application.Explainer;
import dev.sremcp.application.MeteredToolService;
import dev.sremcp.auth.AuthModule;
import dev.sremcp.auth.TokenSettings;
import dev.sremcp.billing.BillingModule;
import dev.sremcp.billing.BillingSettings;
import dev.sremcp.domain.account.TierTable;
import dev.sremcp.domain.billing.Economics;
import dev.sremcp.domain.billing.Prices;
import dev.sremcp.inference.ExplainSettings;
import dev.sremcp.inference.InferenceModule;
import dev.sremcp.inference.OllamaLanguageModel;
import dev.sremcp.persistence.DatabaseSettings;
import dev.sremcp.persistence.LimitsSettings;
import dev.sremcp.persistence.PersistenceModule;
import dev.sremcp.persistence.postgres.Database;
import dev.sremcp.persistence.postgres.EmbeddedPostgresServer;
import dev.sremcp.persistence.redis.RedisHealth;
import dev.sremcp.ports.out.AccessTokens;
import dev.sremcp.ports.out.AccountStore;
import dev.sremcp.ports.out.AuditLog;
import dev.sremcp.ports.out.BillingStore;
import dev.sremcp.ports.out.ConcurrencyLimiter;
import dev.sremcp.ports.out.CredentialStore;
import dev.sremcp.ports.out.ExplanationCache;
import dev.sremcp.ports.out.LanguageModel;
import dev.sremcp.ports.out.PasswordHasher;
import dev.sremcp.ports.out.Payments;
import dev.sremcp.ports.out.QuotaLedger;
import dev.sremcp.ports.out.RateLimiter;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metered application as {@code serve}, {@code stdio} and {@code admin} run it: the Guice
 * injector over the persistence and auth adapters, and the services on top. Closing it closes the
 * database (stopping the embedded one when this process started it) and Redis.
 */
final class Application implements AutoCloseable {

  private final Injector injector;
  private final PersistenceModule persistence;
  private final LimitsSettings limits;
  private final DatabaseSettings database;
  private final ExplainSettings explain;
  private final Optional<BillingSettings> billing;

  private Application(
      Injector injector,
      PersistenceModule persistence,
      LimitsSettings limits,
      DatabaseSettings database,
      ExplainSettings explain,
      Optional<BillingSettings> billing) {
    this.injector = injector;
    this.persistence = persistence;
    this.limits = limits;
    this.database = database;
    this.explain = explain;
    this.billing = billing;
  }

  /**
   * @param publicUrl the URL clients reach this service at, without a trailing slash: the tokens'
   *     issuer and the base of the protected-resource metadata
   */
  static Application start(
      Map<String, String> environment, EmbeddedPostgresServer.Kind kind, String publicUrl) {
    DatabaseSettings database = DatabaseSettings.fromEnvironment(environment);
    LimitsSettings limits = LimitsSettings.fromEnvironment(environment);
    TierTable tiers = LimitsSettings.tiers(environment);
    TokenSettings tokens =
        TokenSettings.fromEnvironment(environment, publicUrl, DatabaseSettings.home(environment));
    PersistenceModule persistence = new PersistenceModule(database, limits, kind);
    ExplainSettings explain = ExplainSettings.fromEnvironment(environment);
    Optional<BillingSettings> billing = BillingSettings.fromEnvironment(environment);
    Prices prices = prices(environment);
    BigDecimal monthlyCost = monthlyCost(environment);
    List<Module> modules = new ArrayList<>();
    modules.add(persistence);
    modules.add(new AuthModule(tokens));
    modules.add(new InferenceModule(explain.ollama()));
    billing.ifPresent(settings -> modules.add(new BillingModule(settings)));
    modules.add(
        new AbstractModule() {
          @Provides
          @Singleton
          Optional<BillingService> billing(Injector injector) {
            return billing.map(
                settings ->
                    new BillingService(
                        injector.getInstance(Payments.class),
                        injector.getInstance(BillingStore.class),
                        injector.getInstance(AccountStore.class),
                        injector.getInstance(AuditLog.class),
                        Clock.systemUTC(),
                        settings.grace(),
                        settings
                            .returnUrl()
                            .orElse(URI.create(publicUrl + BillingApi.RETURN_PATH))));
          }

          @Provides
          @Singleton
          EconomicsService economics(
              AccountStore accounts, BillingStore billingStore, QuotaLedger ledger) {
            return new EconomicsService(
                accounts, billingStore, ledger, prices, monthlyCost, Clock.systemUTC());
          }

          @Provides
          @Singleton
          AccountService accounts(
              AccountStore accounts,
              CredentialStore credentials,
              PasswordHasher passwords,
              AccessTokens tokens,
              QuotaLedger ledger,
              AuditLog audit) {
            return new AccountService(
                accounts, credentials, passwords, tokens, ledger, audit, tiers, Clock.systemUTC());
          }

          @Provides
          @Singleton
          Optional<Explainer> explainer(Injector injector) {
            if (!explain.enabled()) {
              return Optional.empty();
            }
            return Optional.of(
                explain.explainer(
                    injector.getInstance(LanguageModel.class),
                    injector.getInstance(ExplanationCache.class)));
          }

          @Provides
          @Singleton
          MeteredToolService tools(
              RateLimiter rate,
              ConcurrencyLimiter concurrency,
              QuotaLedger ledger,
              AuditLog audit,
              Optional<Explainer> explainer) {
            return new MeteredToolService(
                Composition.tools(explainer.orElse(null)),
                rate,
                concurrency,
                ledger,
                audit,
                Clock.systemUTC(),
                MeteredToolService.defaultWaits());
          }
        });
    Injector injector = Guice.createInjector(modules);
    injector.getInstance(Database.class); // opens (and migrates) it now, or fails the start
    return new Application(injector, persistence, limits, database, explain, billing);
  }

  /** {@code SREMCP_MONTHLY_PRICES}, e.g. {@code starter=12,enterprise=250}, over the plan's. */
  static Prices prices(Map<String, String> environment) {
    String pairs = environment.getOrDefault("SREMCP_MONTHLY_PRICES", "");
    try {
      return Prices.defaults().with(pairs);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("SREMCP_MONTHLY_PRICES: " + e.getMessage());
    }
  }

  /** {@code SREMCP_MONTHLY_COST} in US dollars; the plan's phase-1 figure by default. */
  static BigDecimal monthlyCost(Map<String, String> environment) {
    String text = environment.get("SREMCP_MONTHLY_COST");
    if (text == null || text.isBlank()) {
      return Economics.PHASE_ONE_COST;
    }
    BigDecimal cost = Prices.amount(text);
    if (cost == null) {
      throw new IllegalArgumentException(
          "SREMCP_MONTHLY_COST is '" + text + "': use US dollars a month, 0 or more");
    }
    return cost;
  }

  AccountService accounts() {
    return injector.getInstance(AccountService.class);
  }

  MeteredToolService tools() {
    return injector.getInstance(MeteredToolService.class);
  }

  /** The explain step, unless explanations are off. */
  Optional<Explainer> explainer() {
    return injector.getInstance(Key.get(new TypeLiteral<Optional<Explainer>>() {}));
  }

  /** Billing, unless it is off (no Stripe secret key). */
  Optional<BillingService> billing() {
    return injector.getInstance(Key.get(new TypeLiteral<Optional<BillingService>>() {}));
  }

  EconomicsService economics() {
    return injector.getInstance(EconomicsService.class);
  }

  /** Redis's health when the limits are in Redis. */
  Optional<RedisHealth> redis() {
    return limits.inProcess()
        ? Optional.empty()
        : Optional.of(injector.getInstance(RedisHealth.class));
  }

  /**
   * What readiness depends on: the database ({@code up} or {@code down}: charged calls need it)
   * and, when configured, Redis ({@code up} or {@code degraded}: the limiters fall back to local
   * ones, so the server stays ready without it).
   */
  Map<String, String> readiness() {
    Map<String, String> checks = new java.util.LinkedHashMap<>();
    checks.put("database", injector.getInstance(Database.class).reachable() ? "up" : "down");
    redis().ifPresent(health -> checks.put("redis", health.degraded() ? "degraded" : "up"));
    if (explain.enabled()) {
      // Without Ollama the tools still answer (deterministic only): degraded, never down.
      checks.put(
          "ollama",
          injector.getInstance(LanguageModel.class).health().available() ? "up" : "degraded");
    }
    return checks;
  }

  boolean embeddedDatabase() {
    return database.embedded();
  }

  String describe() {
    return database
        + ", "
        + limits
        + ", "
        + explain
        + ", "
        + billing.map(BillingSettings::toString).orElse("billing off");
  }

  /**
   * Releases the reservations of calls whose instance crashed: a reservation older than the longest
   * call plus a margin never ends by itself.
   */
  int releaseAbandoned(Duration olderThan) {
    return injector
        .getInstance(QuotaLedger.class)
        .releaseAbandoned(java.time.Instant.now().minus(olderThan));
  }

  @Override
  public void close() {
    if (explain.enabled()) {
      injector.getInstance(OllamaLanguageModel.class).close();
    }
    persistence.close(injector);
  }
}
