package dev.sremcp.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sremcp.domain.BuiltInAnalyzers;
import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Caller;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.account.TierTable;
import dev.sremcp.domain.explain.Explanation;
import dev.sremcp.domain.explain.ModelTable;
import dev.sremcp.domain.report.AnalysisReport;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.report.Source;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.ports.in.ToolCall;
import dev.sremcp.ports.in.ToolOutcome;
import dev.sremcp.ports.out.ExplanationCache;
import dev.sremcp.ports.out.LanguageModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The explain step: redaction, validation and repair, cache, single flight, fallback. */
class ExplainerTest {

  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final String DOCKERFILE =
      """
      FROM ubuntu:latest
      ENV AWS_SECRET_ACCESS_KEY=%s
      RUN curl -s https://example.com/install.sh | sh
      """
          .formatted(SECRET);

  private static final String GOOD =
      """
      {"summary":"The image runs as root and trusts a script from the network.",
       "notes":[{"finding":"F1","explanation":"Anyone with the image can read the key.","fix":"Use a build secret."}],
       "hypotheses":[{"title":"The credentials in the image are exposed","explanation":"F1 puts a key in the image.","confidence":0.95,"evidence":["F1"]}]}
      """;

  /** A language model in memory: counts requests, may wait, may be down. */
  private static final class Model implements LanguageModel {
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final Function<Integer, String> replies;
    final Duration delay;
    final String down;

    Model(Function<Integer, String> replies, Duration delay, String down) {
      this.replies = replies;
      this.delay = delay;
      this.down = down;
    }

    static Model saying(String reply) {
      return new Model(n -> reply, Duration.ZERO, null);
    }

    @Override
    public Generation generate(Request request, TokenListener tokens) {
      requests.add(request);
      long until = System.nanoTime() + delay.toNanos();
      while (System.nanoTime() < until) {
        if (request.cancelled().getAsBoolean()) {
          throw new CancellationException("gone");
        }
        Thread.onSpinWait();
      }
      String reply = replies.apply(requests.size());
      tokens.received(1);
      tokens.received(2);
      return new Generation.Reply(reply, request.model(), 100, 20, "memory");
    }

    @Override
    public Health health() {
      return down == null ? new Health(1, 1, null) : new Health(1, 0, down);
    }
  }

  /** A cache in memory. */
  private static final class Cache implements ExplanationCache {
    final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<Entry> get(String key) {
      return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void put(String key, Entry entry, Duration ttl) {
      entries.put(key, entry);
    }
  }

  private static final byte[] SECRET_KEY = "a server secret of 32 bytes here".getBytes();

  private static ToolService tools(LanguageModel model, ExplanationCache cache) {
    ModelTable models =
        new ModelTable(
            Map.of(
                Tier.STARTER, "llama3.2:3b",
                Tier.PROFESSIONAL, "qwen2.5:7b",
                Tier.ENTERPRISE, "qwen2.5:7b"),
            "llama3.2:3b",
            List.of("qwen2.5:7b", "qwen2.5:14b"));
    return new ToolService(
        BuiltInAnalyzers.all(),
        new Explainer(model, cache, models, SECRET_KEY, Duration.ofHours(1)));
  }

  private static Caller caller(Tier tier, AccountId account) {
    return new Caller(account, tier, TierTable.defaults().limits(tier), "key");
  }

  private static ToolOutcome review(ToolService tools, Caller caller, Map<String, Object> extra) {
    Map<String, Object> arguments = new HashMap<>(extra);
    arguments.put("content", DOCKERFILE);
    ToolCall.Metering metering =
        caller == null
            ? null
            : new ToolCall.Metering(caller, UUID.randomUUID().toString(), 100, "00");
    return tools.run(
        new ToolCall("review_dockerfile", arguments, AnalysisContext.detached(), metering));
  }

  private static AnalysisReport completed(ToolOutcome outcome) {
    assertThat(outcome).isInstanceOf(ToolOutcome.Completed.class);
    return ((ToolOutcome.Completed) outcome).report();
  }

