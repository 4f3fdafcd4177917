package dev.sremcp.host.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sremcp.mcp.jsonrpc.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code sre-mcp stdio} in its own JVM: stdout carries MCP messages only, logs go to stderr. */
class StdioProcessTest {

  @Test
  void servesMcpOnStdoutAndLogsOnStderrAndExitsAtEndOfInput() throws Exception {
    // its own embedded database, never the developer's ~/.sre-mcp or a configured one
    ProcessBuilder builder =
        SreMcpProcess.command(Files.createTempDirectory("sremcp-stdio"), Map.of(), "stdio");
    Process process = builder.start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(
          String.join(
                  "\n",
                  "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}",
                  "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                  "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"slo_report\",\"arguments\":{\"target\":99.9,\"window\":\"30d\",\"good\":999,\"total\":1000}}}",
                  "")
              .getBytes(StandardCharsets.UTF_8));
    }
    List<JsonNode> messages = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        messages.add(Json.MAPPER.readTree(line));
      }
    }
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits when its input ends").isTrue();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).isZero();
    assertThat(messages).hasSize(2);
    assertThat(messages)
        .extracting(message -> message.path("id").asInt())
        .containsExactlyInAnyOrder(1, 2);
    assertThat(messages.toString()).contains("\"spentFraction\":1.0");
    assertThat(stderr).contains("serving MCP over stdio");
  }
}
