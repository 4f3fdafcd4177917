package dev.sremcp.benchmarks;

import dev.sremcp.application.ToolService;
import dev.sremcp.domain.BuiltInAnalyzers;
import dev.sremcp.mcp.engine.McpServer;
import dev.sremcp.mcp.tools.SreMcpServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The requests both benchmarks send, and the server as {@code serve} composes it. */
final class Requests {

  static final String SLO_CALL =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"slo_report\","
          + "\"arguments\":{\"target\":99.9,\"window\":\"30d\",\"good\":999500,\"total\":1000000},"
          + "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
          + "\"io.modelcontextprotocol/clientCapabilities\":{},"
          + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}}";

  static final byte[] SLO_CALL_BYTES = SLO_CALL.getBytes(StandardCharsets.UTF_8);

  private Requests() {}

  static McpServer server() {
    ToolService tools = new ToolService(BuiltInAnalyzers.all());
    return SreMcpServer.builder(tools, tools, Map.of()).build();
  }
}
