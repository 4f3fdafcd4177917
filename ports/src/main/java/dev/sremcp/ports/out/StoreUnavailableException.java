package dev.sremcp.ports.out;

/** A store a port needs cannot be reached; the operation did nothing. */
public final class StoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String store, Throwable cause) {
    super(store + " is unreachable", cause);
  }
}
