package dev.sremcp.application;

import dev.sremcp.domain.account.Account;
import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.account.TierTable;
import dev.sremcp.domain.billing.BillingAccount;
import dev.sremcp.domain.billing.BillingEvent;
import dev.sremcp.domain.billing.Entitlement;
import dev.sremcp.domain.billing.SubscriptionState;
import dev.sremcp.domain.usage.AuditEvent;
import dev.sremcp.ports.out.AccountStore;
import dev.sremcp.ports.out.AuditLog;
import dev.sremcp.ports.out.BillingStore;
import dev.sremcp.ports.out.Payments;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Paying for tiers: checkout and the self-service portal for the caller's own account, and the
 * provider's notifications. A notification is applied once (by its id) and never trusted for state:
 * the subscription it names is read from the provider, so duplicates and any order of arrival end
 * in the same tiers (see {@link Entitlement}).
 */
public final class BillingService {

  /** How long a failed payment keeps a paid tier unless configured. */
  public static final Duration DEFAULT_GRACE = Duration.ofDays(7);

  private final Payments payments;
  private final BillingStore store;
  private final AccountStore accounts;
  private final AuditLog audit;
  private final Clock clock;
  private final Duration grace;
  private final URI returnTo;

  /**
   * @param grace how long a failed payment keeps the paid tier
   * @param returnTo where the provider's hosted pages send the customer back to
   */
  public BillingService(
      Payments payments,
      BillingStore store,
      AccountStore accounts,
      AuditLog audit,
      Clock clock,
      Duration grace,
      URI returnTo) {
    this.payments = payments;
    this.store = store;
    this.accounts = accounts;
    this.audit = audit;
    this.clock = clock;
    this.grace = grace;
    this.returnTo = returnTo;
  }

  /** A page the customer is sent to: a checkout, or the portal when a subscription is live. */
  public record Link(URI url, String kind) {
    @Override
    public String toString() {
      return "Link[" + kind + "]"; // the URL is a bearer credential
    }
  }

  /** What a notification did: {@code applied}, {@code duplicate}, {@code ignored}, ... */
  public record Receipt(String outcome, Tier from, Tier to) {}

  /**
   * A checkout for {@code tierName}; when the account already has a live subscription, the portal
   * page for changing its plan instead, so no account ever pays for two subscriptions.
   */
  public Link checkout(AccountId id, String tierName, String actor) {
    Tier tier = sold(tierName);
    Account account = account(id);
    if (account.tier() == Tier.CUSTOM) {
      throw new AccountException(
          AccountException.Kind.CONFLICT,
          "This account is on a custom contract; its tier is changed by the operator");
    }
    BillingAccount billing =
        store
            .find(id)
            .orElseGet(() -> store.link(id, payments.createCustomer(id, account.email())));
    boolean live =
        billing.status() != null && (billing.status().paidUp() || billing.status().dunning());
    if (live && billing.subscribedTier() == tier && billing.scheduled() == null) {
      throw new AccountException(
          AccountException.Kind.CONFLICT,
          "This account already subscribes to the " + tier.id() + " tier");
    }
    Link link =
        live
            ? new Link(
                payments.portal(billing.customer(), returnTo, billing.subscription()), "portal")
            : new Link(payments.checkout(billing.customer(), id, tier, returnTo), "checkout");
    audit.append(
        new AuditEvent(
            clock.instant(), id, actor, "billing." + link.kind(), tier.id(), null, 0, "ok"));
    return link;
  }

  /** The portal, where the customer manages or cancels the subscription. */
  public Link portal(AccountId id) {
    BillingAccount billing =
        store
            .find(id)
            .orElseThrow(
                () ->
                    new AccountException(
                        AccountException.Kind.NOT_FOUND,
                        "This account has no subscription yet: POST /v1/billing/checkout with a"
                            + " tier first"));
    return new Link(payments.portal(billing.customer(), returnTo, null), "portal");
  }

  /** What is kept about the account's subscription, if it ever had a customer. */
  public Optional<BillingAccount> subscription(AccountId id) {
    return store.find(id);
  }

  /**
   * Applies a provider notification, given its raw body and signature header.
   *
   * @throws Payments.InvalidNotificationException when it is not authentic; nothing changes
   * @throws dev.sremcp.ports.out.PaymentsException when the subscription cannot be read now;
   *     nothing is recorded, so the provider's retry applies it
   */
  public Receipt notify(String payload, String signature) {
    BillingEvent event = payments.verify(payload, signature, clock.instant());
    if (store.processed(event.id())) {
      return new Receipt("duplicate", null, null);
    }
    if (!event.handled()) {
      return record(event, "ignored");
    }
    Optional<AccountId> account = owner(event);
    if (account.isEmpty()) {
      return record(event, "unmatched");
    }
    Instant readAt = clock.instant();
    Optional<SubscriptionState> state = payments.subscription(event.subscription());
    if (state.isEmpty()) {
      return record(event, "unknown-subscription");
    }
    BillingStore.Applied applied =
        store.apply(
            event,
            account.get(),
            (current, previous) ->
                Entitlement.decide(current, previous, state.get(), readAt, grace),
            readAt);
    return switch (applied) {
      case BillingStore.Applied.Duplicate duplicate -> new Receipt("duplicate", null, null);
      case BillingStore.Applied.Done done ->
          new Receipt(done.decision().stale() ? "stale" : "applied", done.from(), done.to());
    };
  }

  /** Applies the tier changes whose time has come (downgrades, ends of grace and of periods). */
  public int applyDue() {
    return store.applyDue(clock.instant());
  }

  /** The tiers on sale here, for messages. */
  private String soldTiers() {
    return payments.sold().stream().sorted().map(Tier::id).collect(Collectors.joining(", "));
  }

  private Receipt record(BillingEvent event, String outcome) {
    return store.record(event, outcome, clock.instant())
        ? new Receipt(outcome, null, null)
        : new Receipt("duplicate", null, null);
  }

  /**
   * The account a notification concerns: by the customer linked at checkout, else by the account
   * the checkout named (then linked, for the notifications after it).
   */
  private Optional<AccountId> owner(BillingEvent event) {
    if (event.customer() != null) {
      Optional<BillingAccount> linked = store.findByCustomer(event.customer());
      if (linked.isPresent()) {
        return Optional.of(linked.get().account());
      }
    }
    if (event.accountReference() == null || event.customer() == null) {
      return Optional.empty();
    }
    try {
      AccountId id = AccountId.parse(event.accountReference());
      if (accounts.find(id).isEmpty()) {
        return Optional.empty();
      }
      BillingAccount kept = store.link(id, event.customer());
      return kept.customer().equals(event.customer()) ? Optional.of(id) : Optional.empty();
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }

  private Tier sold(String name) {
    Optional<Tier> tier = name == null ? Optional.empty() : TierTable.tierNamed(name.strip());
    if (tier.isEmpty() || !payments.sold().contains(tier.get())) {
      String reason =
          tier.filter(t -> t == Tier.FREE).isPresent()
              ? "The free tier needs no subscription; to leave a paid tier, cancel in the billing"
                  + " portal (POST /v1/billing/portal)."
              : "'" + name + "' is not a tier sold here.";
      throw new AccountException(
          AccountException.Kind.INVALID, reason + " Tiers on sale: " + soldTiers());
    }
    return tier.get();
  }

  private Account account(AccountId id) {
    return accounts
        .find(id)
        .orElseThrow(
            () -> new AccountException(AccountException.Kind.NOT_FOUND, "No account " + id));
  }
}
