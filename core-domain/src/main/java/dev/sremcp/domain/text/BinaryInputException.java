package dev.sremcp.domain.text;

/** The input is not text: it holds NUL bytes, or mostly control characters or invalid UTF-8. */
public final class BinaryInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BinaryInputException(String message) {
    super(message, null, false, false);
  }
}
