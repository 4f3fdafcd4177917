package dev.sremcp.host.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official MCP Java SDK client (2025-11-25 era), a peer nobody on this team wrote. */
class JavaSdkClientTest {

  private static RunningServer server;

  @BeforeAll
  static void start() {
    server = RunningServer.start(true);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static McpSyncClient client() {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(server.url("")).endpoint("/mcp").build();
    return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build();
  }

  @Test
  void initializesListsAndCallsSloReport() {
    try (McpSyncClient client = client()) {
      McpSchema.InitializeResult initialized = client.initialize();
      McpSchema.ListToolsResult tools = client.listTools();
      McpSchema.CallToolResult result =
          client.callTool(
              new McpSchema.CallToolRequest(
                  "slo_report",
                  Map.of("target", 99.9, "window", "30d", "good", 999_500, "total", 1_000_000)));

      assertThat(initialized.protocolVersion()).isEqualTo("2025-11-25");
      assertThat(initialized.serverInfo().name()).isEqualTo("sre-mcp");
      assertThat(tools.tools()).extracting(McpSchema.Tool::name).contains("slo_report");
      assertThat(result.isError()).isFalse();
      @SuppressWarnings("unchecked")
      Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
      @SuppressWarnings("unchecked")
      Map<String, Object> budget = (Map<String, Object>) structured.get("errorBudget");
      assertThat(((Number) budget.get("spentFraction")).doubleValue()).isEqualTo(0.5);
      assertThat(((McpSchema.TextContent) result.content().getFirst()).text())
          .contains("# slo_report");
    }
  }

  @Test
  void receivesProgressOverTheEventStream() {
    List<McpSchema.ProgressNotification> progress =
        new java.util.concurrent.CopyOnWriteArrayList<>();
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(server.url("")).endpoint("/mcp").build();
    try (McpSyncClient client =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(20))
            .progressConsumer(progress::add)
            .build()) {
      client.initialize();
      McpSchema.CallToolResult result =
          client.callTool(
              McpSchema.CallToolRequest.builder()
                  .name("test_tool_with_progress")
                  .arguments(Map.of())
                  .progressToken("p-1")
                  .build());

      assertThat(result.isError()).isFalse();
      assertThat(progress)
          .extracting(McpSchema.ProgressNotification::progress)
          .containsExactly(0.0, 50.0, 100.0);
    }
  }

  @Test
  void seesATooBigArgumentAsAToolError() {
    try (McpSyncClient client = client()) {
      client.initialize();
      McpSchema.CallToolResult result =
          client.callTool(
              new McpSchema.CallToolRequest("slo_report", Map.of("target", 100, "window", "30d")));

      assertThat(result.isError()).isTrue();
      assertThat(((McpSchema.TextContent) result.content().getFirst()).text()).contains("target");
    }
  }
}
