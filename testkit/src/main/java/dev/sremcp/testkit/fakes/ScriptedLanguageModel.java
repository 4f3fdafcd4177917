package dev.sremcp.testkit.fakes;

import dev.sremcp.ports.out.LanguageModel;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * A {@link LanguageModel} in memory whose replies are scripted: for tests of what uses a model. It
 * passes {@link dev.sremcp.testkit.ports.LanguageModelContract}, like the Ollama adapter.
 */
public final class ScriptedLanguageModel implements LanguageModel {

  private final Function<Request, String> replies;
  private final Duration delay;
  private final String unavailable;

  private ScriptedLanguageModel(
      Function<Request, String> replies, Duration delay, String unavailable) {
    this.replies = replies;
    this.delay = delay;
    this.unavailable = unavailable;
  }

  /** Replies with what {@code replies} computes from each request. */
  public static ScriptedLanguageModel replying(Function<Request, String> replies) {
    return new ScriptedLanguageModel(Objects.requireNonNull(replies), Duration.ZERO, null);
  }

  /** Always unavailable, for {@code reason}. */
  public static ScriptedLanguageModel unavailable(String reason) {
    return new ScriptedLanguageModel(request -> "", Duration.ZERO, reason);
  }

  /** The same replies, after {@code delay} before the first token. */
  public ScriptedLanguageModel after(Duration delay) {
    return new ScriptedLanguageModel(replies, delay, unavailable);
  }

  @Override
  public Health health() {
    return unavailable == null ? new Health(1, 1, null) : new Health(1, 0, unavailable);
  }

  @Override
  public Generation generate(Request request, TokenListener tokens) {
    if (unavailable != null) {
      return new Generation.Unavailable(unavailable);
    }
    long until = System.nanoTime() + delay.toNanos();
    while (System.nanoTime() - until < 0) {
      if (request.cancelled().getAsBoolean()) {
        throw new CancellationException("the caller went away");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted");
      }
    }
    String text = replies.apply(request);
    int count = Math.max(2, (text.length() + 3) / 4);
    for (int token = 1; token <= count; token++) {
      if (request.cancelled().getAsBoolean()) {
        throw new CancellationException("the caller went away");
      }
      tokens.received(token);
    }
    int prompt = (request.system().length() + request.user().length() + 3) / 4;
    return new Generation.Reply(text, request.model(), prompt, count, "scripted");
  }
}
