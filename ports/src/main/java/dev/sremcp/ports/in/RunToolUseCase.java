package dev.sremcp.ports.in;

/** Runs one tool call. */
public interface RunToolUseCase {

  /**
   * Runs the call and says how it ended; never throws for anything the caller sent.
   *
   * @throws java.util.concurrent.CancellationException when the call's context was cancelled
   */
  ToolOutcome run(ToolCall call);
}