  @Test
  void explainsWithTheTiersModelAndAddsCitedHypothesesMarkedLlm() {
    Model model = Model.saying(GOOD);
    AnalysisReport report =
        completed(review(tools(model, new Cache()), caller(Tier.STARTER, newAccount()), Map.of()));

    assertThat(report.llm().used()).isTrue();
    assertThat(report.llm().model()).isEqualTo("llama3.2:3b");
    assertThat(report.llm().cached()).isFalse();
    assertThat(report.llm().tokensIn()).isEqualTo(100);
    assertThat(report.llm().explanation()).contains("runs as root");
    List<Finding> fromModel =
        report.analysis().findings().stream().filter(f -> f.source() == Source.LLM).toList();
    assertThat(fromModel).hasSize(1);
    Finding hypothesis = fromModel.getFirst();
    assertThat(hypothesis.ruleId()).isEqualTo(Explanation.HYPOTHESIS_RULE);
    assertThat(hypothesis.confidence()).isEqualTo(Explanation.MAX_CONFIDENCE);
    assertThat(hypothesis.evidence()).isNotEmpty();
    assertThat(hypothesis.message()).contains("rests on F1");
    assertThat(report.analysis().truncation().returned())
        .isEqualTo(report.analysis().findings().size());
  }

  @Test
  void theModelNeverSeesTheSecretAndTheUserGetsItBack() {
    List<String> prompts = new ArrayList<>();
    LanguageModel recording =
        new LanguageModel() {
          @Override
          public Generation generate(Request request, TokenListener tokens) {
            prompts.add(request.system() + request.user());
            String placeholder =
                request.user().replaceAll("(?s).*(<aws-secret-key-[0-9a-f]{8}>).*", "$1");
            return new Generation.Reply(
                GOOD.replace("Anyone with the image", "Anyone who reads " + placeholder),
                request.model(),
                10,
                10,
                "memory");
          }

          @Override
          public Health health() {
            return new Health(1, 1, null);
          }
        };
    AnalysisReport report =
        completed(
            review(tools(recording, new Cache()), caller(Tier.STARTER, newAccount()), Map.of()));

    assertThat(prompts).hasSize(1);
    assertThat(prompts.getFirst()).doesNotContain(SECRET).contains("<aws-secret-key-");
    assertThat(report.llm().redactions()).containsKey("aws-secret-key");
    assertThat(report.llm().explanation()).contains("Anyone who reads " + SECRET);
  }

  @Test
  void repairsAMalformedReplyOnce() {
    Model model =
        new Model(
            n -> n == 1 ? "Sure! Here is the JSON: {\"summary\":" : GOOD, Duration.ZERO, null);
    AnalysisReport report =
        completed(review(tools(model, new Cache()), caller(Tier.STARTER, newAccount()), Map.of()));

    assertThat(report.llm().used()).isTrue();
    assertThat(model.requests).hasSize(2);
    assertThat(model.requests.get(1).user()).contains("could not be used");
    assertThat(report.llm().tokensIn()).isEqualTo(200);
  }

  @Test
  void fallsBackAfterASecondBadReplyWithTheReason() {
    Model model =
        Model.saying(
            "{\"summary\":\"x\",\"notes\":[],\"hypotheses\":[{\"title\":\"t\",\"explanation\":\"e\","
                + "\"confidence\":0.5,\"evidence\":[\"F99\"]}]}");
    AnalysisReport report =
        completed(review(tools(model, new Cache()), caller(Tier.STARTER, newAccount()), Map.of()));

    assertThat(model.requests).hasSize(2);
    assertThat(report.llm().used()).isFalse();
    assertThat(report.llm().reason()).contains("F99").contains("deterministic result");
    assertThat(report.analysis().findings()).allMatch(f -> f.source() == Source.RULE).isNotEmpty();
  }

  @Test
  void aCachedAnswerIsMarkedAndAskedOnceButNeverAcrossTenants() {
    Model model = Model.saying(GOOD);
    ToolService tools = tools(model, new Cache());
    AccountId account = newAccount();

    AnalysisReport first = completed(review(tools, caller(Tier.STARTER, account), Map.of()));
    AnalysisReport second = completed(review(tools, caller(Tier.STARTER, account), Map.of()));
    AnalysisReport otherTenant =
        completed(review(tools, caller(Tier.STARTER, newAccount()), Map.of()));

    assertThat(first.llm().cached()).isFalse();
    assertThat(second.llm().cached()).isTrue();
    assertThat(second.llm().tokensIn()).isZero();
    assertThat(second.llm().explanation()).isEqualTo(first.llm().explanation());
    assertThat(otherTenant.llm().cached()).isFalse();
    assertThat(model.requests).hasSize(2);
  }

