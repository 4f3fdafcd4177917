package dev.sremcp.application;

import dev.sremcp.domain.account.Account;
import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.ApiKey;
import dev.sremcp.domain.account.BillingPeriod;
import dev.sremcp.domain.account.Caller;
import dev.sremcp.domain.account.RefreshToken;
import dev.sremcp.domain.account.StoredKey;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.account.TierLimits;
import dev.sremcp.domain.account.TierTable;
import dev.sremcp.domain.usage.AuditEvent;
import dev.sremcp.domain.usage.UsageRecord;
import dev.sremcp.domain.usage.UsageSummary;
import dev.sremcp.ports.out.AccessTokens;
import dev.sremcp.ports.out.AccountStore;
import dev.sremcp.ports.out.AuditLog;
import dev.sremcp.ports.out.CredentialStore;
import dev.sremcp.ports.out.PasswordHasher;
import dev.sremcp.ports.out.QuotaLedger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Accounts and their credentials: creating accounts and API keys, sign-up and login with a
 * password, access and refresh tokens, tiers, usage, and who a bearer credential belongs to.
 */
public final class AccountService {

  /** Refresh tokens live this long from the login that started their family. */
  public static final Duration REFRESH_LIFETIME = Duration.ofDays(30);

  private static final String REFRESH_PREFIX = "smcpr_";
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
  private static final int MIN_PASSWORD = 12;
  private static final int MAX_PASSWORD = 1024;

  private final AccountStore accounts;
  private final CredentialStore credentials;
  private final PasswordHasher passwords;
  private final AccessTokens tokens;
  private final QuotaLedger ledger;
  private final AuditLog audit;
  private final TierTable tiers;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /**
   * A hash checked when the e-mail address is unknown, so a failed login takes as long either way.
   * Made on the first login, not at start-up: hashing takes a fifth of a second.
   */
  private volatile String dummyHash;

  public AccountService(
      AccountStore accounts,
      CredentialStore credentials,
      PasswordHasher passwords,
      AccessTokens tokens,
      QuotaLedger ledger,
      AuditLog audit,
      TierTable tiers,
      Clock clock) {
    this.accounts = accounts;
    this.credentials = credentials;
    this.passwords = passwords;
    this.tokens = tokens;
    this.ledger = ledger;
    this.audit = audit;
    this.tiers = tiers;
    this.clock = clock;
  }

  /** A new account and its first API key. */
  public record Created(Account account, ApiKey key) {}

  /** What a login, a sign-up or a refresh hands out. */
  public record Session(AccountId account, AccessTokens.Issued access, String refreshToken) {
    @Override
    public String toString() {
      return "Session[" + account + ", " + access + "]";
    }
  }

  /** An account's use of its current period, with its newest rows. */
  public record Usage(Account account, UsageSummary summary, List<UsageRecord> recent) {}

  public Created createAccount(String email, Tier tier, TierLimits customLimits, String actor) {
    Account account = newAccount(email, tier, customLimits);
    ApiKey key = addKey(account.id(), "default", actor);
    return new Created(account, key);
  }

  public ApiKey createKey(AccountId owner, String name, String actor) {
    requireAccount(owner);
    return addKey(owner, name, actor);
  }

  public List<StoredKey> keys(AccountId owner) {
    return credentials.keys(owner);
  }

  /** Revokes one of the owner's keys; not found when the owner has no such active key. */
  public void revokeKey(AccountId owner, String keyId, String actor) {
    if (!credentials.revokeKey(owner, keyId, clock.instant())) {
      throw new AccountException(AccountException.Kind.NOT_FOUND, "No active key " + keyId);
    }
    audit(owner, actor, "key.revoke", keyId, "ok");
  }

  /** Revokes a key by its id alone: for the operator. */
  public StoredKey revokeKey(String keyId, String actor) {
    StoredKey key =
        credentials
            .findKey(keyId)
            .filter(StoredKey::active)
            .orElseThrow(
                () ->
                    new AccountException(
                        AccountException.Kind.NOT_FOUND, "No active key " + keyId));
    revokeKey(key.account(), keyId, actor);
    return key;
  }

