package dev.sremcp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.sremcp.domain.account.AccountId;
import dev.sremcp.ports.out.AccessTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NimbusAccessTokensTest {

  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final AccountId ACCOUNT = new AccountId(UUID.randomUUID());
  private static final TokenSettings SETTINGS =
      new TokenSettings(
          "https://sre.example",
          "https://sre.example/mcp",
          null,
          Path.of("unused"),
          Duration.ofMinutes(10));

  private final NimbusAccessTokens tokens = tokens(SETTINGS);

  private static NimbusAccessTokens tokens(TokenSettings settings) {
    try {
      return new NimbusAccessTokens(settings, ECKey.parse(NimbusAccessTokens.generateKey()));
    } catch (java.text.ParseException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aTokenItIssuedVerifiesUntilItExpires() {
    AccessTokens.Issued issued = tokens.issue(ACCOUNT, NOW);
    assertThat(tokens.verify(issued.token(), NOW.plusSeconds(60)))
        .hasValueSatisfying(verified -> assertThat(verified.account()).isEqualTo(ACCOUNT));
    assertThat(tokens.verify(issued.token(), NOW.plus(Duration.ofMinutes(11)))).isEmpty();
  }

  @Test
  void refusesAnotherKeysTokens() {
    AccessTokens.Issued forged = tokens(SETTINGS).issue(ACCOUNT, NOW);
    assertThat(tokens.verify(forged.token(), NOW)).isEmpty();
  }

  @Test
  void refusesTokensForAnotherAudienceOrIssuer() throws Exception {
    ECKey key = ECKey.parse(NimbusAccessTokens.generateKey());
    NimbusAccessTokens ours = new NimbusAccessTokens(SETTINGS, key);
    NimbusAccessTokens otherAudience =
        new NimbusAccessTokens(
            new TokenSettings(
                "https://sre.example",
                "https://other.example/mcp",
                null,
                Path.of("x"),
                Duration.ofMinutes(10)),
            key);
    NimbusAccessTokens otherIssuer =
        new NimbusAccessTokens(
            new TokenSettings(
                "https://evil.example",
                "https://sre.example/mcp",
                null,
                Path.of("x"),
                Duration.ofMinutes(10)),
            key);
    assertThat(ours.verify(otherAudience.issue(ACCOUNT, NOW).token(), NOW)).isEmpty();
    assertThat(ours.verify(otherIssuer.issue(ACCOUNT, NOW).token(), NOW)).isEmpty();
    assertThat(ours.verify(ours.issue(ACCOUNT, NOW).token(), NOW)).isPresent();
  }

  @Test
  void refusesUnsignedAndHmacTokens() throws Exception {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(SETTINGS.issuer())
            .audience(SETTINGS.audience())
            .subject(ACCOUNT.toString())
            .jwtID("x")
            .issueTime(Date.from(NOW))
            .expirationTime(Date.from(NOW.plusSeconds(300)))
            .build();
    assertThat(tokens.verify(new PlainJWT(claims).serialize(), NOW)).isEmpty();
    SignedJWT hmac =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(new com.nimbusds.jose.JOSEObjectType("at+jwt"))
                .build(),
            claims);
    hmac.sign(new MACSigner(new byte[32]));
    assertThat(tokens.verify(hmac.serialize(), NOW)).isEmpty();
    assertThat(tokens.verify("not.a.token", NOW)).isEmpty();
  }

  @Test
  void passwordsVerifyAndWrongOnesDoNot() {
    Argon2PasswordHasher hasher = new Argon2PasswordHasher();
    String hash = hasher.hash("correct horse battery staple");
    assertThat(hash).startsWith("$argon2id$").doesNotContain("correct horse");
    assertThat(hasher.matches("correct horse battery staple", hash)).isTrue();
    assertThat(hasher.matches("wrong horse battery staple", hash)).isFalse();
    assertThat(hasher.matches("anything", "not a hash")).isFalse();
  }
}
