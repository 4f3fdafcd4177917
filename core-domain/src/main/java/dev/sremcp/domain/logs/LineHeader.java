package dev.sremcp.domain.logs;

/** Where a line's header ends and its message begins. */
public sealed interface LineHeader permits LogFormat, DetectedHeader {

  /** The message of {@code line}: what follows its header, or the whole line. */
  String message(String line);
}
