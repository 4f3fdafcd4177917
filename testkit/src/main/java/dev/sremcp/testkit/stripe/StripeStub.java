package dev.sremcp.testkit.stripe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the part of Stripe's API sre-mcp calls, well enough for stripe-java: {@code
 * POST /v1/customers}, {@code POST /v1/checkout/sessions}, {@code POST /v1/billing_portal/sessions}
 * and {@code GET /v1/subscriptions/{id}}, with Stripe's JSON shapes, error bodies, bearer-key check
 * and {@code Idempotency-Key} replay. Every request is recorded.
 *
 * <p>It also plays Stripe's side: {@link #completeCheckout}, {@link #changePrice}, {@link
 * #failPayment}, {@link #payInvoice} and {@link #cancel} change a subscription as a customer's
 * actions would, and return the notifications Stripe would send for them, unsigned (sign them with
 * {@link StripeSignatures}). The subscription then reads back in its new state, which is what a
 * handler that re-reads subscriptions relies on.
 */
public final class StripeStub implements AutoCloseable {

  /** What a notification says about the API version; stripe-java reads the envelope only. */
  public static final String API_VERSION = "2026-10-28.clover";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One request as the stub received it; form bodies flattened to {@code a[b][c]} keys. */
  public record Recorded(
      String method, String path, Map<String, String> form, String idempotencyKey) {}

  private final HttpServer server;
  private final String secretKey;
  private final String prefix = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<String, ObjectNode> customers = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> sessions = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> subscriptions = new ConcurrentHashMap<>();
  private final Map<String, String> replies = new ConcurrentHashMap<>();
  private final List<Recorded> requests = new ArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();
  private String lastSession;

