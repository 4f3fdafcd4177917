package dev.sremcp.inference;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One server's breaker: closed while calls succeed; open for a while after a run of failures, when
 * the server gets no calls; then half open, letting one trial call through, whose outcome closes or
 * reopens it.
 */
final class CircuitBreaker {

  enum State {
    CLOSED,
    OPEN,
    HALF_OPEN
  }

  private final int threshold;
  private final long openNanos;
  private final LongSupplier nanos;
  private int failures;
  private long openedAt;
  private State state = State.CLOSED;
  private boolean trialRunning;

  CircuitBreaker(int threshold, Duration open, LongSupplier nanos) {
    this.threshold = threshold;
    this.openNanos = open.toNanos();
    this.nanos = nanos;
  }

  /** Whether a call may go to the server now; in half-open state only one may. */
  synchronized boolean tryPass() {
    return switch (state()) {
      case CLOSED -> true;
      case OPEN -> false;
      case HALF_OPEN -> {
        if (trialRunning) {
          yield false;
        }
        trialRunning = true;
        yield true;
      }
    };
  }

  synchronized void succeeded() {
    failures = 0;
    state = State.CLOSED;
    trialRunning = false;
  }

  synchronized void failed() {
    failures++;
    if (state == State.HALF_OPEN || failures >= threshold) {
      state = State.OPEN;
      openedAt = nanos.getAsLong();
      trialRunning = false;
    }
  }

  /** The state now: an open breaker whose time is up becomes half open. */
  synchronized State state() {
    if (state == State.OPEN && nanos.getAsLong() - openedAt >= openNanos) {
      state = State.HALF_OPEN;
      trialRunning = false;
    }
    return state;
  }
}
