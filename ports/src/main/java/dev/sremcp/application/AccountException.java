package dev.sremcp.application;

/** An account operation the caller asked for cannot be done; the message says why, for the user. */
public final class AccountException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What kind of problem, so a host can pick its status code. */
  public enum Kind {
    INVALID,
    CONFLICT,
    UNAUTHORIZED,
    NOT_FOUND
  }

  private final Kind kind;

  public AccountException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
