package dev.sremcp.host.javalin;

import dev.sremcp.mcp.engine.LogLevel;
import dev.sremcp.mcp.engine.McpServer;
import dev.sremcp.mcp.engine.RequestObserver;
import dev.sremcp.mcp.http.HttpSettings;
import dev.sremcp.mcp.stdio.StdioServer;
import dev.sremcp.mcp.tools.SreMcpServer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sre-mcp stdio}: MCP over standard input and output; logs go to standard error. */
@Command(
    name = "stdio",
    mixinStandardHelpOptions = true,
    description = "Serve MCP over standard input and output, for a client that starts the server.")
final class StdioCommand implements Callable<Integer> {

  @Option(
      names = "--conformance-fixtures",
      description = "Also register the fixtures of the official MCP conformance suite.")
  boolean conformanceFixtures;

  @Override
  public Integer call() throws Exception {
    // MCP gets the raw descriptor, whose write errors show that the client has gone (a PrintStream
    // would swallow them); anything printed with System.out goes to stderr instead.
    OutputStream mcp = new FileOutputStream(FileDescriptor.out);
    System.setOut(System.err);
    Map<String, String> environment = System.getenv();
    McpServer server =
        Composition.mcpServer(environment, conformanceFixtures, RequestObserver.NONE);
    int maxLine = (int) HttpSettings.fromEnvironment(environment, true).maxBodyBytes();
    System.err.println(
        "sre-mcp " + SreMcpServer.VERSION + " serving MCP over stdio (logs on standard error)");
    new StdioServer(server, System.in, mcp, maxLine, LogLevel.INFO).run(Duration.ofSeconds(5));
    return 0;
  }
}
