package dev.sremcp.domain.dockerfile;

import java.util.List;
import java.util.Map;

/**
 * A parsed Dockerfile.
 *
 * @param directives the parser directives at the top, e.g. {@code syntax} and {@code escape}
 * @param instructions every instruction in order, those before the first {@code FROM} included
 * @param stages the build stages
 * @param globalArgs the {@code ARG}s before the first {@code FROM} with their defaults (empty
 *     string when none)
 */
public record Dockerfile(
    Map<String, String> directives,
    List<Instruction> instructions,
    List<Stage> stages,
    Map<String, String> globalArgs) {

  public Dockerfile {
    directives = Map.copyOf(directives);
    instructions = List.copyOf(instructions);
    stages = List.copyOf(stages);
    globalArgs = Map.copyOf(globalArgs);
  }

  /** Parses a Dockerfile's text; lines it cannot read become instructions rules can flag. */
  public static Dockerfile parse(String text) {
    return DockerfileParser.parse(text);
  }
}
