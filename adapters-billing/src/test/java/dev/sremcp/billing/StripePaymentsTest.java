package dev.sremcp.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.billing.BillingEvent;
import dev.sremcp.domain.billing.SubscriptionState;
import dev.sremcp.domain.billing.SubscriptionStatus;
import dev.sremcp.ports.out.Payments;
import dev.sremcp.ports.out.PaymentsException;
import dev.sremcp.testkit.stripe.StripeSignatures;
import dev.sremcp.testkit.stripe.StripeStub;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The Stripe adapter through stripe-java against {@link StripeStub} (Stripe's servers cannot be
 * reached from here): the requests it makes, what it reads back, and webhook verification against
 * an independent signer of Stripe's scheme.
 */
class StripePaymentsTest {

  private static final String KEY = "sk_test_" + UUID.randomUUID().toString().replace("-", "");
  private static final String SECRET = "whsec_" + UUID.randomUUID().toString().replace("-", "");
  private static final StripeStub STUB = StripeStub.start(KEY);
  private static final URI BACK = URI.create("https://sremcp.example.com/billing/return");
  private static final Payments PAYMENTS = payments(KEY);

  @AfterAll
  static void stop() {
    STUB.close();
  }

  private static Payments payments(String key) {
    return new StripePayments(
        new BillingSettings(
            key,
            SECRET,
            Map.of(Tier.STARTER, "price_starter", Tier.PROFESSIONAL, "price_pro"),
            URI.create(STUB.apiBase()),
            Duration.ofDays(7),
            Optional.empty()));
  }

  @Test
  void aCustomerIsCreatedOncePerAccountWithTheAccountInItsMetadata() {
    AccountId account = new AccountId(UUID.randomUUID());
    String first = PAYMENTS.createCustomer(account, "a@example.com");
    String again = PAYMENTS.createCustomer(account, "a@example.com");
    String other = PAYMENTS.createCustomer(new AccountId(UUID.randomUUID()), "b@example.com");

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    StripeStub.Recorded request =
        STUB.requests().stream()
            .filter(r -> r.path().equals("/v1/customers"))
            .filter(r -> ("customer-" + account).equals(r.idempotencyKey()))
            .findFirst()
            .orElseThrow();
    assertThat(request.form())
        .containsEntry("email", "a@example.com")
        .containsEntry("metadata[sremcp_account]", account.toString());
  }

