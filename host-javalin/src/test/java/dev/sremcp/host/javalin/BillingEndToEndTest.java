package dev.sremcp.host.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sremcp.application.AccountService;
import dev.sremcp.application.BillingService;
import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.persistence.postgres.EmbeddedPostgresServer;
import dev.sremcp.testkit.stripe.StripeSignatures;
import dev.sremcp.testkit.stripe.StripeStub;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Billing end to end, as {@code serve} composes it with Stripe configured: the real HTTP host, an
 * embedded PostgreSQL, stripe-java against {@link StripeStub} (Stripe's servers cannot be reached
 * from here), and notifications signed with Stripe's scheme by {@link StripeSignatures}.
 */
class BillingEndToEndTest {

  private static final String KEY = "sk_test_" + UUID.randomUUID().toString().replace("-", "");
  private static final String SECRET = "whsec_" + UUID.randomUUID().toString().replace("-", "");
  private static final String ADMIN = "admin-" + UUID.randomUUID();
  private static final String SLO =
      "{\"target\":99.9,\"window\":\"30d\",\"good\":999500,\"total\":1000000}";
  private static final Map<String, Tier> PRICES =
      Map.of(
          "price_starter", Tier.STARTER,
          "price_pro", Tier.PROFESSIONAL,
          "price_enterprise", Tier.ENTERPRISE);

  private static StripeStub stub;
  private static Path home;
  private static EmbeddedPostgresServer database;
  private static MeteredServer server;
  private static Application application;
  private static Javalin app;
  private static final ServerCalls CALLS = new ServerCalls(() -> app.port());

  @BeforeAll
  static void start() throws Exception {
    stub = StripeStub.start(KEY);
    home = Files.createTempDirectory("sremcp-billing");
    Path tiers = home.resolve("tiers.properties");
    Files.writeString(tiers, "free.monthly=3\n");
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("SREMCP_HOME", home.toString());
    environment.put("SREMCP_TIERS_FILE", tiers.toString());
    environment.put("SREMCP_STRIPE_SECRET_KEY", KEY);
    environment.put("SREMCP_STRIPE_WEBHOOK_SECRET", SECRET);
    environment.put("SREMCP_STRIPE_PRICE_STARTER", "price_starter");
    environment.put("SREMCP_STRIPE_PRICE_PROFESSIONAL", "price_pro");
    environment.put("SREMCP_STRIPE_PRICE_ENTERPRISE", "price_enterprise");
    environment.put("SREMCP_STRIPE_API_BASE", stub.apiBase());
    environment.put("SREMCP_ADMIN_TOKEN", ADMIN);
    PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    server = MeteredServer.start(environment, metrics);
    application = server.application();
    app = server.app();
    EconomicsGauges.register(application.economics(), metrics);
  }

  @AfterAll
  static void stop() {
    server.close();
    stub.close();
  }

