package dev.sremcp.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How access tokens are signed and checked.
 *
 * @param issuer this service's public URL ({@code SREMCP_PUBLIC_URL}), the tokens' {@code iss}
 * @param audience the MCP resource the tokens are for ({@code <issuer>/mcp}), their {@code aud}
 * @param signingKey an EC P-256 private JWK as JSON ({@code SREMCP_JWT_KEY}), shared by every
 *     instance; {@code null} to use (and create on first use) {@code keyFile}
 * @param keyFile where a single instance keeps its generated key
 */
public record TokenSettings(
    String issuer, String audience, String signingKey, Path keyFile, Duration lifetime) {

  public TokenSettings {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(keyFile, "keyFile");
    Objects.requireNonNull(lifetime, "lifetime");
  }

  public static TokenSettings fromEnvironment(
      Map<String, String> environment, String publicUrl, Path home) {
    String key = environment.get("SREMCP_JWT_KEY");
    return new TokenSettings(
        publicUrl,
        publicUrl + "/mcp",
        key == null || key.isBlank() ? null : key.strip(),
        home.resolve("jwt-signing-key.json"),
        Duration.ofMinutes(10));
  }

  @Override
  public String toString() {
    return "TokenSettings[" + issuer + ", " + audience + ", " + lifetime + "]";
  }
}