  public Account setTier(String emailOrId, Tier tier, TierLimits customLimits, String actor) {
    Account account = find(emailOrId);
    requireLimitsOnlyForCustom(tier, customLimits);
    accounts.setTier(account.id(), tier, customLimits);
    audit(account.id(), actor, "account.tier", tier.id(), "ok");
    return accounts.find(account.id()).orElseThrow();
  }

  public List<Account> accounts() {
    return accounts.list();
  }

  public Account account(AccountId id) {
    return requireAccount(id);
  }

  /** An account by its e-mail address or its id. */
  public Account find(String emailOrId) {
    Optional<Account> found;
    try {
      found = accounts.find(AccountId.parse(emailOrId));
    } catch (IllegalArgumentException notAnId) {
      found = accounts.findByEmail(emailOrId);
    }
    return found.orElseThrow(
        () -> new AccountException(AccountException.Kind.NOT_FOUND, "No account " + emailOrId));
  }

  public Session signUp(String email, String password) {
    checkPassword(password);
    Account account = newAccount(email, Tier.FREE, null);
    credentials.setPasswordHash(account.id(), passwords.hash(password));
    audit(account.id(), "self", "signup", account.id().toString(), "ok");
    return startSession(account.id());
  }

  public Session login(String email, String password) {
    Optional<Account> account =
        email == null ? Optional.empty() : accounts.findByEmail(email.strip());
    Optional<String> hash = account.flatMap(found -> credentials.passwordHash(found.id()));
    boolean matches =
        password != null
            && password.length() <= MAX_PASSWORD
            && passwords.matches(password, hash.orElseGet(this::dummyHash))
            && hash.isPresent();
    if (!matches) {
      audit(account.map(Account::id).orElse(null), "self", "login", null, "refused");
      throw new AccountException(
          AccountException.Kind.UNAUTHORIZED, "The e-mail address or the password is wrong");
    }
    audit(account.get().id(), "self", "login", null, "ok");
    return startSession(account.get().id());
  }

  /** Trades a refresh token for a new access token and a new refresh token. */
  public Session refresh(String refreshToken) {
    Instant now = clock.instant();
    CredentialStore.RefreshUse use =
        refreshToken == null
            ? new CredentialStore.RefreshUse.Invalid()
            : credentials.useRefreshToken(sha256(refreshToken), now);
    return switch (use) {
      case CredentialStore.RefreshUse.Valid valid -> {
        RefreshToken old = valid.token();
        String next = issueRefresh(old.account(), old.family(), now, old.expiresAt());
        yield new Session(old.account(), tokens.issue(old.account(), now), next);
      }
      case CredentialStore.RefreshUse.Reused reused -> {
        audit(reused.account(), "self", "refresh.reuse", reused.family().toString(), "revoked");
        throw new AccountException(
            AccountException.Kind.UNAUTHORIZED,
            "This refresh token was already used; every session from its login is now signed out."
                + " Log in again.");
      }
      case CredentialStore.RefreshUse.Invalid invalid ->
          throw new AccountException(
              AccountException.Kind.UNAUTHORIZED, "The refresh token is unknown or expired");
    };
  }

  /** Ends the session the refresh token belongs to (its whole family). */
  public void logout(String refreshToken) {
    if (refreshToken == null) {
      return;
    }
    switch (credentials.useRefreshToken(sha256(refreshToken), clock.instant())) {
      case CredentialStore.RefreshUse.Valid valid ->
          credentials.revokeFamily(valid.token().family(), clock.instant());
      case CredentialStore.RefreshUse.Reused reused -> {}
      case CredentialStore.RefreshUse.Invalid invalid -> {}
    }
  }

  public Usage usage(AccountId id, int recentRows) {
    Account account = requireAccount(id);
    BillingPeriod period = BillingPeriod.calendarMonthOf(clock.instant());
    UsageSummary summary = ledger.summary(id, period);
    UsageSummary withLimit =
        new UsageSummary(
            summary.period(),
            summary.used(),
            account.limits(tiers).monthlyRequests(),
            summary.byTool());
    return new Usage(account, withLimit, ledger.records(id, period, recentRows));
  }

