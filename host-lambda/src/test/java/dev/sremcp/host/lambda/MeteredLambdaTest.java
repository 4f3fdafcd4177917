package dev.sremcp.host.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sremcp.application.AccountService;
import dev.sremcp.persistence.postgres.EmbeddedPostgresServer;
import dev.sremcp.testkit.host.HostRequest;
import dev.sremcp.testkit.host.HostResponse;
import dev.sremcp.testkit.host.MeteredHostContract;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The handler as Lambda's init phase builds it, over a real PostgreSQL that it reaches as an
 * external one ({@code SREMCP_DATABASE_URL}), behind a Function URL: the metered host contract that
 * the Javalin host passes too.
 */
class MeteredLambdaTest extends MeteredHostContract {

  private static final String PUBLIC_URL = "https://abc123.lambda-url.eu-west-1.on.aws";

  private static EmbeddedPostgresServer postgres;
  private static LambdaApplication application;
  private static McpLambdaHandler handler;

  @BeforeAll
  static void start() throws Exception {
    postgres =
        EmbeddedPostgresServer.startOrJoin(
            Files.createTempDirectory("sremcp-lambda-db"), EmbeddedPostgresServer.Kind.SERVER);
    Map<String, String> environment =
        Map.of(
            "SREMCP_DATABASE_URL", postgres.jdbcUrl(),
            "SREMCP_DATABASE_USER", postgres.user(),
            "SREMCP_PUBLIC_URL", PUBLIC_URL + "/",
            "SREMCP_HOME", Files.createTempDirectory("sremcp-lambda-home").toString());
    application = LambdaApplication.start(environment);
    handler = new McpLambdaHandler(application, environment);
  }

  @AfterAll
  static void stop() {
    application.close();
    postgres.close();
  }

  @Override
  protected HostResponse send(HostRequest request) {
    return EventFormat.FUNCTION_URL.invoke(handler, request);
  }

  @Override
  protected AccountService accounts() {
    return application.accounts();
  }

  @Override
  protected String publicUrl() {
    return PUBLIC_URL;
  }

  @Test
  void livenessNeedsNoCredentials() {
    assertThat(send(new HostRequest("GET", "/healthz", Map.of(), "")).status()).isEqualTo(200);
  }

  @Test
  void refusesToStartWithoutAnExternalDatabaseOrAPublicUrl() {
    assertThatThrownBy(() -> LambdaApplication.start(Map.of("SREMCP_PUBLIC_URL", PUBLIC_URL)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SREMCP_DATABASE_URL")
        .hasMessageContaining("PostgreSQL");
    assertThatThrownBy(
            () -> LambdaApplication.start(Map.of("SREMCP_DATABASE_URL", postgres.jdbcUrl())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SREMCP_PUBLIC_URL");
  }
}
