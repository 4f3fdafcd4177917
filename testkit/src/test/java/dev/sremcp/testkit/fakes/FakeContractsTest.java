package dev.sremcp.testkit.fakes;

import dev.sremcp.ports.out.ExplanationCache;
import dev.sremcp.ports.out.LanguageModel;
import dev.sremcp.testkit.ports.ExplanationCacheContract;
import dev.sremcp.testkit.ports.LanguageModelContract;
import java.time.Duration;
import org.junit.jupiter.api.Nested;

/** The in-memory fakes pass the contracts their real adapters pass. */
class FakeContractsTest {

  @Nested
  class ScriptedModel extends LanguageModelContract {
    @Override
    protected LanguageModel replying(String text) {
      return ScriptedLanguageModel.replying(request -> text);
    }

    @Override
    protected LanguageModel slow(String text, Duration delay) {
      return ScriptedLanguageModel.replying(request -> text).after(delay);
    }

    @Override
    protected LanguageModel unreachable() {
      return ScriptedLanguageModel.unavailable("nothing listens");
    }
  }

  @Nested
  class InMemoryCache extends ExplanationCacheContract {
    private final ExplanationCache cache = new InMemoryExplanationCache();

    @Override
    protected ExplanationCache cache() {
      return cache;
    }
  }
}
