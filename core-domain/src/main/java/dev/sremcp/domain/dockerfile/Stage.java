package dev.sremcp.domain.dockerfile;

import java.util.List;

/**
 * One build stage: its {@code FROM} and the instructions up to the next.
 *
 * @param index 0 for the first stage
 * @param name the stage's {@code AS} name, lower case, or {@code null}
 * @param image the base image with build arguments substituted, as far as their defaults allow
 * @param from the {@code FROM} instruction
 * @param instructions the stage's instructions after its {@code FROM}
 */
public record Stage(
    int index, String name, String image, Instruction from, List<Instruction> instructions) {

  public Stage {
    instructions = List.copyOf(instructions);
  }
}
