package dev.sremcp.application;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Shares one computation between identical concurrent requests in this process: the first caller of
 * a key computes, the others wait for its result. A caller that goes away while waiting stops
 * waiting; if the computing caller goes away, one of the waiting ones computes instead.
 */
final class SingleFlight<V> {

  private final ConcurrentHashMap<String, CompletableFuture<V>> running = new ConcurrentHashMap<>();

  /** What a call got, and whether it computed it or shared another's. */
  record Result<V>(V value, boolean shared) {}

  /**
   * @throws CancellationException when {@code cancelled} turns true, or the computation itself was
   *     cancelled (then this caller has gone away too)
   */
  Result<V> run(String key, Supplier<V> compute, BooleanSupplier cancelled) {
    while (true) {
      CompletableFuture<V> mine = new CompletableFuture<>();
      CompletableFuture<V> theirs = running.putIfAbsent(key, mine);
      if (theirs == null) {
        try {
          V value = compute.get();
          mine.complete(value);
          return new Result<>(value, false);
        } catch (RuntimeException | Error e) {
          mine.completeExceptionally(e);
          throw e;
        } finally {
          running.remove(key, mine);
        }
      }
      try {
        return new Result<>(await(theirs, cancelled), true);
      } catch (CancellationException e) {
        if (cancelled.getAsBoolean()) {
          throw e;
        }
        // The computing caller went away; this one is still here, so it tries again.
      }
    }
  }

  private static <V> V await(CompletableFuture<V> future, BooleanSupplier cancelled) {
    while (true) {
      if (cancelled.getAsBoolean()) {
        throw new CancellationException("the caller cancelled while waiting for a shared answer");
      }
      try {
        return future.get(50, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // check for cancellation, then wait again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted while waiting for a shared answer");
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }
}
