package dev.sremcp.benchmarks;

import dev.sremcp.application.Explainer;
import dev.sremcp.application.ToolService;
import dev.sremcp.domain.BuiltInAnalyzers;
import dev.sremcp.domain.explain.ModelTable;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.inference.OllamaLanguageModel;
import dev.sremcp.inference.OllamaSettings;
import dev.sremcp.persistence.local.LocalExplanationCache;
import dev.sremcp.ports.in.ToolCall;
import dev.sremcp.ports.in.ToolOutcome;
import dev.sremcp.ports.out.ExplanationCache;
import dev.sremcp.testkit.ollama.FakeOllamaServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the inference path adds to a call, model time excluded: the same {@code review_dockerfile}
 * call deterministic only, explained through the Ollama pool by a fake Ollama server that answers
 * at once (evidence pack, redaction, prompt, HTTP and NDJSON, validation; the cache never hits),
 * and explained from the in-process cache that serve uses. Prints p50 and p99 of each, in
 * microseconds.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.sremcp.benchmarks.InferenceOverhead}
 */
public final class InferenceOverhead {

  private static final String MODEL = "llama3.2:3b";
  private static final String REPLY =
      "{\"summary\":\"The image runs as root and pipes a script from the network into a shell;"
          + " fix those first.\",\"notes\":[{\"finding\":\"F1\",\"explanation\":\"A key in an"
          + " ENV line ships with every layer.\",\"fix\":\"Use a build secret.\"}],"
          + "\"hypotheses\":[]}";
  private static final String DOCKERFILE =
      """
      FROM ubuntu:latest
      ENV AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
      RUN apt-get update && apt-get install -y curl python3
      RUN curl -s https://example.com/install.sh | sh
      ADD https://example.com/app.tar.gz /opt/
      COPY . /app
      WORKDIR /app
      EXPOSE 22
      CMD python3 server.py
      """;

  private InferenceOverhead() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    try (FakeOllamaServer ollama = FakeOllamaServer.start(MODEL)) {
      ollama.replyWith(FakeOllamaServer.Reply.content(REPLY));
      try (OllamaLanguageModel model =
          new OllamaLanguageModel(OllamaSettings.of(List.of(ollama.uri())))) {
        ToolService deterministic = new ToolService(BuiltInAnalyzers.all());
        ToolService uncached = explaining(model, new NeverHits());
        ToolService cached =
            explaining(model, new LocalExplanationCache(LocalExplanationCache.DEFAULT_ENTRIES));
        report("deterministic only", deterministic, calls, false);
        report("explained, model answering at once, no cache", uncached, calls, true);
        report("explained from the cache", cached, calls, true);
      }
    }
  }

  private static ToolService explaining(OllamaLanguageModel model, ExplanationCache cache) {
    return new ToolService(
        BuiltInAnalyzers.all(),
        new Explainer(
            model,
            cache,
            ModelTable.everyone(MODEL),
            "a benchmark secret of 32 bytes!!".getBytes(StandardCharsets.UTF_8),
            Duration.ofHours(1)));
  }

  private static void report(String name, ToolService tools, int calls, boolean explained) {
    for (int i = 0; i < calls / 2; i++) {
      call(tools, explained);
    }
    long[] micros = new long[calls];
    for (int i = 0; i < calls; i++) {
      long started = System.nanoTime();
      call(tools, explained);
      micros[i] = (System.nanoTime() - started) / 1_000;
    }
    Arrays.sort(micros);
    System.out.printf(
        "%-48s p50 %6d us   p99 %6d us   (%d calls)%n",
        name, micros[calls / 2], micros[(int) (calls * 0.99)], calls);
  }

  private static void call(ToolService tools, boolean explained) {
    ToolOutcome outcome =
        tools.run(
            new ToolCall(
                "review_dockerfile", Map.of("content", DOCKERFILE), AnalysisContext.detached()));
    if (!(outcome instanceof ToolOutcome.Completed completed)
        || completed.report().llm().used() != explained) {
      throw new IllegalStateException("the call did not end as measured: " + outcome);
    }
  }

  /** A cache that never holds anything: every call asks the model. */
  private static final class NeverHits implements ExplanationCache {
    @Override
    public Optional<Entry> get(String key) {
      return Optional.empty();
    }

    @Override
    public void put(String key, Entry entry, Duration ttl) {}
  }
}
