package dev.sremcp.domain.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Dockerfile instruction as written.
 *
 * @param keyword the instruction in upper case, e.g. {@code RUN}
 * @param arguments everything after the keyword, continuation lines joined
 * @param flags the leading {@code --name=value} options, e.g. {@code from} of {@code COPY
 *     --from=build}; a flag without a value maps to the empty string
 * @param rest the arguments after the flags
 * @param exec the JSON (exec) form's words, or {@code null} for the shell form
 * @param heredocs the here-documents the instruction opens, in order
 * @param line the instruction's first line
 * @param endLine its last line, here-documents included
 * @param ignored rule ids an inline comment above it asks to skip ({@code # sre-mcp ignore=...} or
 *     {@code # hadolint ignore=...})
 */
public record Instruction(
    String keyword,
    String arguments,
    Map<String, String> flags,
    String rest,
    List<String> exec,
    List<Heredoc> heredocs,
    int line,
    int endLine,
    List<String> ignored) {

  public Instruction {
    flags = Map.copyOf(flags);
    exec = exec == null ? null : List.copyOf(exec);
    heredocs = List.copyOf(heredocs);
    ignored = List.copyOf(ignored);
  }

  /** A here-document: its delimiter, its text and the line its text starts on. */
  public record Heredoc(String delimiter, String body, int line) {}

  public boolean is(String name) {
    return keyword.equals(name);
  }

  public Optional<String> flag(String name) {
    return Optional.ofNullable(flags.get(name));
  }

  /** True for the exec (JSON array) form. */
  public boolean isExec() {
    return exec != null;
  }

  /**
   * The shell script the instruction runs: its shell form, or the exec form's words joined, with
   * the here-documents' text after.
   */
  public String script() {
    StringBuilder script = new StringBuilder(isExec() ? String.join(" ", exec) : rest);
    heredocs.forEach(heredoc -> script.append('\n').append(heredoc.body()));
    return script.toString();
  }
}