  private StripeStub(String secretKey) throws IOException {
    this.secretKey = secretKey;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::serve);
    server.start();
  }

  /** A stub that accepts requests carrying {@code secretKey} as their bearer. */
  public static StripeStub start(String secretKey) {
    try {
      return new StripeStub(secretKey);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What stripe-java's {@code setApiBase} takes. */
  public String apiBase() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public synchronized List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /** How many times subscriptions were read. */
  public synchronized long subscriptionReads() {
    return requests.stream().filter(r -> r.path().startsWith("/v1/subscriptions/")).count();
  }

  /** The next {@code times} requests answer 500, as Stripe does on its bad days. */
  public void failNext(int times) {
    failures.set(times);
  }

  /** The checkout session most recently created. */
  public synchronized String lastCheckoutSession() {
    if (lastSession == null) {
      throw new IllegalStateException("no checkout session was created");
    }
    return lastSession;
  }

  /** The subscription a completed checkout session created. */
  public String subscriptionOf(String sessionId) {
    ObjectNode session = sessions.get(sessionId);
    if (session == null || !session.path("subscription").isTextual()) {
      throw new IllegalArgumentException("checkout session " + sessionId + " is not complete");
    }
    return session.path("subscription").asText();
  }

  // ---- Stripe's side of a subscription's life: each returns the notifications Stripe sends ----

  /**
   * The customer pays on the checkout page: a subscription to the session's price, active until
   * {@code periodEnd}.
   */
  public List<String> completeCheckout(String sessionId, Instant periodEnd) {
    ObjectNode session = sessions.get(sessionId);
    if (session == null) {
      throw new IllegalArgumentException("no checkout session " + sessionId);
    }
    String subscriptionId = id("sub");
    ObjectNode subscription = MAPPER.createObjectNode();
    subscription
        .put("id", subscriptionId)
        .put("object", "subscription")
        .put("customer", session.path("customer").asText())
        .put("status", "active")
        .put("cancel_at_period_end", false)
        .put("created", Instant.now().getEpochSecond())
        .putObject("metadata")
        .put("sremcp_account", session.path("client_reference_id").asText());
    ObjectNode items = subscription.putObject("items").put("object", "list");
    items
        .put("has_more", false)
        .put("url", "/v1/subscription_items?subscription=" + subscriptionId);
    ObjectNode item = items.putArray("data").addObject();
    item.put("id", id("si"))
        .put("object", "subscription_item")
        .put("current_period_start", Instant.now().getEpochSecond())
        .put("current_period_end", periodEnd.getEpochSecond())
        .putObject("price")
        .put("id", session.path("__price").asText())
        .put("object", "price");
    subscriptions.put(subscriptionId, subscription);
    session.put("status", "complete").put("payment_status", "paid");
    session.put("subscription", subscriptionId);
    ObjectNode completed = session.deepCopy();
    completed.remove("__price");
    completed
        .putObject("customer_details")
        .put("email", "payer@example.com")
        .putObject("address")
        .put("line1", "1 Card Street")
        .put("postal_code", "4242");
    return List.of(
        event("checkout.session.completed", completed),
        event("customer.subscription.created", subscription),
        event("invoice.paid", invoice(subscription, "paid")));
  }

  /** The customer switches plans in the portal. */
  public List<String> changePrice(String subscriptionId, String priceId) {
    ObjectNode subscription = subscription(subscriptionId);
    ((ObjectNode) subscription.path("items").path("data").get(0).path("price")).put("id", priceId);
    return List.of(event("customer.subscription.updated", subscription));
  }

  /** A renewal payment fails; Stripe retries it and the subscription is past due. */
  public List<String> failPayment(String subscriptionId) {
    ObjectNode subscription = subscription(subscriptionId).put("status", "past_due");
    return List.of(
        event("invoice.payment_failed", invoice(subscription, "open")),
        event("customer.subscription.updated", subscription));
  }

  /** An invoice is paid: the subscription is active again, until {@code periodEnd}. */
  public List<String> payInvoice(String subscriptionId, Instant periodEnd) {
    ObjectNode subscription = subscription(subscriptionId).put("status", "active");
    ((ObjectNode) subscription.path("items").path("data").get(0))
        .put("current_period_end", periodEnd.getEpochSecond());
    return List.of(
        event("invoice.paid", invoice(subscription, "paid")),
        event("customer.subscription.updated", subscription));
  }

  /** The subscription ends; it was paid until its current period's end. */
  public List<String> cancel(String subscriptionId) {
    ObjectNode subscription =
        subscription(subscriptionId)
            .put("status", "canceled")
            .put("canceled_at", Instant.now().getEpochSecond())
            .put("ended_at", Instant.now().getEpochSecond());
    return List.of(event("customer.subscription.deleted", subscription));
  }

  /** A notification sre-mcp does not act on, carrying card details it must not keep. */
  public String chargeSucceeded(String customer) {
    ObjectNode charge = MAPPER.createObjectNode();
    charge.put("id", id("ch")).put("object", "charge").put("customer", customer);
    charge
        .putObject("payment_method_details")
        .put("type", "card")
        .putObject("card")
        .put("brand", "visa")
        .put("last4", "4242")
        .put("fingerprint", "Xt5EWLLDS7FJjR1c")
        .put("exp_month", 12)
        .put("exp_year", 2034);
    return event("charge.succeeded", charge);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  // ---- the API ----

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> form = form(body);
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      synchronized (this) {
        requests.add(new Recorded(method, path, Map.copyOf(form), key));
      }
      if (!("Bearer " + secretKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        reply(exchange, 401, error("Invalid API Key provided", null));
        return;
      }
      if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        reply(exchange, 500, error("An unknown error occurred", "api_error"));
        return;
      }
      String replayKey = key == null ? null : method + " " + path + " " + key;
      if (replayKey != null && replies.containsKey(replayKey)) {
        exchange.getResponseHeaders().add("Idempotent-Replayed", "true");
        reply(exchange, 200, replies.get(replayKey));
        return;
      }
      Optional<String> answer = answer(method, path, form);
      if (answer.isEmpty()) {
        String what =
            path.startsWith("/v1/subscriptions/")
                ? "No such subscription: '" + path.substring(18) + "'"
                : "Unrecognized request URL (" + method + ": " + path + ")";
        reply(exchange, 404, error(what, null));
        return;
      }
      if (replayKey != null && method.equals("POST")) {
        replies.put(replayKey, answer.get());
      }
      reply(exchange, 200, answer.get());
    }
  }

  private Optional<String> answer(String method, String path, Map<String, String> form) {
    if (method.equals("POST") && path.equals("/v1/customers")) {
      ObjectNode customer = MAPPER.createObjectNode();
      customer.put("id", id("cus")).put("object", "customer").put("email", form.get("email"));
      ObjectNode metadata = customer.putObject("metadata");
      prefixed(form, "metadata").forEach(metadata::put);
      customers.put(customer.path("id").asText(), customer);
      return Optional.of(customer.toString());
    }
    if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
      String id = id("cs_test");
      ObjectNode session = MAPPER.createObjectNode();
      session
          .put("id", id)
          .put("object", "checkout.session")
          .put("url", apiBase() + "/c/pay/" + id)
          .put("mode", form.get("mode"))
          .put("status", "open")
          .put("customer", form.get("customer"))
          .put("client_reference_id", form.get("client_reference_id"))
          .put("success_url", form.get("success_url"));
      session.putNull("subscription");
      sessions.put(id, session.deepCopy().put("__price", form.get("line_items[0][price]")));
      synchronized (this) {
        lastSession = id;
      }
      return Optional.of(session.toString());
    }
    if (method.equals("POST") && path.equals("/v1/billing_portal/sessions")) {
      String id = id("bps");
      ObjectNode portal = MAPPER.createObjectNode();
      portal
          .put("id", id)
          .put("object", "billing_portal.session")
          .put("url", apiBase() + "/p/session/" + id)
          .put("customer", form.get("customer"))
          .put("return_url", form.get("return_url"));
      return Optional.of(portal.toString());
    }
    if (method.equals("GET") && path.startsWith("/v1/subscriptions/")) {
      String id = path.substring("/v1/subscriptions/".length());
      return Optional.ofNullable(subscriptions.get(id)).map(ObjectNode::toString);
    }
    return Optional.empty();
  }

  private ObjectNode subscription(String id) {
    ObjectNode subscription = subscriptions.get(id);
    if (subscription == null) {
      throw new IllegalArgumentException("no subscription " + id);
    }
    return subscription;
  }

  private ObjectNode invoice(ObjectNode subscription, String status) {
    ObjectNode invoice = MAPPER.createObjectNode();
    invoice
        .put("id", id("in"))
        .put("object", "invoice")
        .put("customer", subscription.path("customer").asText())
        .put("status", status)
        .put("customer_email", "payer@example.com");
    invoice.putObject("customer_address").put("line1", "1 Card Street");
    ObjectNode details =
        invoice
            .putObject("parent")
            .put("type", "subscription_details")
            .putObject("subscription_details");
    details.put("subscription", subscription.path("id").asText());
    details.set("metadata", subscription.path("metadata").deepCopy());
    return invoice;
  }

  private String event(String type, ObjectNode object) {
    ObjectNode event = MAPPER.createObjectNode();
    event
        .put("id", id("evt"))
        .put("object", "event")
        .put("api_version", API_VERSION)
        .put("created", Instant.now().getEpochSecond())
        .put("livemode", false)
        .put("pending_webhooks", 1)
        .put("type", type);
    event.putObject("data").set("object", object.deepCopy());
    event.putObject("request").putNull("id").putNull("idempotency_key");
    return event.toString();
  }

  private String id(String kind) {
    return kind + "_" + prefix + ids.incrementAndGet();
  }

  private static String error(String message, String type) {
    ObjectNode error = MAPPER.createObjectNode();
    ObjectNode inner = error.putObject("error").put("message", message);
    inner.put("type", type == null ? "invalid_request_error" : type);
    if (message.startsWith("No such")) {
      inner.put("code", "resource_missing");
    }
    return error.toString();
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name =
          URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value =
          equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      form.put(name, value);
    }
    return form;
  }

  private static Map<String, String> prefixed(Map<String, String> form, String name) {
    Map<String, String> values = new LinkedHashMap<>();
    form.forEach(
        (key, value) -> {
          if (key.startsWith(name + "[") && key.endsWith("]")) {
            values.put(key.substring(name.length() + 1, key.length() - 1), value);
          }
        });
    return values;
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange
        .getResponseHeaders()
        .add("Request-Id", "req_" + UUID.randomUUID().toString().substring(0, 12));
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
