package dev.sremcp.ports.out;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Generates text with a language model: the capability behind explanations. An implementation keeps
 * its own time limits and answers {@link Generation.Unavailable} rather than failing: the caller
 * then returns its deterministic result.
 */
public interface LanguageModel {

  /**
   * Asks the model and blocks until the reply is whole, the model is found unavailable, or the call
   * is cancelled.
   *
   * @param tokens told how many tokens have arrived so far, as they arrive
   * @throws java.util.concurrent.CancellationException once {@code request.cancelled()} is true;
   *     the upstream request is abandoned
   */
  Generation generate(Request request, TokenListener tokens);

  /** Whether any server could answer now, and why not: for readiness and for a quick fallback. */
  Health health();

  /**
   * One generation.
   *
   * @param replySchema the JSON Schema the reply must match, as JSON text
   * @param maxTokens the most tokens the reply may have
   * @param cancelled turns true when the caller has gone away
   */
  record Request(
      String model,
      String system,
      String user,
      String replySchema,
      int maxTokens,
      BooleanSupplier cancelled) {
    public Request {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(system, "system");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(replySchema, "replySchema");
      Objects.requireNonNull(cancelled, "cancelled");
      if (maxTokens < 1) {
        throw new IllegalArgumentException("maxTokens must be positive: " + maxTokens);
      }
    }
  }

  /** Told the running count of tokens received. */
  @FunctionalInterface
  interface TokenListener {
    void received(int tokens);

    TokenListener NONE = tokens -> {};
  }

  /** How a generation ended. */
  sealed interface Generation {
    /**
     * The model's whole reply.
     *
     * @param server which server answered, for logs and metrics
     */
    record Reply(String text, String model, int tokensIn, int tokensOut, String server)
        implements Generation {
      public Reply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(model, "model");
      }
    }

    /** No server could give a reply; {@code reason} says why in words for the caller. */
    record Unavailable(String reason) implements Generation {
      public Unavailable {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }

  /**
   * @param reason why nothing can answer; {@code null} when something can
   */
  record Health(int servers, int healthy, String reason) {
    public boolean available() {
      return healthy > 0;
    }
  }
}
