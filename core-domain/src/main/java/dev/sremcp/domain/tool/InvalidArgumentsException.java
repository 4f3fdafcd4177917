package dev.sremcp.domain.tool;

/**
 * The arguments of a call cannot be analyzed: a value is missing, out of range or inconsistent with
 * another. The message names the argument and the limit, so a model can correct the call.
 */
public final class InvalidArgumentsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidArgumentsException(String message) {
    super(message, null, false, false);
  }
}
