package dev.sremcp.host.javalin;

import dev.sremcp.mcp.tools.SreMcpServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sre-mcp}: the command line of the product. */
@Command(
    name = "sre-mcp",
    mixinStandardHelpOptions = true,
    versionProvider = SreMcpCommand.Version.class,
    description = "SRE and DevOps analyses for AI assistants, over the Model Context Protocol.",
    subcommands = {
      ServeCommand.class,
      StdioCommand.class,
      AnalyzeCommand.class,
      AdminCommand.class,
      LoghubEvalCommand.class,
      IncidentEvalCommand.class
    })
public final class SreMcpCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new SreMcpCommand())
        .setExecutionExceptionHandler(
            (exception, commandLine, parseResult) -> {
              commandLine.getErr().println("sre-mcp: " + exception.getMessage());
              return 2;
            });
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** The version printed by {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"sre-mcp " + SreMcpServer.VERSION};
    }
  }
}
