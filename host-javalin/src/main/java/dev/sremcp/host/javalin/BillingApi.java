package dev.sremcp.host.javalin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.application.AccountService;
import dev.sremcp.application.BillingService;
import dev.sremcp.application.EconomicsService;
import dev.sremcp.domain.account.Caller;
import dev.sremcp.domain.billing.BillingAccount;
import dev.sremcp.mcp.http.BearerAuthentication;
import dev.sremcp.mcp.jsonrpc.Json;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Billing over HTTP: checkout, portal and subscription for the caller's own account under {@code
 * /v1/billing}, Stripe's notifications at {@code /webhooks/stripe} (no bearer: the signature on the
 * raw body is the credential), the page Stripe sends customers back to, and the operator's business
 * figures at {@code /v1/admin/economics} (bearer {@code SREMCP_ADMIN_TOKEN}).
 */
final class BillingApi {

  static final String WEBHOOK_PATH = "/webhooks/stripe";
  static final String RETURN_PATH = "/billing/return";

  /** Stripe's notifications are a few kilobytes; an invoice with many lines stays far below. */
  private static final int MAX_NOTIFICATION_BYTES = 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(BillingApi.class);

  private final RestApi rest;
  private final AccountService accounts;
  private final Optional<BillingService> billing;
  private final EconomicsService economics;
  private final Optional<String> adminToken;

  BillingApi(
      RestApi rest,
      AccountService accounts,
      Optional<BillingService> billing,
      EconomicsService economics,
      Optional<String> adminToken) {
    this.rest = rest;
    this.accounts = accounts;
    this.billing = billing;
    this.economics = economics;
    this.adminToken = adminToken;
  }

  void register(JavalinConfig config) {
    config.routes.post("/v1/billing/checkout", RestApi.guarded(this::checkout));
    config.routes.post("/v1/billing/portal", RestApi.guarded(this::portal));
    config.routes.get("/v1/billing/subscription", RestApi.guarded(this::subscription));
    config.routes.post(WEBHOOK_PATH, RestApi.guarded(this::notification));
    config.routes.get(RETURN_PATH, RestApi.guarded(this::returned));
    config.routes.get("/v1/admin/economics", RestApi.guarded(this::economics));
  }

  private void checkout(Context context) {
    Caller caller = rest.caller(context);
    String tier = RestApi.text(RestApi.body(context), "tier");
    BillingService.Link link = billing().checkout(caller.account(), tier, caller.credential());
    RestApi.json(
        context,
        200,
        Json.object()
            .put("kind", link.kind())
            .put("url", link.url().toString())
            .put("note", note(link)));
  }

  private void portal(Context context) {
    Caller caller = rest.caller(context);
    BillingService.Link link = billing().portal(caller.account());
    RestApi.json(
        context, 200, Json.object().put("kind", link.kind()).put("url", link.url().toString()));
  }

  private void subscription(Context context) {
    Caller caller = rest.caller(context);
    ObjectNode out =
        Json.object()
            .put("billing", billing.isPresent() ? "stripe" : "off")
            .put("tier", accounts.account(caller.account()).tier().id());
    Optional<BillingAccount> record =
        billing.flatMap(service -> service.subscription(caller.account()));
    if (record.isEmpty() || record.get().subscription() == null) {
      out.putNull("subscription");
    } else {
      BillingAccount kept = record.get();
      ObjectNode subscription =
          out.putObject("subscription")
              .put("status", kept.status().id())
              .put("tier", kept.subscribedTier() == null ? null : kept.subscribedTier().id())
              .put("periodEnd", text(kept.periodEnd()))
              .put("graceUntil", text(kept.graceUntil()));
      if (kept.scheduled() == null) {
        subscription.putNull("scheduledChange");
      } else {
        subscription
            .putObject("scheduledChange")
            .put("tier", kept.scheduled().tier().id())
            .put("at", kept.scheduled().at().toString());
      }
    }
    RestApi.json(context, 200, out);
  }

  private void notification(Context context) {
    BillingService service = billing();
    byte[] bytes = context.bodyAsBytes();
    if (bytes.length > MAX_NOTIFICATION_BYTES) {
      RestApi.error(context, 413, "A notification is at most " + MAX_NOTIFICATION_BYTES + " bytes");
      return;
    }
    String payload = new String(bytes, StandardCharsets.UTF_8);
    BillingService.Receipt receipt;
    try {
      receipt = service.notify(payload, context.header("Stripe-Signature"));
    } catch (dev.sremcp.ports.out.Payments.InvalidNotificationException e) {
      LOG.warn("refused a Stripe notification: {}", e.getMessage());
      throw e;
    }
    if (receipt.from() != receipt.to() && receipt.from() != null) {
      LOG.info("Stripe notification moved an account from {} to {}", receipt.from(), receipt.to());
    }
    ObjectNode out = Json.object().put("received", true).put("outcome", receipt.outcome());
    RestApi.json(context, 200, out);
  }

  private void returned(Context context) {
    String outcome = Optional.ofNullable(context.queryParam("checkout")).orElse("");
    String message =
        switch (outcome) {
          case "complete" ->
              "Thank you: the subscription is being activated, usually within seconds. Your"
                  + " tier shows at GET /v1/account.";
          case "canceled" -> "The checkout was canceled; nothing was charged.";
          default -> "Back from billing. Your tier shows at GET /v1/account.";
        };
    RestApi.json(context, 200, Json.object().put("message", message));
  }

  private void economics(Context context) {
    if (adminToken.isEmpty()) {
      RestApi.error(
          context,
          404,
          "The admin API is off: set SREMCP_ADMIN_TOKEN, or run ./sre-mcp admin economics");
      return;
    }
    String presented =
        Optional.ofNullable(context.header("Authorization"))
            .flatMap(BearerAuthentication::bearer)
            .orElse("");
    if (!MessageDigest.isEqual(
        AccountService.sha256(presented), AccountService.sha256(adminToken.get()))) {
      RestApi.error(context, 401, "Send Authorization: Bearer <SREMCP_ADMIN_TOKEN>");
      return;
    }
    RestApi.json(context, 200, EconomicsView.json(economics.figures()));
  }

  private BillingService billing() {
    return billing.orElseThrow(
        () ->
            new dev.sremcp.application.AccountException(
                dev.sremcp.application.AccountException.Kind.NOT_FOUND,
                "Billing is off on this server: tiers are set by its operator (./sre-mcp admin"
                    + " set-tier). It is turned on with SREMCP_STRIPE_SECRET_KEY."));
  }

  private static String note(BillingService.Link link) {
    return link.kind().equals("portal")
        ? "This account already has a subscription: change its plan on this page."
        : "Open this page to pay; the tier changes as soon as Stripe confirms the payment.";
  }

  private static String text(java.time.Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
