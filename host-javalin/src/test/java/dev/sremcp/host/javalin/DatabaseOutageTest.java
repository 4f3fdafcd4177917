package dev.sremcp.host.javalin;

import static dev.sremcp.host.javalin.ServerCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.mcp.http.AccessPolicy;
import dev.sremcp.mcp.http.HttpSettings;
import dev.sremcp.persistence.postgres.EmbeddedPostgresServer;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The server on an external PostgreSQL that goes away and comes back: while it is away, readiness
 * fails, charged calls and REST answer 503 with Retry-After and charge nothing; afterwards the
 * usage committed before the outage is all there and calls are served again.
 */
class DatabaseOutageTest {

  private static final String CALL =
      "{\"name\":\"slo_report\",\"arguments\":"
          + "{\"target\":99.9,\"window\":\"30d\",\"good\":999500,\"total\":1000000}}";

  @Test
  void anUnreachableDatabaseRefusesWith503AndLosesNothing() throws Exception {
    Path data = Files.createTempDirectory("sremcp-outage-pg");
    EmbeddedPostgres postgres = start(data, 0);
    int port = postgres.getPort();
    Map<String, String> environment =
        Map.of(
            "SREMCP_HOME", Files.createTempDirectory("sremcp-home").toString(),
            "SREMCP_DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres"),
            "SREMCP_DATABASE_USER", "postgres");
    Application application =
        Application.start(environment, EmbeddedPostgresServer.Kind.SERVER, "http://127.0.0.1");
    Javalin app =
        ServeCommand.meteredHost(
                application,
                environment,
                HttpSettings.defaults(AccessPolicy.loopback(Set.of())),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                false,
                "http://127.0.0.1")
            .start("127.0.0.1", 0);
    ServerCalls calls = new ServerCalls(app::port);
    try {
      String key =
          application
              .accounts()
              .createAccount("o@example.com", Tier.FREE, null, "test")
              .key()
              .value();
      assertThat(calls.get("/readyz", null).statusCode()).isEqualTo(200);
      assertThat(json(calls.get("/readyz", null).body()).at("/checks/database").asText())
          .isEqualTo("up");
      assertThat(calls.mcp(key, "tools/call", CALL).statusCode()).isEqualTo(200);

      postgres.close();

      HttpResponse<String> ready = calls.get("/readyz", null);
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(json(ready.body()).at("/checks/database").asText()).isEqualTo("down");
      HttpResponse<String> call = calls.mcp(key, "tools/call", CALL);
      assertThat(call.statusCode()).isEqualTo(503);
      assertThat(call.headers().firstValue("Retry-After")).isPresent();
      JsonNode error = json(call.body()).path("error");
      assertThat(error.path("code").asInt()).isEqualTo(-32000);
      assertThat(error.path("message").asText()).contains("database cannot be reached");
      assertThat(call.body()).doesNotContain("Exception").doesNotContain("at dev.sremcp");
      HttpResponse<String> rest = calls.get("/v1/usage", key);
      assertThat(rest.statusCode()).isEqualTo(503);
      assertThat(rest.headers().firstValue("Retry-After")).isPresent();

      postgres = start(data, port);

      // The pool finds its broken connections as it uses them: readiness comes back by itself.
      eventually200(() -> calls.get("/readyz", null));
      HttpResponse<String> usage = eventually200(() -> calls.get("/v1/usage", key));
      assertThat(json(usage.body()).path("used").asLong()).isEqualTo(1);
      JsonNode served = json(eventually200(() -> calls.mcp(key, "tools/call", CALL)).body());
      assertThat(served.at("/result/structuredContent/usage/unitsCharged").asInt()).isEqualTo(1);
      assertThat(json(calls.get("/v1/usage", key).body()).path("used").asLong()).isEqualTo(2);
    } finally {
      app.stop();
      application.close();
      postgres.close();
    }
  }

  private interface Request {
    HttpResponse<String> send() throws Exception;
  }

  /** The first 200 within ten seconds; fails with the last answer otherwise. */
  private static HttpResponse<String> eventually200(Request request) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    HttpResponse<String> response = request.send();
    while (response.statusCode() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      response = request.send();
    }
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response;
  }

  private static EmbeddedPostgres start(Path data, int port) throws Exception {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false);
    return (port == 0 ? builder : builder.setPort(port)).start();
  }
}