  @Test
  void aFreeAccountOutOfQuotaSubscribesAndIsBackOnFreeAtThePeriodEnd() throws Exception {
    JsonNode session =
        json(
            CALLS.post(
                "/v1/signup",
                null,
                "{\"email\":\"journey@example.com\",\"password\":\"a long enough password\"}"));
    String token = session.path("accessToken").asText();
    String key = json(CALLS.post("/v1/keys", token, "{}")).path("key").asText();
    for (int i = 0; i < 3; i++) {
      assertThat(callSlo(key).path("result").path("isError").asBoolean()).isFalse();
    }
    JsonNode refused = callSlo(key);
    assertThat(refused.path("result").path("isError").asBoolean()).isTrue();
    assertThat(refused.toString()).contains("monthly").contains("starter");

    HttpResponse<String> checkout =
        CALLS.post("/v1/billing/checkout", token, "{\"tier\":\"starter\"}");
    assertThat(checkout.statusCode()).isEqualTo(200);
    assertThat(json(checkout).path("kind").asText()).isEqualTo("checkout");
    assertThat(json(checkout).path("url").asText()).startsWith(stub.apiBase() + "/c/pay/");

    // the period ends in a few seconds, so that the test can see it end
    Instant periodEnd = Instant.now().plusSeconds(4);
    List<String> events = stub.completeCheckout(stub.lastCheckoutSession(), periodEnd);
    String completed = of(events, "checkout.session.completed");
    String paid = of(events, "invoice.paid");
    assertThat(notify(completed).path("outcome").asText()).isEqualTo("applied");
    assertThat(notify(paid).path("outcome").asText()).isEqualTo("applied");
    assertThat(notify(paid).path("outcome").asText()).isEqualTo("duplicate");

    JsonNode account = json(CALLS.get("/v1/account", token));
    assertThat(account.path("tier").asText()).isEqualTo("starter");
    assertThat(account.path("limits").path("monthlyRequests").asLong()).isEqualTo(500);
    assertThat(callSlo(key).path("result").path("isError").asBoolean())
        .as("starter's limits at once")
        .isFalse();
    JsonNode subscription = json(CALLS.get("/v1/billing/subscription", token));
    assertThat(subscription.path("subscription").path("status").asText()).isEqualTo("active");
    assertThat(
            json(CALLS.post("/v1/billing/checkout", token, "{\"tier\":\"professional\"}"))
                .path("kind")
                .asText())
        .as("a subscriber changes plan in the portal, never pays twice")
        .isEqualTo("portal");

    String subscriptionId = stub.subscriptionOf(stub.lastCheckoutSession());
    assertThat(
            notify(of(stub.cancel(subscriptionId), "customer.subscription.deleted"))
                .path("outcome")
                .asText())
        .isEqualTo("applied");
    subscription = json(CALLS.get("/v1/billing/subscription", token));
    assertThat(subscription.path("tier").asText())
        .as("paid until the period ends")
        .isEqualTo("starter");
    assertThat(subscription.path("subscription").path("scheduledChange").path("tier").asText())
        .isEqualTo("free");

    BillingService billing = application.billing().orElseThrow();
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), periodEnd).toMillis()) + 1_100);
    assertThat(billing.applyDue()).isGreaterThanOrEqualTo(1);
    account = json(CALLS.get("/v1/account", token));
    assertThat(account.path("tier").asText()).isEqualTo("free");
    assertThat(account.path("limits").path("monthlyRequests").asLong()).isEqualTo(3);
  }

  @Test
  void aBadSignatureAStaleTimestampOrAChangedBodyGets400AndChangesNothing() throws Exception {
    AccountId account = newAccount();
    application.billing().orElseThrow().checkout(account, "enterprise", "test");
    String paid =
        of(
            stub.completeCheckout(stub.lastCheckoutSession(), Instant.now().plusSeconds(3_600)),
            "invoice.paid");
    Instant now = Instant.now();
    Map<String, HttpResponse<String>> refused = new LinkedHashMap<>();
    refused.put("bad signature", post(paid, StripeSignatures.header(paid, now, "whsec_wrong")));
    refused.put(
        "stale timestamp",
        post(paid, StripeSignatures.header(paid, now.minusSeconds(600), SECRET)));
    refused.put(
        "changed body",
        post(paid.replace("\"paid\"", "\"void\""), StripeSignatures.header(paid, now, SECRET)));
    refused.put("no signature", post(paid, null));
    refused.forEach(
        (why, response) -> {
          assertThat(response.statusCode()).as(why).isEqualTo(400);
          assertThat(response.body()).as(why).contains("\"error\":400");
        });
    assertThat(tier(account)).isEqualTo(Tier.FREE);
    assertThat(notify(paid).path("outcome").asText())
        .as("none of the refused deliveries recorded the event")
        .isEqualTo("applied");
    assertThat(tier(account)).isEqualTo(Tier.ENTERPRISE);
  }

  @Test
  void aThousandNotificationsWithDuplicatesInShuffledOrderEndOnTheRightTiersAppliedOnce()
      throws Exception {
    Random random = new Random(8);
    Map<AccountId, Tier> expected = new LinkedHashMap<>();
    List<String> distinct = new ArrayList<>();
    Instant later = Instant.now().plus(Duration.ofDays(30));
    while (distinct.size() < 900) {
      AccountId account = newAccount();
      int kind = expected.size() % 5;
      String tier =
          switch (kind) {
            case 2 -> "professional";
            case 3 -> "enterprise";
            default -> "starter";
          };
      application.billing().orElseThrow().checkout(account, tier, "test");
      String session = stub.lastCheckoutSession();
      List<String> events =
          new ArrayList<>(
              stub.completeCheckout(session, kind == 4 ? Instant.now().minusSeconds(60) : later));
      String subscription = stub.subscriptionOf(session);
      switch (kind) {
        case 0 -> expected.put(account, Tier.STARTER);
        case 1 -> {
          events.addAll(stub.changePrice(subscription, "price_pro"));
          expected.put(account, Tier.PROFESSIONAL);
        }
        case 2 -> {
          events.addAll(stub.failPayment(subscription));
          expected.put(account, Tier.PROFESSIONAL); // within the grace
        }
        case 3 -> {
          events.addAll(stub.failPayment(subscription));
          events.addAll(stub.payInvoice(subscription, later));
          expected.put(account, Tier.ENTERPRISE);
        }
        default -> {
          events.addAll(stub.cancel(subscription));
          expected.put(account, Tier.FREE); // its paid period is over
        }
      }
      events.add(
          stub.chargeSucceeded(
              json(events.getFirst()).path("data").path("object").path("customer").asText()));
      distinct.addAll(events);
    }
    List<String> deliveries = new ArrayList<>(distinct);
    while (deliveries.size() < 1_000) {
      deliveries.add(distinct.get(random.nextInt(distinct.size())));
    }
    Collections.shuffle(deliveries, random);

    Map<String, Integer> appliedPerEvent = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (String payload : deliveries) {
        sent.add(
            pool.submit(
                () -> {
                  JsonNode receipt = notify(payload);
                  String id = json(payload).path("id").asText();
                  appliedPerEvent.merge(
                      id,
                      receipt.path("outcome").asText().equals("duplicate") ? 0 : 1,
                      Integer::sum);
                  return null;
                }));
      }
      for (Future<?> future : sent) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }

    assertThat(deliveries).hasSize(1_000);
    Set<String> ids = new HashSet<>();
    distinct.forEach(payload -> ids.add(json(payload).path("id").asText()));
    assertThat(appliedPerEvent.keySet()).isEqualTo(ids);
    assertThat(appliedPerEvent.values()).as("each event applied exactly once").containsOnly(1);
    assertThat(count("SELECT count(*) FROM billing_event WHERE id = ANY(?)", ids))
        .isEqualTo(ids.size());
    expected.forEach(
        (account, tier) -> assertThat(tier(account)).as(account.toString()).isEqualTo(tier));
    // a tier change is audited once per account, whatever arrived twice
    assertThat(
            count(
                "SELECT count(*) FROM audit_event WHERE action = 'billing.tier' AND account_id::text = ANY(?)",
                expected.keySet().stream()
                    .map(AccountId::toString)
                    .collect(java.util.stream.Collectors.toSet())))
        .as("the paid ones moved once from free; the others never left it")
        .isEqualTo(expected.values().stream().filter(t -> t != Tier.FREE).count());
  }

  @Test
  void theBusinessFiguresAreOnTheAdminRouteAndOnMetrics() throws Exception {
    AccountId account = newAccount();
    application.billing().orElseThrow().checkout(account, "professional", "test");
    for (String event :
        stub.completeCheckout(stub.lastCheckoutSession(), Instant.now().plusSeconds(3_600))) {
      notify(event);
    }
    assertThat(CALLS.get("/v1/admin/economics", "wrong").statusCode()).isEqualTo(401);
    HttpResponse<String> response = CALLS.get("/v1/admin/economics", ADMIN);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode figures = json(response);
    long professional = figures.path("tiers").path("professional").path("accounts").asLong();
    assertThat(professional).isPositive();
    assertThat(figures.path("tiers").path("professional").path("mrr").decimalValue())
        .isEqualByComparingTo(java.math.BigDecimal.valueOf(50 * professional));
    assertThat(figures.path("monthlyCost").decimalValue()).isEqualByComparingTo("1800");
    assertThat(figures.path("breakEvenAccounts").asLong()).isPositive();
    assertThat(figures.path("newPayingAccounts30d").asLong()).isPositive();
    String metrics = CALLS.get("/metrics", null).body();
    assertThat(metrics)
        .contains("sremcp_mrr_usd{tier=\"professional\"}")
        .contains("sremcp_break_even_accounts")
        .contains("sremcp_active_accounts_7d");
  }

  @Test
  void noStripeSecretOrCardDataReachesTheLogsOrTheDatabase() throws Exception {
    AccountId account = newAccount();
    application.billing().orElseThrow().checkout(account, "starter", "test");
    List<String> events =
        stub.completeCheckout(stub.lastCheckoutSession(), Instant.now().plusSeconds(3_600));
    for (String event : events) {
      notify(event);
    }
    String customer = json(events.getFirst()).path("data").path("object").path("customer").asText();
    assertThat(notify(stub.chargeSucceeded(customer)).path("outcome").asText())
        .isEqualTo("ignored");
    post(events.getFirst(), StripeSignatures.header(events.getFirst(), Instant.now(), "whsec_x"));

    StringBuilder database = new StringBuilder();
    try (Connection connection = connection();
        Statement statement = connection.createStatement();
        ResultSet tables =
            statement.executeQuery(
                "SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'")) {
      tables.next();
      for (String table : tables.getString(1).split(",")) {
        try (Statement dump = connection.createStatement();
            ResultSet rows =
                dump.executeQuery("SELECT row_to_json(t)::text FROM " + table + " t")) {
          while (rows.next()) {
            database.append(rows.getString(1)).append('\n');
          }
        }
      }
    }
    System.err.flush();
    String logs = server.logs();
    for (String text : List.of(database.toString(), logs)) {
      assertThat(text)
          .doesNotContain(KEY)
          .doesNotContain(SECRET)
          .doesNotContain("4242")
          .doesNotContain("Xt5EWLLDS7FJjR1c")
          .doesNotContain("1 Card Street")
          .doesNotContain("/c/pay/")
          .doesNotContain("/p/session/");
    }
    assertThat(database.toString()).contains(customer).contains("billing.tier");
  }

  // ---- helpers ----

  private static AccountId newAccount() {
    AccountService accounts = application.accounts();
    return accounts
        .createAccount(UUID.randomUUID() + "@billing.example.com", Tier.FREE, null, "test")
        .account()
        .id();
  }

  private static Tier tier(AccountId account) {
    return application.accounts().account(account).tier();
  }

  private static JsonNode callSlo(String key) throws Exception {
    return json(
        CALLS.mcp(key, "tools/call", "{\"name\":\"slo_report\",\"arguments\":" + SLO + "}"));
  }

  private static String of(List<String> events, String type) {
    return events.stream()
        .filter(event -> json(event).path("type").asText().equals(type))
        .findFirst()
        .orElseThrow();
  }

  private static JsonNode notify(String payload) throws Exception {
    HttpResponse<String> response =
        post(payload, StripeSignatures.header(payload, Instant.now(), SECRET));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private static HttpResponse<String> post(String payload, String signature) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.port() + BillingApi.WEBHOOK_PATH))
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(payload));
    if (signature != null) {
      request.header("Stripe-Signature", signature);
    }
    return CALLS.send(request, null);
  }

  private static long count(String sql, Set<String> values) throws Exception {
    try (Connection connection = connection();
        var statement = connection.prepareStatement(sql)) {
      statement.setArray(1, connection.createArrayOf("text", values.toArray()));
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static synchronized Connection connection() throws Exception {
    if (database == null) {
      database = EmbeddedPostgresServer.startOrJoin(home, EmbeddedPostgresServer.Kind.COMMAND);
    }
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), null);
  }

  private static JsonNode json(HttpResponse<String> response) {
    return json(response.body());
  }

  private static JsonNode json(String body) {
    try {
      return ServerCalls.json(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
