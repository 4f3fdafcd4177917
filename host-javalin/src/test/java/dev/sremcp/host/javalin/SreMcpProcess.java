package dev.sremcp.host.javalin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code sre-mcp} in a JVM of its own, on this test's class path, with an environment of its own.
 */
final class SreMcpProcess {

  private SreMcpProcess() {}

  /**
   * The command, with no {@code SREMCP_*} variable of the developer's (a configured database, key
   * or Ollama) but {@code SREMCP_HOME} and {@code environment}.
   */
  static ProcessBuilder command(Path home, Map<String, String> environment, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SreMcpCommand.class.getName());
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("SREMCP_"));
    builder.environment().put("SREMCP_HOME", home.toString());
    builder.environment().putAll(environment);
    return builder;
  }
}
