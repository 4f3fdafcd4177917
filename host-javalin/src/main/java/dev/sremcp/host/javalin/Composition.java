package dev.sremcp.host.javalin;

import dev.sremcp.application.ToolService;
import dev.sremcp.domain.BuiltInAnalyzers;
import dev.sremcp.mcp.conformance.ConformanceFixtures;
import dev.sremcp.mcp.engine.McpServer;
import dev.sremcp.mcp.engine.RequestObserver;
import dev.sremcp.mcp.tools.SreMcpServer;
import java.util.Map;

/** Builds the application from its parts: the one place this host decides what runs. */
final class Composition {

  private Composition() {}

  static ToolService tools() {
    return new ToolService(BuiltInAnalyzers.all());
  }

  static McpServer mcpServer(
      Map<String, String> environment, boolean conformanceFixtures, RequestObserver observer) {
    ToolService tools = tools();
    McpServer.Builder builder = SreMcpServer.builder(tools, tools, environment).observer(observer);
    if (conformanceFixtures) {
      ConformanceFixtures.register(builder);
    }
    return builder.build();
  }
}
