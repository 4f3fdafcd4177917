package dev.sremcp.testkit.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sremcp.application.AccountService;
import dev.sremcp.domain.account.Caller;
import dev.sremcp.domain.account.Tier;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every host of the metered application must do over HTTP, whatever carries the request: ask
 * for credentials with a challenge that points at the protected-resource metadata, serve that
 * metadata, show and charge the caller's tier, refuse past a limit without charging, and charge a
 * retried call once. A host passes by implementing the three methods over its real transport and a
 * real account database.
 */
public abstract class MeteredHostContract {

  /** Sends one request to the host under test. */
  protected abstract HostResponse send(HostRequest request);

  /** The accounts of the application behind the host, over its real database. */
  protected abstract AccountService accounts();

  /** The public URL the host was configured with, without a trailing slash. */
  protected abstract String publicUrl();

  @Test
  void refusesARequestWithoutCredentialsWithAChallengeThatPointsAtTheMetadata() {
    HostResponse response = send(McpHostContract.legacy("tools/list", "{}"));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate"))
        .hasValue(
            "Bearer resource_metadata=\""
                + publicUrl()
                + "/.well-known/oauth-protected-resource/mcp\"");
    assertThat(response.json().path("error").path("message").asText())
        .contains("Authorization: Bearer");
  }

  @Test
  void refusesAnUnknownKeyAsAnInvalidToken() {
    HostResponse response =
        send(
            McpHostContract.legacy("tools/list", "{}")
                .with("Authorization", "Bearer smcp_AAAAAAAAAAAA_" + "B".repeat(40)));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("WWW-Authenticate")).get().asString().contains("invalid_token");
  }

  @Test
  void servesTheProtectedResourceMetadataAtBothWellKnownPaths() {
    HostResponse forMcp =
        send(new HostRequest("GET", "/.well-known/oauth-protected-resource/mcp", Map.of(), ""));
    HostResponse forOrigin =
        send(new HostRequest("GET", "/.well-known/oauth-protected-resource", Map.of(), ""));

    assertThat(forMcp.status()).isEqualTo(200);
    assertThat(forMcp.json().path("resource").asText()).isEqualTo(publicUrl() + "/mcp");
    assertThat(forMcp.json().path("bearer_methods_supported").get(0).asText()).isEqualTo("header");
    assertThat(forOrigin.status()).isEqualTo(200);
    assertThat(forOrigin.json().path("resource").asText()).isEqualTo(publicUrl());
  }

  @Test
  void aKeyListsTheToolsOfItsTierAndEachCallIsCharged() {
    String key = newKey(Tier.FREE);

    JsonNode listed = call(key, "tools/list", "{}").json();
    HostResponse called = call(key, "tools/call", McpHostContract.sloCall());

    assertThat(listed.at("/result/tools").findValuesAsText("name")).contains("slo_report");
    JsonNode result = called.json().path("result");
    assertThat(result.path("isError").asBoolean()).isFalse();
    assertThat(result.at("/structuredContent/usage/unitsCharged").asInt()).isEqualTo(1);
    assertThat(result.at("/structuredContent/usage/remainingMonth").asLong()).isEqualTo(49);
    assertThat(called.header("RateLimit")).hasValue("\"hourly\";r=9");
    assertThat(charged(key)).isEqualTo(1);
  }

  @Test
  void theHourlyRateRefusesWithAToolErrorThatNamesTheLimitAndChargesNothing() {
    String key = newKey(Tier.FREE);
    for (int i = 0; i < 10; i++) {
      assertThat(call(key, "tools/call", McpHostContract.sloCall()).json().at("/result/isError"))
          .hasToString("false");
    }

    HostResponse refused = call(key, "tools/call", McpHostContract.sloCall());

    JsonNode result = refused.json().path("result");
    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(result.at("/content/0/text").asText())
        .contains("10 calls per hour")
        .contains("Upgrade to the starter tier");
    assertThat(result.at("/_meta/dev.sremcp~1refusal/limit").asText()).isEqualTo("hourly-rate");
    assertThat(refused.header("Retry-After")).isPresent();
    assertThat(charged(key)).isEqualTo(10);
  }

  @Test
  void aRetriedIdempotencyKeyIsChargedOnce() {
    String key = newKey(Tier.STARTER);

    for (int i = 0; i < 3; i++) {
      HostResponse response =
          send(
              McpHostContract.legacy("tools/call", McpHostContract.sloCall())
                  .with("Authorization", "Bearer " + key)
                  .with("Idempotency-Key", "retry-1"));
      assertThat(response.status()).isEqualTo(200);
    }

    assertThat(charged(key)).isEqualTo(1);
  }

  @Test
  void argumentsOverTheTiersInputCapAreRefusedBeforeAnythingIsCharged() {
    String key = newKey(Tier.FREE);
    String huge = "x".repeat(300 * 1024);

    HostResponse response =
        call(
            key,
            "tools/call",
            "{\"name\":\"slo_report\",\"arguments\":{\"target\":99.9,\"window\":\"30d\","
                + "\"note\":\""
                + huge
                + "\"}}");

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.json().path("error").path("message").asText())
        .contains("free tier accepts 262144 bytes");
    assertThat(charged(key)).isZero();
  }

  /** The API key of a new account on {@code tier}, with the tier's default limits. */
  private String newKey(Tier tier) {
    return accounts()
        .createAccount(UUID.randomUUID() + "@example.com", tier, null, "contract")
        .key()
        .value();
  }

  /** How many calls the account of {@code key} has been charged this month, from its store. */
  private long charged(String key) {
    Caller caller = accounts().authenticate(key).orElseThrow();
    return accounts().usage(caller.account(), 0).summary().used();
  }

  private HostResponse call(String key, String method, String params) {
    return send(McpHostContract.legacy(method, params).with("Authorization", "Bearer " + key));
  }
}
