package dev.sremcp.mcp.engine;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a handler's {@code requestState} so that a stateless server can trust it when the client
 * sends it back: an HMAC-SHA256 over the state, the request it belongs to and an expiry. Every
 * instance behind a load balancer must share the key.
 */
final class StateSealer {

  private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final Clock clock;
  private final Duration lifetime;

  StateSealer(byte[] key, Clock clock, Duration lifetime) {
    if (key.length < 32) {
      throw new IllegalArgumentException("the state key needs at least 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    this.clock = clock;
    this.lifetime = lifetime;
  }

  static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  /**
   * @param owner what the state belongs to, e.g. {@code tools/call test_multi_round}
   */
  String seal(String owner, String state) {
    long expires = clock.instant().plus(lifetime).getEpochSecond();
    String payload =
        ENCODE.encodeToString(
            (expires + "\n" + owner + "\n" + state).getBytes(StandardCharsets.UTF_8));
    return payload + "." + ENCODE.encodeToString(mac(payload));
  }

  /** The state, if {@code sealed} is intact, unexpired and belongs to {@code owner}. */
  Optional<String> open(String owner, String sealed) {
    int dot = sealed.indexOf('.');
    if (dot < 0 || dot != sealed.lastIndexOf('.')) {
      return Optional.empty();
    }
    String payload = sealed.substring(0, dot);
    byte[] given;
    String text;
    try {
      given = DECODE.decode(sealed.substring(dot + 1));
      text = new String(DECODE.decode(payload), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(mac(payload), given)) {
      return Optional.empty();
    }
    String[] parts = text.split("\n", 3);
    if (parts.length != 3 || !parts[1].equals(owner)) {
      return Optional.empty();
    }
    if (clock.instant().getEpochSecond() > Long.parseLong(parts[0])) {
      return Optional.empty();
    }
    return Optional.of(parts[2]);
  }

  private byte[] mac(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
