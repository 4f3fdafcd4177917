package dev.sremcp.testkit.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sremcp.ports.out.LanguageModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LanguageModel} promises: the whole reply with its token counts, tokens reported
 * as they come, cancellation honoured, and an unreachable model answered with a reason rather than
 * an exception.
 */
public abstract class LanguageModelContract {

  /** The model name every implementation under test knows. */
  public static final String MODEL_NAME = "llama3.2:3b";

  /** A model that replies {@code text} to every request, in several tokens. */
  protected abstract LanguageModel replying(String text);

  /** A model that takes {@code delay} before its first token (to test cancellation). */
  protected abstract LanguageModel slow(String text, Duration delay);

  /** A model that cannot be reached. */
  protected abstract LanguageModel unreachable();

  private static LanguageModel.Request request(AtomicBoolean cancelled) {
    return new LanguageModel.Request(
        MODEL_NAME,
        "You explain.",
        "Evidence: F1 high x.rule",
        "{\"type\":\"object\"}",
        256,
        cancelled::get);
  }

  @Test
  void returnsTheWholeReplyWithItsTokenCounts() {
    String text = "{\"summary\":\"the deploy at 10:02 broke the checkout\",\"notes\":[]}";
    List<Integer> seen = new CopyOnWriteArrayList<>();
    LanguageModel.Generation generation =
        replying(text).generate(request(new AtomicBoolean()), seen::add);
    assertThat(generation).isInstanceOf(LanguageModel.Generation.Reply.class);
    LanguageModel.Generation.Reply reply = (LanguageModel.Generation.Reply) generation;
    assertThat(reply.text()).isEqualTo(text);
    assertThat(reply.model()).isEqualTo(MODEL_NAME);
    assertThat(reply.tokensIn()).isPositive();
    assertThat(reply.tokensOut()).isPositive();
    assertThat(seen).isNotEmpty().isSorted();
    assertThat(seen.getLast()).isGreaterThan(1);
  }

  @Test
  void aCancelledCallThrowsAndStopsWaiting() {
    AtomicBoolean cancelled = new AtomicBoolean();
    LanguageModel model = slow("{\"summary\":\"late\"}", Duration.ofSeconds(5));
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                Thread.sleep(200);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              cancelled.set(true);
            });
    long started = System.nanoTime();
    assertThatThrownBy(() -> model.generate(request(cancelled), LanguageModel.TokenListener.NONE))
        .isInstanceOf(CancellationException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void anUnreachableModelIsUnavailableWithAReason() {
    LanguageModel model = unreachable();
    assertThat(model.health().available()).isFalse();
    assertThat(model.health().reason()).isNotBlank();
    LanguageModel.Generation generation =
        model.generate(request(new AtomicBoolean()), LanguageModel.TokenListener.NONE);
    assertThat(generation).isInstanceOf(LanguageModel.Generation.Unavailable.class);
    assertThat(((LanguageModel.Generation.Unavailable) generation).reason()).isNotBlank();
  }
}
