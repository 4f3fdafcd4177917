package dev.sremcp.testkit.stripe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature scheme, written from its documentation rather than taken from
 * stripe-java, so that the adapter's verification is checked against an independent signer: the
 * {@code Stripe-Signature} header is {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} over {@code
 * "<t>.<raw body>"} keyed with the endpoint's secret, one {@code v1} per secret while a secret is
 * being rolled.
 */
public final class StripeSignatures {

  private StripeSignatures() {}

  /** The header for {@code payload} signed at {@code at} with each of {@code secrets}. */
  public static String header(String payload, Instant at, String... secrets) {
    long timestamp = at.getEpochSecond();
    StringBuilder header = new StringBuilder("t=").append(timestamp);
    for (String secret : secrets) {
      header.append(",v1=").append(hmac(timestamp + "." + payload, secret));
    }
    return header.toString();
  }

  static String hmac(String text, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}