  /**
   * Who a bearer credential (an API key or an access token) belongs to; empty when it is unknown,
   * revoked, expired or forged.
   */
  public Optional<Caller> authenticate(String bearer) {
    if (bearer == null || bearer.isEmpty() || bearer.length() > 4096) {
      return Optional.empty();
    }
    Optional<ApiKey> key = ApiKey.parse(bearer);
    if (key.isPresent()) {
      return credentials
          .findKey(key.get().id())
          .filter(StoredKey::active)
          .filter(stored -> MessageDigest.isEqual(stored.secretHash(), sha256(key.get().secret())))
          .flatMap(stored -> caller(stored.account(), "key:" + stored.id()));
    }
    return tokens
        .verify(bearer, clock.instant())
        .flatMap(verified -> caller(verified.account(), "token:" + verified.id()));
  }

  /** The caller an account acts as, with its current tier and limits. */
  public Optional<Caller> caller(AccountId id, String credential) {
    return accounts
        .find(id)
        .map(account -> new Caller(id, account.tier(), account.limits(tiers), credential));
  }

  public TierTable tiers() {
    return tiers;
  }

  private Account newAccount(String email, Tier tier, TierLimits customLimits) {
    String address = email == null ? "" : email.strip();
    if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
      throw new AccountException(
          AccountException.Kind.INVALID, "'" + clip(address) + "' is not an e-mail address");
    }
    requireLimitsOnlyForCustom(tier, customLimits);
    Account account =
        new Account(
            new AccountId(UUID.randomUUID()),
            address.toLowerCase(Locale.ROOT),
            tier,
            customLimits,
            clock.instant());
    return accounts
        .create(account)
        .orElseThrow(
            () ->
                new AccountException(
                    AccountException.Kind.CONFLICT,
                    "An account with the e-mail address " + account.email() + " already exists"));
  }

  private ApiKey addKey(AccountId owner, String name, String actor) {
    String label = name == null || name.isBlank() ? "default" : name.strip();
    if (label.length() > 100) {
      throw new AccountException(
          AccountException.Kind.INVALID, "A key name has at most 100 characters");
    }
    ApiKey key = new ApiKey(randomAlphanumeric(12), randomAlphanumeric(40));
    credentials.addKey(
        new StoredKey(
            key.id(),
            owner,
            label,
            sha256(key.secret()),
            key.secret().substring(key.secret().length() - 4),
            clock.instant(),
            null));
    audit(owner, actor, "key.create", key.id(), "ok");
    return key;
  }

  private Session startSession(AccountId account) {
    Instant now = clock.instant();
    String refresh = issueRefresh(account, UUID.randomUUID(), now, now.plus(REFRESH_LIFETIME));
    return new Session(account, tokens.issue(account, now), refresh);
  }

  private String issueRefresh(AccountId account, UUID family, Instant now, Instant expiresAt) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = REFRESH_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    credentials.addRefreshToken(new RefreshToken(sha256(token), family, account, now, expiresAt));
    return token;
  }

  private String dummyHash() {
    String hash = dummyHash;
    if (hash == null) {
      hash = passwords.hash("not a password anyone has: it evens out login timing");
      dummyHash = hash;
    }
    return hash;
  }

  private Account requireAccount(AccountId id) {
    return accounts
        .find(id)
        .orElseThrow(
            () -> new AccountException(AccountException.Kind.NOT_FOUND, "No account " + id));
  }

  private static void requireLimitsOnlyForCustom(Tier tier, TierLimits customLimits) {
    if (customLimits != null && tier != Tier.CUSTOM) {
      throw new AccountException(
          AccountException.Kind.INVALID, "Only the custom tier takes per-account limits");
    }
  }

  private void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
      throw new AccountException(
          AccountException.Kind.INVALID,
          "A password has " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
    }
  }

  private void audit(
      AccountId account, String actor, String action, String target, String outcome) {
    audit.append(new AuditEvent(clock.instant(), account, actor, action, target, null, 0, outcome));
  }

  private String randomAlphanumeric(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
    }
    return out.toString();
  }

  private static String clip(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }

  /** SHA-256 of a high-entropy secret: right for keys and tokens, never for passwords. */
  public static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
