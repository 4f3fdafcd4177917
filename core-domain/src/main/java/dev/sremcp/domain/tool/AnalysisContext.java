package dev.sremcp.domain.tool;

import java.util.concurrent.CancellationException;

/**
 * What an analyzer may ask of whoever runs it: whether the caller still wants the answer, and a way
 * to report progress on long inputs.
 */
public interface AnalysisContext {

  /** True once the caller has gone away or cancelled the call. */
  boolean isCancelled();

  /**
   * Reports progress. {@code total} is {@code 0} when unknown; {@code done} must increase from one
   * call to the next.
   */
  void progress(double done, double total, String message);

  /** Throws {@link CancellationException} once the caller has cancelled; call it in long loops. */
  default void checkCancelled() {
    if (isCancelled()) {
      throw new CancellationException("the caller cancelled the analysis");
    }
  }

  /** A context that is never cancelled and drops progress: for the library and for tests. */
  static AnalysisContext detached() {
    return new AnalysisContext() {
      @Override
      public boolean isCancelled() {
        return false;
      }

      @Override
      public void progress(double done, double total, String message) {}
    };
  }
}
