package dev.sremcp.mcp.engine;

import java.util.concurrent.CancellationException;

/**
 * Whether the client still wants the answer to a request: set when it disconnects from the response
 * stream, or sends {@code notifications/cancelled}.
 */
public final class Cancellation {

  private volatile boolean cancelled;

  public void cancel() {
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled;
  }

  public void check() {
    if (cancelled) {
      throw new CancellationException("the client cancelled the request");
    }
  }
}
