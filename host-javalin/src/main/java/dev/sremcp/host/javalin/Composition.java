package dev.sremcp.host.javalin;

import dev.sremcp.application.Explainer;
import dev.sremcp.application.MeteredToolService;
import dev.sremcp.application.ToolService;
import dev.sremcp.domain.BuiltInAnalyzers;
import dev.sremcp.mcp.conformance.ConformanceFixtures;
import dev.sremcp.mcp.engine.McpServer;
import dev.sremcp.mcp.engine.RequestObserver;
import dev.sremcp.mcp.tools.SreMcpServer;
import dev.sremcp.mcp.tools.TierAccess;
import java.util.Map;

/** Builds the application from its parts: the one place this host decides what runs. */
final class Composition {

  private Composition() {}

  static ToolService tools() {
    return tools(null);
  }

  /**
   * @param explainer the explain step, or {@code null} for deterministic results only
   */
  static ToolService tools(Explainer explainer) {
    return new ToolService(BuiltInAnalyzers.all(), explainer);
  }

  /**
   * The metered server: sre-mcp's tools shown and opened by the caller's tier, charged through
   * {@code tools}; {@code challenge} is the 401's {@code WWW-Authenticate} for a call without a
   * caller.
   */
  static McpServer meteredServer(
      Map<String, String> environment,
      boolean conformanceFixtures,
      RequestObserver observer,
      MeteredToolService tools,
      Map<String, String> challenge) {
    McpServer.Builder builder =
        SreMcpServer.builder(tools, tools, environment)
            .observer(observer)
            .toolAccess(new TierAccess(tools, challenge));
    if (conformanceFixtures) {
      ConformanceFixtures.register(builder);
    }
    return builder.build();
  }

  /** The unmetered server: every tool open to every request (the tests of the HTTP host). */
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
