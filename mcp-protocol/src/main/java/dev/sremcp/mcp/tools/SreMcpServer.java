package dev.sremcp.mcp.tools;

import dev.sremcp.mcp.engine.McpServer;
import dev.sremcp.mcp.spi.Implementation;
import dev.sremcp.ports.in.ListToolsUseCase;
import dev.sremcp.ports.in.RunToolUseCase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;

/** sre-mcp as an MCP server: its identity, its instructions to the model, and its tools. */
public final class SreMcpServer {

  public static final String VERSION = readVersion();

  public static final Implementation INFO =
      new Implementation("sre-mcp", "sre-mcp: SRE and DevOps analyses", VERSION);

  public static final String INSTRUCTIONS =
      "sre-mcp analyses what you send it (logs, CI logs, Dockerfiles, Kubernetes manifests,"
          + " Terraform, Prometheus rules, alerts, SLO figures); it never connects to your"
          + " infrastructure. Deterministic analyzers produce the findings, each with evidence (file"
          + " and line); an explanation from a language model, when present, is marked source: llm."
          + " Pass the text itself in the tool's arguments. Results carry structuredContent in a"
          + " shape shared by all tools: summary, findings, truncation, llm, usage.";

  private SreMcpServer() {}

  /**
   * A server builder with sre-mcp's identity and the tools of the given use cases, configured from
   * the environment: {@code SREMCP_STATE_KEY} (64+ hex characters) seals multi-round request state,
   * and must be the same on every instance behind one load balancer.
   */
  public static McpServer.Builder builder(
      ListToolsUseCase catalog, RunToolUseCase runner, Map<String, String> environment) {
    McpServer.Builder builder =
        McpServer.builder()
            .serverInfo(INFO)
            .instructions(INSTRUCTIONS)
            .tools(AnalyzerTools.of(catalog, runner));
    String key = environment.get("SREMCP_STATE_KEY");
    if (key != null && !key.isBlank()) {
      builder.stateKey(stateKey(key.strip()));
    }
    return builder;
  }

  private static byte[] stateKey(String hex) {
    byte[] key;
    try {
      key = HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("SREMCP_STATE_KEY must be hexadecimal");
    }
    if (key.length < 32) {
      throw new IllegalArgumentException(
          "SREMCP_STATE_KEY needs at least 64 hex characters (32 bytes)");
    }
    return key;
  }

  private static String readVersion() {
    try (InputStream in = SreMcpServer.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      String version = properties.getProperty("version", "development");
      return version.startsWith("${") ? "development" : version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
