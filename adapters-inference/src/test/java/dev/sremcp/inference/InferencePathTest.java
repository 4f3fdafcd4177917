package dev.sremcp.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sremcp.application.Explainer;
import dev.sremcp.application.ToolService;
import dev.sremcp.domain.BuiltInAnalyzers;
import dev.sremcp.domain.explain.ModelTable;
import dev.sremcp.domain.explain.Prompts;
import dev.sremcp.domain.redaction.SeededSecrets;
import dev.sremcp.domain.report.AnalysisReport;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.TextSource;
import dev.sremcp.ports.in.ToolCall;
import dev.sremcp.ports.in.ToolOutcome;
import dev.sremcp.testkit.fakes.InMemoryExplanationCache;
import dev.sremcp.testkit.ollama.FakeOllamaServer;
import dev.sremcp.testkit.ollama.FakeOllamaServer.Reply;
import dev.sremcp.testkit.ports.LanguageModelContract;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole inference path as a call runs it: the analyzers, the explain step and the Ollama pool,
 * against fake Ollama servers that record every byte they receive.
 */
class InferencePathTest {

  private static final String REPLY =
      "{\"summary\":\"The errors start after the deploy.\",\"notes\":[],\"hypotheses\":[]}";

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable resource : open.reversed()) {
      resource.close();
    }
  }

  private FakeOllamaServer server() throws Exception {
    FakeOllamaServer server = FakeOllamaServer.start(LanguageModelContract.MODEL_NAME);
    open.add(server);
    return server.replyWith(Reply.content(REPLY));
  }

  private ToolService tools(FakeOllamaServer... servers) {
    OllamaLanguageModel model = Pools.over(servers);
    open.add(model);
    return new ToolService(
        BuiltInAnalyzers.all(),
        new Explainer(
            model,
            new InMemoryExplanationCache(),
            ModelTable.everyone(LanguageModelContract.MODEL_NAME),
            "a server secret of 32 bytes here".getBytes(StandardCharsets.UTF_8),
            Duration.ofHours(1)));
  }

  private static AnalysisReport run(ToolService tools, String tool, Map<String, Object> arguments) {
    return run(tools, tool, arguments, AnalysisContext.detached());
  }

  private static AnalysisReport run(
      ToolService tools, String tool, Map<String, Object> arguments, AnalysisContext context) {
    ToolOutcome outcome = tools.run(new ToolCall(tool, arguments, context));
    assertThat(outcome).isInstanceOf(ToolOutcome.Completed.class);
    return ((ToolOutcome.Completed) outcome).report();
  }

  @Test
  void noSeededSecretOfAnySupportedFormatReachesOllama() throws Exception {
    FakeOllamaServer server = server();
    ToolService tools = tools(server);
    StringBuilder log = new StringBuilder();
    int second = 0;
    for (SeededSecrets.Seed seed : SeededSecrets.ALL) {
      // one record per seed; a private key keeps its lines together, as a logger writes it
      log.append("2026-11-25T10:00:%02d ERROR request failed: ".formatted(second++ % 60))
          .append(seed.line())
          .append('\n');
    }
    String dockerfile =
        "FROM ubuntu:22.04\n"
            + SeededSecrets.ALL.stream()
                .map(seed -> "ENV SEEDED_" + seed.kind() + "=\"" + seed.secret() + "\"")
                .reduce("", (a, b) -> a + b + "\n")
            + "RUN curl https://example.com/x.sh | sh\n";

    AnalysisReport logs = run(tools, "analyze_logs", Map.of("content", log.toString()));
    AnalysisReport ci = run(tools, "analyze_ci_failure", Map.of("content", log.toString()));
    AnalysisReport docker = run(tools, "review_dockerfile", Map.of("content", dockerfile));

    assertThat(List.of(logs, ci, docker)).allMatch(report -> report.llm().used());
    assertThat(server.generations()).isEqualTo(3);
    String received = new String(server.receivedBytes(), StandardCharsets.UTF_8);
    assertThat(received).contains("/api/chat");
    for (SeededSecrets.Seed seed : SeededSecrets.ALL) {
      assertThat(received).as(seed.kind().id()).doesNotContain(seed.secret());
      // JSON escapes a slash or a quote in the body: look for that spelling too
      assertThat(received).as(seed.kind().id()).doesNotContain(seed.secret().replace("/", "\\/"));
    }
    assertThat(logs.llm().redactions()).isNotEmpty();
  }

  @Test
  void thePromptForAGigabyteLogIsWithinTheSameBudgetAsForAKilobyteLog() throws Exception {
    FakeOllamaServer server = server();
    ToolService tools = tools(server);
    String line = "2026-11-25T10:00:00 INFO GET /api/orders/%d 200 12ms\n";
    String small = line.formatted(1).repeat(1024 / line.length());

    run(tools, "analyze_logs", Map.of("content", small));
    run(tools, "analyze_logs", Map.of("content", gigabyteLog()));

    List<Integer> prompts =
        server.requests().stream()
            .filter(request -> request.path().equals("/api/chat"))
            .map(
                request ->
                    request.json().get("messages").get(0).get("content").asText().length()
                        + request.json().get("messages").get(1).get("content").asText().length())
            .toList();
    assertThat(prompts).hasSize(2).allMatch(size -> size <= Prompts.MAX_CHARS);
  }

  /**
   * A log of 1,000,000,000 bytes, generated as it is read: a few templates, errors after a deploy.
   */
  private static TextSource gigabyteLog() {
    return () ->
        new Reader() {
          private long left = 1_000_000_000L;
          private long n;
          private String pending = "";
          private int at;

          @Override
          public int read(char[] buffer, int offset, int length) {
            if (left <= 0) {
              return -1;
            }
            int written = 0;
            while (written < length && left > 0) {
              if (at == pending.length()) {
                n++;
                pending =
                    (n % 50 == 0
                            ? "2026-11-25T10:%02d:%02d ERROR payment gateway timeout after 30000ms order=%d\n"
                            : "2026-11-25T10:%02d:%02d INFO GET /api/orders/%d 200 12ms\n")
                        .formatted((n / 60_000) % 60, (n / 1000) % 60, n);
                at = 0;
              }
              buffer[offset + written++] = pending.charAt(at++);
              left--;
            }
            return written;
          }

          @Override
          public void close() {}
        };
  }

  @Test
  void tokensStreamAsProgressWhileTheyCome() throws Exception {
    FakeOllamaServer server = server();
    server.replyWith(Reply.content(REPLY).chunks(12).between(Duration.ofMillis(5)));
    ToolService tools = tools(server);
    List<String> progress = new CopyOnWriteArrayList<>();
    AnalysisContext context =
        new AnalysisContext() {
          @Override
          public boolean isCancelled() {
            return false;
          }

          @Override
          public void progress(double done, double total, String message) {
            progress.add(done + " " + message);
          }
        };

    run(tools, "review_dockerfile", Map.of("content", "FROM ubuntu\n"), context);

    assertThat(progress.stream().filter(p -> p.contains("explaining with"))).hasSizeGreaterThan(5);
  }

  @Test
  void withBothServersDownTheDeterministicAnswerComesWithinTheTimeout() throws Exception {
    FakeOllamaServer one = server();
    FakeOllamaServer two = server();
    ToolService tools = tools(one, two);
    one.kill();
    two.kill();

    long started = System.nanoTime();
    AnalysisReport report =
        run(tools, "review_dockerfile", Map.of("content", "FROM ubuntu:latest\nUSER root\n"));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    assertThat(report.llm().used()).isFalse();
    assertThat(report.llm().reason()).contains("deterministic result is complete");
    assertThat(report.analysis().findings()).isNotEmpty();
  }
}
