package dev.sremcp.host.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sremcp.application.AccountService;
import dev.sremcp.testkit.host.HostRequest;
import dev.sremcp.testkit.host.HostResponse;
import dev.sremcp.testkit.host.MeteredHostContract;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metered server as {@code serve} composes it, on an embedded PostgreSQL under a temporary
 * {@code SREMCP_HOME}: the metered host contract (authentication, metadata, tiers, charging) that
 * the Lambda host passes too, and what only this host has: the REST API's ownership checks,
 * refresh-token reuse, and no secret in the logs.
 */
class AccountsEndToEndTest extends MeteredHostContract {

  private static final String SLO =
      "{\"target\":99.9,\"window\":\"30d\",\"good\":999500,\"total\":1000000}";

  private static MeteredServer server;
  private static Application application;
  private static Javalin app;
  private static final ServerCalls CALLS = new ServerCalls(() -> app.port());

  @BeforeAll
  static void start() throws Exception {
    server =
        MeteredServer.start(
            Map.of("SREMCP_HOME", Files.createTempDirectory("sremcp-home").toString()),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    application = server.application();
    app = server.app();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void restRoutesServeOnlyTheCallersOwnAccount() throws Exception {
    JsonNode alice =
        json(
            post(
                    "/v1/signup",
                    null,
                    "{\"email\":\"alice@example.com\",\"password\":\"a long enough password\"}")
                .body());
    JsonNode bob =
        json(
            post(
                    "/v1/signup",
                    null,
                    "{\"email\":\"bob@example.com\",\"password\":\"another long password\"}")
                .body());
    String aliceToken = alice.path("accessToken").asText();
    String bobToken = bob.path("accessToken").asText();
    JsonNode aliceKey = json(post("/v1/keys", aliceToken, "{\"name\":\"laptop\"}").body());
    String keyId = aliceKey.path("id").asText();
    // Bob can neither see nor revoke Alice's key
    assertThat(get("/v1/keys", bobToken).body()).doesNotContain(keyId);
    assertThat(delete("/v1/keys/" + keyId, bobToken).statusCode()).isEqualTo(404);
    assertThat(get("/v1/keys", aliceToken).body()).contains(keyId);
    assertThat(json(get("/v1/account", bobToken).body()).path("email").asText())
        .isEqualTo("bob@example.com");
    assertThat(delete("/v1/keys/" + keyId, aliceToken).statusCode()).isEqualTo(204);
    assertThat(mcp(aliceKey.path("key").asText(), "tools/list", "{}").statusCode()).isEqualTo(401);
    assertThat(get("/v1/account", null).statusCode()).isEqualTo(401);
    assertThat(
            post(
                    "/v1/signup",
                    null,
                    "{\"email\":\"alice@example.com\",\"password\":\"a long enough password\"}")
                .statusCode())
        .isEqualTo(409);
    assertThat(
            post(
                    "/v1/login",
                    null,
                    "{\"email\":\"alice@example.com\",\"password\":\"wrong password here\"}")
                .statusCode())
        .isEqualTo(401);
    assertThat(
            post(
                    "/v1/login",
                    null,
                    "{\"email\":\"nobody@example.com\",\"password\":\"wrong password here\"}")
                .statusCode())
        .isEqualTo(401);
    assertThat(post("/v1/login", null, "not json").statusCode()).isEqualTo(400);
  }

  @Test
  void aReusedRefreshTokenRevokesItsWholeFamily() throws Exception {
    JsonNode session =
        json(
            post(
                    "/v1/signup",
                    null,
                    "{\"email\":\"carol@example.com\",\"password\":\"carol's long password\"}")
                .body());
    String first = session.path("refreshToken").asText();
    JsonNode rotated =
        json(post("/v1/token/refresh", null, "{\"refreshToken\":\"" + first + "\"}").body());
    String second = rotated.path("refreshToken").asText();
    assertThat(second).isNotEqualTo(first);
    assertThat(post("/v1/token/refresh", null, "{\"refreshToken\":\"" + first + "\"}").statusCode())
        .isEqualTo(401);
    // the reuse revoked the family: the newest token is dead too
    assertThat(
            post("/v1/token/refresh", null, "{\"refreshToken\":\"" + second + "\"}").statusCode())
        .isEqualTo(401);
  }

  @Test
  void noSecretReachesTheLogs() throws Exception {
    JsonNode session =
        json(
            post(
                    "/v1/signup",
                    null,
                    "{\"email\":\"dave@example.com\",\"password\":\"dave's secret password\"}")
                .body());
    String key =
        json(post("/v1/keys", session.path("accessToken").asText(), "{}").body())
            .path("key")
            .asText();
    mcp(key, "tools/call", "{\"name\":\"slo_report\",\"arguments\":" + SLO + "}");
    mcp(key + "x", "tools/list", "{}");
    post(
        "/v1/token/refresh",
        null,
        "{\"refreshToken\":\"" + session.path("refreshToken").asText() + "\"}");
    System.err.flush();
    String logs = server.logs();
    assertThat(logs)
        .doesNotContain(key)
        .doesNotContain(key.substring(18))
        .doesNotContain("dave's secret password")
        .doesNotContain(session.path("accessToken").asText())
        .doesNotContain(session.path("refreshToken").asText());
  }

  @Override
  protected HostResponse send(HostRequest request) {
    return CALLS.send(request);
  }

  @Override
  protected AccountService accounts() {
    return application.accounts();
  }

  @Override
  protected String publicUrl() {
    return "http://127.0.0.1";
  }

  private static HttpResponse<String> mcp(String key, String method, String params)
      throws Exception {
    return CALLS.mcp(key, method, params);
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    return CALLS.get(path, token);
  }

  private static HttpResponse<String> delete(String path, String token) throws Exception {
    return CALLS.delete(path, token);
  }

  private static HttpResponse<String> post(String path, String token, String body)
      throws Exception {
    return CALLS.post(path, token, body);
  }

  private static JsonNode json(String body) throws Exception {
    return ServerCalls.json(body);
  }
}