  @Test
  void checkoutSellsTheTiersPriceForTheAccountAndReadsBackTheSubscription() {
    AccountId account = new AccountId(UUID.randomUUID());
    String customer = PAYMENTS.createCustomer(account, "c@example.com");
    URI page = PAYMENTS.checkout(customer, account, Tier.PROFESSIONAL, BACK);

    assertThat(page.toString()).startsWith(STUB.apiBase() + "/c/pay/cs_test_");
    StripeStub.Recorded request =
        STUB.requests().stream()
            .filter(r -> r.path().equals("/v1/checkout/sessions"))
            .filter(r -> customer.equals(r.form().get("customer")))
            .findFirst()
            .orElseThrow();
    assertThat(request.form())
        .containsEntry("mode", "subscription")
        .containsEntry("client_reference_id", account.toString())
        .containsEntry("line_items[0][price]", "price_pro")
        .containsEntry("line_items[0][quantity]", "1")
        .containsEntry("subscription_data[metadata][sremcp_account]", account.toString())
        .containsEntry("success_url", BACK + "?checkout=complete");

    Instant end = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
    String session = STUB.lastCheckoutSession();
    STUB.completeCheckout(session, end);
    SubscriptionState state = PAYMENTS.subscription(STUB.subscriptionOf(session)).orElseThrow();
    assertThat(state.customer()).isEqualTo(customer);
    assertThat(state.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(state.tier()).isEqualTo(Tier.PROFESSIONAL);
    assertThat(state.periodEnd()).isEqualTo(end);

    STUB.changePrice(state.id(), "price_someone_elses");
    assertThat(PAYMENTS.subscription(state.id()).orElseThrow().tier())
        .as("a price not sold here maps to no tier")
        .isNull();
    STUB.cancel(state.id());
    assertThat(PAYMENTS.subscription(state.id()).orElseThrow().status())
        .isEqualTo(SubscriptionStatus.CANCELED);
    assertThat(PAYMENTS.subscription("sub_missing")).isEmpty();
  }

  @Test
  void thePortalOpensOnAPlanChangeWhenASubscriptionIsNamed() {
    String customer = PAYMENTS.createCustomer(new AccountId(UUID.randomUUID()), "d@example.com");
    assertThat(PAYMENTS.portal(customer, BACK, null).toString()).contains("/p/session/bps_");
    PAYMENTS.portal(customer, BACK, "sub_123");
    List<StripeStub.Recorded> portals =
        STUB.requests().stream()
            .filter(r -> r.path().equals("/v1/billing_portal/sessions"))
            .filter(r -> customer.equals(r.form().get("customer")))
            .toList();
    assertThat(portals).hasSize(2);
    assertThat(portals.get(0).form()).containsEntry("return_url", BACK.toString());
    assertThat(portals.get(0).form()).doesNotContainKey("flow_data[type]");
    assertThat(portals.get(1).form())
        .containsEntry("flow_data[type]", "subscription_update")
        .containsEntry("flow_data[subscription_update][subscription]", "sub_123");
  }

  @Test
  void failuresSayWhetherToRetryAndTransientOnesAreRetriedWithOneIdempotencyKey() {
    STUB.failNext(1);
    AccountId account = new AccountId(UUID.randomUUID());
    assertThat(PAYMENTS.createCustomer(account, "e@example.com")).startsWith("cus_");
    assertThat(
            STUB.requests().stream()
                .filter(r -> ("customer-" + account).equals(r.idempotencyKey()))
                .count())
        .as("one 500, then the same request again")
        .isEqualTo(2);

    STUB.failNext(3);
    assertThatThrownBy(() -> PAYMENTS.createCustomer(new AccountId(UUID.randomUUID()), "f@x.io"))
        .isInstanceOfSatisfying(PaymentsException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageContaining("Stripe answered 500");
    assertThatThrownBy(
            () ->
                payments("sk_test_wrong")
                    .createCustomer(new AccountId(UUID.randomUUID()), "g@x.io"))
        .isInstanceOfSatisfying(PaymentsException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining("401")
        .hasMessageNotContaining("sk_test_wrong");
  }

  @Test
  void aNotificationIsReadFromItsRawBodyOnceItsSignatureChecks() {
    String payload = invoicePaid();
    Instant now = Instant.now();
    BillingEvent event =
        PAYMENTS.verify(payload, StripeSignatures.header(payload, now, SECRET), now);
    assertThat(event.type()).isEqualTo("invoice.paid");
    assertThat(event.id()).startsWith("evt_");
    assertThat(event.subscription()).startsWith("sub_");
    assertThat(event.customer()).startsWith("cus_");
    assertThat(event.accountReference()).isNotBlank();
    assertThat(event.handled()).isTrue();
  }

  @Test
  void badSignaturesAreRefusedWithTheirReason() {
    String payload = invoicePaid();
    Instant now = Instant.now();
    Map<String, String> refused =
        Map.of(
            "tampered body",
            StripeSignatures.header(payload.replace("\"paid\"", "\"void\""), now, SECRET),
            "wrong secret",
            StripeSignatures.header(payload, now, "whsec_wrong"),
            "ten minutes old",
            StripeSignatures.header(payload, now.minusSeconds(600), SECRET),
            "ten minutes ahead",
            StripeSignatures.header(payload, now.plusSeconds(600), SECRET),
            "no v1 signature",
            "t=" + now.getEpochSecond(),
            "garbage",
            "not a signature header");
    refused.forEach(
        (why, header) ->
            assertThatThrownBy(() -> PAYMENTS.verify(payload, header, now))
                .as(why)
                .isInstanceOf(Payments.InvalidNotificationException.class));
    assertThatThrownBy(() -> PAYMENTS.verify(payload, null, now))
        .hasMessageContaining("Stripe-Signature header is missing");
    assertThatThrownBy(
            () ->
                PAYMENTS.verify("not json", StripeSignatures.header("not json", now, SECRET), now))
        .isInstanceOf(Payments.InvalidNotificationException.class);
    assertThatThrownBy(
            () ->
                PAYMENTS.verify(
                    payload, StripeSignatures.header(payload, now.minusSeconds(600), SECRET), now))
        .hasMessageContaining("tolerance");
  }

  @Test
  void aSecretBeingRolledSignsTwiceAndEitherSignatureIsAccepted() {
    String payload = invoicePaid();
    Instant now = Instant.now();
    assertThat(
            PAYMENTS
                .verify(payload, StripeSignatures.header(payload, now, "whsec_old", SECRET), now)
                .type())
        .isEqualTo("invoice.paid");
  }

  private static String invoicePaid() {
    AccountId account = new AccountId(UUID.randomUUID());
    String customer = PAYMENTS.createCustomer(account, "h@example.com");
    PAYMENTS.checkout(customer, account, Tier.STARTER, BACK);
    List<String> events =
        STUB.completeCheckout(STUB.lastCheckoutSession(), Instant.now().plusSeconds(3_600));
    return events.stream().filter(e -> e.contains("\"invoice.paid\"")).findFirst().orElseThrow();
  }
}