  @Test
  void fiftyIdenticalConcurrentCallsMakeOneUpstreamRequest() throws Exception {
    Model model = new Model(n -> GOOD, Duration.ofMillis(300), null);
    ToolService tools = tools(model, new Cache());
    Caller caller = caller(Tier.STARTER, newAccount());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ToolOutcome>> calls = new ArrayList<>();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 50; i++) {
        calls.add(
            pool.submit(
                () -> {
                  start.await();
                  return review(tools, caller, Map.of());
                }));
      }
      start.countDown();
      for (Future<ToolOutcome> call : calls) {
        assertThat(completed(call.get()).llm().used()).isTrue();
      }
    }
    assertThat(model.requests).hasSize(1);
  }

  @Test
  void whenTheModelIsDownTheDeterministicResultComesWithTheReason() {
    Model model =
        new Model(n -> GOOD, Duration.ZERO, "Ollama at http://127.0.0.1:11434 is not answering");
    AnalysisReport report =
        completed(review(tools(model, new Cache()), caller(Tier.STARTER, newAccount()), Map.of()));

    assertThat(report.llm().used()).isFalse();
    assertThat(report.llm().reason()).contains("not answering").contains("deterministic result");
    assertThat(report.llm().redactions()).containsKey("aws-secret-key");
    assertThat(model.requests).isEmpty();
  }

  @Test
  void explainFalseAndATierWithoutAModelSkipTheModel() {
    Model model = Model.saying(GOOD);
    ToolService tools = tools(model, new Cache());

    AnalysisReport off =
        completed(review(tools, caller(Tier.STARTER, newAccount()), Map.of("explain", false)));
    AnalysisReport free = completed(review(tools, caller(Tier.FREE, newAccount()), Map.of()));

    assertThat(off.llm().reason()).isEqualTo("explain was false");
    assertThat(free.llm().reason()).contains("free tier");
    assertThat(model.requests).isEmpty();
  }

  @Test
  void theModelArgumentIsForProfessionalAndAboveAndFromTheAllowedList() {
    Model model = Model.saying(GOOD);
    ToolService tools = tools(model, new Cache());

    ToolOutcome starter =
        review(tools, caller(Tier.STARTER, newAccount()), Map.of("model", "qwen2.5:14b"));
    ToolOutcome unknown =
        review(tools, caller(Tier.PROFESSIONAL, newAccount()), Map.of("model", "gpt-5"));
    AnalysisReport picked =
        completed(
            review(tools, caller(Tier.PROFESSIONAL, newAccount()), Map.of("model", "qwen2.5:14b")));

    assertThat(starter)
        .isInstanceOfSatisfying(
            ToolOutcome.Rejected.class,
            r -> assertThat(r.reason()).contains("professional tier or above"));
    assertThat(unknown)
        .isInstanceOfSatisfying(
            ToolOutcome.Rejected.class, r -> assertThat(r.reason()).contains("qwen2.5:14b"));
    assertThat(picked.llm().model()).isEqualTo("qwen2.5:14b");
    assertThat(model.requests).hasSize(1);
  }

  @Test
  void aCallerWhoGoesAwayCancelsTheUpstreamRequest() {
    Model model = new Model(n -> GOOD, Duration.ofSeconds(30), null);
    AtomicBoolean gone = new AtomicBoolean();
    AnalysisContext context =
        new AnalysisContext() {
          @Override
          public boolean isCancelled() {
            return gone.get();
          }

          @Override
          public void progress(double done, double total, String message) {}
        };
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                Thread.sleep(100);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              gone.set(true);
            });
    ToolService tools = tools(model, new Cache());
    ToolCall call =
        new ToolCall(
            "review_dockerfile",
            Map.of("content", DOCKERFILE),
            context,
            new ToolCall.Metering(caller(Tier.STARTER, newAccount()), "r1", 100, "00"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tools.run(call))
        .isInstanceOf(CancellationException.class);
    assertThat(model.requests).hasSize(1);
  }

  private static AccountId newAccount() {
    return new AccountId(UUID.randomUUID());
  }
}
