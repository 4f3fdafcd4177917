package dev.sremcp.billing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.billing.BillingEvent;
import dev.sremcp.domain.billing.SubscriptionState;
import dev.sremcp.domain.billing.SubscriptionStatus;
import dev.sremcp.ports.out.Payments;
import dev.sremcp.ports.out.PaymentsException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Payments} on stripe-java: a {@link StripeClient} per process (two network retries with one
 * idempotency key), Checkout and Customer Portal sessions, subscriptions read back, and webhook
 * signatures checked with stripe-java's {@link Webhook} on the raw body. A notification's object is
 * read from its raw JSON, so an endpoint pinned to another API version still works.
 */
final class StripePayments implements Payments {

  /** Stripe's own tolerance for a signature's age; also applied to timestamps in the future. */
  static final long TOLERANCE_SECONDS = Webhook.DEFAULT_TOLERANCE;

  static final String ACCOUNT_METADATA = "sremcp_account";

  private final StripeClient client;
  private final BillingSettings settings;

  StripePayments(BillingSettings settings) {
    this.settings = settings;
    this.client =
        StripeClient.builder()
            .setApiKey(settings.secretKey())
            .setApiBase(settings.apiBase().toString())
            .setMaxNetworkRetries(2)
            .setConnectTimeout(5_000)
            .setReadTimeout(20_000)
            .build();
  }

  @Override
  public Set<Tier> sold() {
    return settings.prices().keySet();
  }

  @Override
  public String createCustomer(AccountId account, String email) {
    return call(
        () ->
            client
                .v1()
                .customers()
                .create(
                    CustomerCreateParams.builder()
                        .setEmail(email)
                        .putMetadata(ACCOUNT_METADATA, account.toString())
                        .build(),
                    RequestOptions.builder().setIdempotencyKey("customer-" + account).build())
                .getId());
  }

  @Override
  public URI checkout(String customer, AccountId account, Tier tier, URI returnTo) {
    String price = settings.prices().get(tier);
    if (price == null) {
      throw new IllegalArgumentException("no price is configured for the " + tier.id() + " tier");
    }
    SessionCreateParams params =
        SessionCreateParams.builder()
            .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
            .setCustomer(customer)
            .setClientReferenceId(account.toString())
            .addLineItem(
                SessionCreateParams.LineItem.builder().setPrice(price).setQuantity(1L).build())
            .setSubscriptionData(
                SessionCreateParams.SubscriptionData.builder()
                    .putMetadata(ACCOUNT_METADATA, account.toString())
                    .build())
            .setSuccessUrl(returnTo + "?checkout=complete")
            .setCancelUrl(returnTo + "?checkout=canceled")
            .build();
    return URI.create(call(() -> client.v1().checkout().sessions().create(params).getUrl()));
  }

  @Override
  public URI portal(String customer, URI returnTo, String subscription) {
    com.stripe.param.billingportal.SessionCreateParams.Builder params =
        com.stripe.param.billingportal.SessionCreateParams.builder()
            .setCustomer(customer)
            .setReturnUrl(returnTo.toString());
    if (subscription != null) {
      params.setFlowData(
          com.stripe.param.billingportal.SessionCreateParams.FlowData.builder()
              .setType(
                  com.stripe.param.billingportal.SessionCreateParams.FlowData.Type
                      .SUBSCRIPTION_UPDATE)
              .setSubscriptionUpdate(
                  com.stripe.param.billingportal.SessionCreateParams.FlowData.SubscriptionUpdate
                      .builder()
                      .setSubscription(subscription)
                      .build())
              .build());
    }
    return URI.create(
        call(() -> client.v1().billingPortal().sessions().create(params.build()).getUrl()));
  }

