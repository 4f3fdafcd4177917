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
    if (state == State.OPEN && nanos.getAsLong() - openedAt >= openNanos) {
      state = State.HALF_OPEN;
      trialRunning = false;
    }
    return switch (state) {
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

  /** Whether calls could pass now, without taking the half-open trial. */
  synchronized boolean closed() {
    return state == State.CLOSED;
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

  synchronized State state() {
    if (state == State.OPEN && nanos.getAsLong() - openedAt >= openNanos) {
      return State.HALF_OPEN;
    }
    return state;
  }
}
