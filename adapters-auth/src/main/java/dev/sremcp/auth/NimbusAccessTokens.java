package dev.sremcp.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.sremcp.domain.account.AccountId;
import dev.sremcp.ports.out.AccessTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * ES256 access tokens ({@code typ: at+jwt}, RFC 9068). Verification accepts only ES256 with our
 * key, our issuer and our audience, an unexpired token, and the claims {@code sub}, {@code jti},
 * {@code iat} and {@code exp}: {@code alg: none}, HMAC confusion and keys named in the header are
 * refused by construction.
 */
public final class NimbusAccessTokens implements AccessTokens {

  private static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");

  private final TokenSettings settings;
  private final ECKey key;
  private final ECDSASigner signer;
  private final JWSVerificationKeySelector<SecurityContext> keys;

  public NimbusAccessTokens(TokenSettings settings) {
    this(settings, loadOrCreate(settings));
  }

  NimbusAccessTokens(TokenSettings settings, ECKey key) {
    this.settings = settings;
    this.key = key;
    try {
      this.signer = new ECDSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("the JWT signing key is not a usable EC P-256 key", e);
    }
    this.keys =
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.ES256, new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())));
  }

  /** A fresh P-256 key as a private JWK, for {@code SREMCP_JWT_KEY}. */
  public static String generateKey() {
    try {
      return new ECKeyGenerator(Curve.P_256)
          .keyID(UUID.randomUUID().toString())
          .generate()
          .toJSONString();
    } catch (JOSEException e) {
      throw new IllegalStateException("every JDK can make P-256 keys", e);
    }
  }

  @Override
  public Issued issue(AccountId account, Instant now) {
    String id = UUID.randomUUID().toString();
    Instant expires = now.plus(settings.lifetime());
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(settings.issuer())
            .audience(settings.audience())
            .subject(account.toString())
            .jwtID(id)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).keyID(key.getKeyID()).build(),
            claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("could not sign an access token", e);
    }
    return new Issued(jwt.serialize(), id, expires);
  }

  @Override
  public Optional<Verified> verify(String token, Instant now) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(TYPE));
    processor.setJWSKeySelector(keys);
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            Set.of(settings.audience()),
            new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
            Set.of("sub", "jti", "iat", "exp"),
            Set.of()) {
          @Override
          protected Date currentTime() {
            return Date.from(now);
          }
        };
    claims.setMaxClockSkew(30);
    processor.setJWTClaimsSetVerifier(claims);
    try {
      JWTClaimsSet verified = processor.process(token, null);
      return Optional.of(
          new Verified(
              AccountId.parse(verified.getSubject()),
              verified.getJWTID(),
              verified.getExpirationTime().toInstant()));
    } catch (ParseException | JOSEException | com.nimbusds.jose.proc.BadJOSEException e) {
      return Optional.empty();
    } catch (IllegalArgumentException notAnAccount) {
      return Optional.empty();
    }
  }

  private static ECKey loadOrCreate(TokenSettings settings) {
    try {
      if (settings.signingKey() != null) {
        return parse(settings.signingKey(), "SREMCP_JWT_KEY");
      }
      Path file = settings.keyFile();
      if (Files.exists(file)) {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
      }
      Files.createDirectories(file.getParent());
      String generated = generateKey();
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temporary, generated, StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // the file system has no POSIX permissions: the home directory's own protect it
      }
      Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read or create the JWT signing key", e);
    }
  }

  private static ECKey parse(String json, String source) {
    try {
      ECKey key = ECKey.parse(json);
      if (!key.isPrivate() || !Curve.P_256.equals(key.getCurve())) {
        throw new IllegalArgumentException(source + " must be a private EC P-256 JWK");
      }
      return key;
    } catch (ParseException e) {
      throw new IllegalArgumentException(source + " is not a JWK: " + e.getMessage());
    }
  }
}