  @Override
  public Optional<SubscriptionState> subscription(String id) {
    Subscription subscription;
    try {
      subscription = client.v1().subscriptions().retrieve(id);
    } catch (StripeException e) {
      if (e.getStatusCode() != null && e.getStatusCode() == 404) {
        return Optional.empty();
      }
      throw failure(e);
    }
    SubscriptionItem item =
        subscription.getItems() == null || subscription.getItems().getData().isEmpty()
            ? null
            : subscription.getItems().getData().getFirst();
    if (item == null || item.getCurrentPeriodEnd() == null) {
      throw new PaymentsException(
          "Stripe's subscription " + id + " has no item with a current period", false, null);
    }
    SubscriptionStatus status =
        SubscriptionStatus.fromId(subscription.getStatus())
            .orElseThrow(
                () ->
                    new PaymentsException(
                        "Stripe's subscription "
                            + id
                            + " has an unknown status "
                            + subscription.getStatus(),
                        false,
                        null));
    String price = item.getPrice() == null ? null : item.getPrice().getId();
    Tier tier =
        settings.prices().entrySet().stream()
            .filter(entry -> entry.getValue().equals(price))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(null);
    return Optional.of(
        new SubscriptionState(
            subscription.getId(),
            subscription.getCustomer(),
            status,
            tier,
            Instant.ofEpochSecond(item.getCurrentPeriodEnd()),
            Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd())));
  }

  @Override
  public BillingEvent verify(String payload, String signature, Instant now) {
    if (signature == null || signature.isBlank()) {
      throw new InvalidNotificationException("The Stripe-Signature header is missing");
    }
    Event event;
    try {
      event =
          Webhook.constructEvent(
              payload,
              signature,
              settings.webhookSecret(),
              TOLERANCE_SECONDS,
              Clock.fixed(now, ZoneOffset.UTC));
    } catch (SignatureVerificationException e) {
      throw new InvalidNotificationException(
          "The Stripe-Signature header does not match the body: " + e.getMessage());
    } catch (JsonParseException | IllegalStateException e) {
      throw new InvalidNotificationException("The body is not a Stripe event");
    }
    long signedAt = signedAt(signature);
    if (signedAt > now.getEpochSecond() + TOLERANCE_SECONDS) {
      throw new InvalidNotificationException(
          "The signature's timestamp is more than " + TOLERANCE_SECONDS + " s in the future");
    }
    if (event.getId() == null || event.getType() == null || event.getCreated() == null) {
      throw new InvalidNotificationException("The body is not a Stripe event");
    }
    JsonObject object = object(event);
    String type = event.getType();
    String subscription = null;
    String reference = null;
    if (type.startsWith("checkout.session.")) {
      subscription = text(object, "subscription");
      reference = text(object, "client_reference_id");
    } else if (type.startsWith("customer.subscription.")) {
      subscription = text(object, "id");
      reference = text(member(object, "metadata"), ACCOUNT_METADATA);
    } else if (type.startsWith("invoice.")) {
      JsonObject details = member(member(object, "parent"), "subscription_details");
      subscription =
          Optional.ofNullable(text(object, "subscription")).orElse(text(details, "subscription"));
      reference = text(member(details, "metadata"), ACCOUNT_METADATA);
    }
    return new BillingEvent(
        event.getId(),
        type,
        Instant.ofEpochSecond(event.getCreated()),
        subscription,
        text(object, "customer"),
        reference);
  }

  private static long signedAt(String header) {
    for (String part : header.split(",")) {
      String[] pair = part.strip().split("=", 2);
      if (pair.length == 2 && pair[0].equals("t")) {
        try {
          return Long.parseLong(pair[1]);
        } catch (NumberFormatException e) {
          break;
        }
      }
    }
    throw new InvalidNotificationException("The Stripe-Signature header has no timestamp");
  }

  private static JsonObject object(Event event) {
    try {
      String raw = event.getDataObjectDeserializer().getRawJson();
      JsonElement element = raw == null ? null : JsonParser.parseString(raw);
      if (element != null && element.isJsonObject()) {
        return element.getAsJsonObject();
      }
    } catch (JsonParseException e) {
      // named below
    }
    throw new InvalidNotificationException("The Stripe event has no data.object");
  }

  private static JsonObject member(JsonObject object, String name) {
    JsonElement value = object == null ? null : object.get(name);
    return value != null && value.isJsonObject() ? value.getAsJsonObject() : null;
  }

  /** A string member, or the id of an expanded object; {@code null} otherwise. */
  private static String text(JsonObject object, String name) {
    JsonElement value = object == null ? null : object.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (value.isJsonPrimitive()) {
      return value.getAsString();
    }
    return value.isJsonObject() ? text(value.getAsJsonObject(), "id") : null;
  }

  private interface StripeCall<T> {
    T run() throws StripeException;
  }

  private static <T> T call(StripeCall<T> call) {
    try {
      return call.run();
    } catch (StripeException e) {
      throw failure(e);
    }
  }

  /** Stripe's own message, never the request (which may carry an e-mail address). */
  private static PaymentsException failure(StripeException e) {
    Integer status = e.getStatusCode();
    boolean retryable =
        e instanceof ApiConnectionException || status == null || status >= 500 || status == 429;
    String message =
        e.getStripeError() != null && e.getStripeError().getMessage() != null
            ? e.getStripeError().getMessage()
            : e.getClass().getSimpleName();
    return new PaymentsException(
        "Stripe " + (status == null ? "unreachable" : "answered " + status) + ": " + message,
        retryable,
        null);
  }
}
