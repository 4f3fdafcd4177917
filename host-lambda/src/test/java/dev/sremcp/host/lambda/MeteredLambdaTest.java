package dev.sremcp.host.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sremcp.application.AccountService;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.inference.ExplainSettings;
import dev.sremcp.persistence.postgres.EmbeddedPostgresServer;
import dev.sremcp.testkit.host.HostRequest;
import dev.sremcp.testkit.host.HostResponse;
import dev.sremcp.testkit.host.McpHostContract;
import dev.sremcp.testkit.host.MeteredHostContract;
import dev.sremcp.testkit.ollama.FakeOllamaServer;
import dev.sremcp.testkit.ollama.FakeOllamaServer.Reply;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
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
  private static FakeOllamaServer ollama;
  private static Map<String, String> environment;
  private static LambdaApplication application;
  private static McpLambdaHandler handler;

  @BeforeAll
  static void start() throws Exception {
    postgres =
        EmbeddedPostgresServer.startOrJoin(
            Files.createTempDirectory("sremcp-lambda-db"), EmbeddedPostgresServer.Kind.SERVER);
    ollama =
        FakeOllamaServer.start(ExplainSettings.DEFAULT_MODEL)
            .replyWith(
                Reply.content(
                    "{\"summary\":\"Pin the base image.\",\"notes\":[],\"hypotheses\":[]}"));
    environment =
        Map.of(
            "SREMCP_DATABASE_URL", postgres.jdbcUrl(),
            "SREMCP_DATABASE_USER", postgres.user(),
            "SREMCP_PUBLIC_URL", PUBLIC_URL + "/",
            "SREMCP_HOME", Files.createTempDirectory("sremcp-lambda-home").toString(),
            "SREMCP_OLLAMA_URLS", ollama.uri().toString());
    application = LambdaApplication.start(environment);
    handler = new McpLambdaHandler(application, environment);
  }

  @AfterAll
  static void stop() {
    application.close();
    postgres.close();
    ollama.close();
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

  private static HostResponse reviewDockerfile(McpLambdaHandler handler, AccountService accounts) {
    String key =
        accounts
            .createAccount(UUID.randomUUID() + "@example.com", Tier.STARTER, null, "test")
            .key()
            .value();
    return EventFormat.FUNCTION_URL.invoke(
        handler,
        McpHostContract.legacy(
                "tools/call",
                "{\"name\":\"review_dockerfile\",\"arguments\":{\"content\":"
                    + "\"FROM node:latest\\nCMD node app.js\\n\"}}")
            .with("Authorization", "Bearer " + key));
  }

  @Test
  void explainsWithTheOllamaPoolNamedInTheEnvironment() {
    int before = ollama.generations();

    JsonNode result = reviewDockerfile(handler, application.accounts()).json().path("result");

    assertThat(result.at("/structuredContent/llm/used").asBoolean()).as(result.toString()).isTrue();
    assertThat(result.at("/structuredContent/llm/explanation").asText())
        .contains("Pin the base image");
    assertThat(ollama.generations() - before).isEqualTo(1);
  }

  @Test
  void withoutAnOllamaPoolNamedTheAnswerIsDeterministic() {
    Map<String, String> withoutOllama = new HashMap<>(environment);
    withoutOllama.remove("SREMCP_OLLAMA_URLS");
    int before = ollama.generations();
    try (LambdaApplication plain = LambdaApplication.start(withoutOllama)) {
      JsonNode result =
          reviewDockerfile(new McpLambdaHandler(plain, withoutOllama), plain.accounts())
              .json()
              .path("result");

      assertThat(result.at("/structuredContent/llm/used").asBoolean()).isFalse();
      assertThat(result.at("/structuredContent/llm/reason").asText())
          .contains("no inference engine is configured");
      assertThat(result.at("/structuredContent/findings")).isNotEmpty();
    }
    assertThat(ollama.generations()).isEqualTo(before);
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
