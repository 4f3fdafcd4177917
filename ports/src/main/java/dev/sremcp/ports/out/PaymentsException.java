package dev.sremcp.ports.out;

/**
 * The payment provider could not do what was asked: unreachable or failing ({@link #retryable()}),
 * or refusing the request (a configuration problem such as an unknown price).
 */
public final class PaymentsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  public PaymentsException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
