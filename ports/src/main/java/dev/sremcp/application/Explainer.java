package dev.sremcp.application;

import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.explain.EvidencePack;
import dev.sremcp.domain.explain.Explanation;
import dev.sremcp.domain.explain.ModelTable;
import dev.sremcp.domain.explain.Prompt;
import dev.sremcp.domain.explain.Prompts;
import dev.sremcp.domain.redaction.Redacted;
import dev.sremcp.domain.redaction.Redactor;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.LlmUse;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import dev.sremcp.ports.out.ExplanationCache;
import dev.sremcp.ports.out.LanguageModel;
import dev.sremcp.ports.out.LanguageModel.Generation;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The explain step of a call: builds the evidence pack from the analysis, redacts it with the
 * tenant's pseudonyms, builds the versioned prompt, answers from the cache or from one upstream
 * call shared by identical concurrent requests, validates the reply (one repair, then fallback),
 * and adds what the model said to the result. Whatever goes wrong, the deterministic result stands
 * and {@code llm.used} is false with the reason.
 */
public final class Explainer {

  private static final System.Logger LOG = System.getLogger(Explainer.class.getName());

  /** The most tokens a reply may have. */
  public static final int MAX_REPLY_TOKENS = 1_024;

  private final LanguageModel model;
  private final ExplanationCache cache;
  private final ModelTable models;
  private final byte[] pseudonymSecret;
  private final Duration ttl;
  private final SingleFlight<Answer> flights = new SingleFlight<>();
  private final Counters counters = new Counters();

  /**
   * @param pseudonymSecret the server's secret (at least 16 bytes) from which each tenant's
   *     pseudonym key is derived; the same on every instance, so pseudonyms and cache keys agree
   * @param ttl how long a reply is cached
   */
  public Explainer(
      LanguageModel model,
      ExplanationCache cache,
      ModelTable models,
      byte[] pseudonymSecret,
      Duration ttl) {
    this.model = Objects.requireNonNull(model, "model");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.models = Objects.requireNonNull(models, "models");
    if (pseudonymSecret.length < 16) {
      throw new IllegalArgumentException("the pseudonym secret has at least 16 bytes");
    }
    this.pseudonymSecret = pseudonymSecret.clone();
    this.ttl = Objects.requireNonNull(ttl, "ttl");
  }

  /** The models of each tier, to check a call's {@code model} argument before it runs. */
  public ModelTable models() {
    return models;
  }

  /** What an explanation asks for. */
  public record Request(
      String tool,
      Analysis analysis,
      Tier tier,
      String tenant,
      boolean explain,
      String model,
      AnalysisContext context,
      double progressFrom) {
    public Request {
      Objects.requireNonNull(tool, "tool");
      Objects.requireNonNull(analysis, "analysis");
      Objects.requireNonNull(tenant, "tenant");
      Objects.requireNonNull(context, "context");
    }
  }

  /** The analysis with the model's hypotheses added, and what the model did. */
  public record Explained(Analysis analysis, LlmUse llm) {}

  /** Counts since start, for metrics. */
  public record Stats(
      long explained,
      long cacheHits,
      long sharedAnswers,
      long upstreamCalls,
      long repairs,
      long fallbacks,
      long tokensSaved) {}

  public Stats stats() {
    return counters.snapshot();
  }

  /**
   * @throws java.util.concurrent.CancellationException when the caller goes away meanwhile
   */
  public Explained explain(Request request) {
    Analysis analysis = request.analysis();
    if (!request.explain()) {
      return new Explained(analysis, LlmUse.notUsed("explain was false"));
    }
    String chosen;
    switch (models.choose(request.tier(), request.model())) {
      case ModelTable.Choice.Use use -> chosen = use.model();
      case ModelTable.Choice.None none -> {
        return new Explained(analysis, LlmUse.notUsed(none.reason()));
      }
      case ModelTable.Choice.Refused refused ->
          throw new InvalidArgumentsException(refused.message());
    }
    EvidencePack pack = EvidencePack.of(request.tool(), analysis);
    Redacted redacted = redactorFor(request.tenant()).redact(pack.text());
    Map<String, Integer> redactions = new LinkedHashMap<>();
    redacted.receipt().counts().forEach((kind, count) -> redactions.put(kind.id(), count));
    Prompt prompt = Prompts.of(request.tool(), redacted.text());
    String key = cacheKey(request.tenant(), request.tool(), chosen, prompt);
    Answer answer;
    boolean cached;
    ExplanationCache.Entry hit = cache.get(key).orElse(null);
    Explanation.Parsed parsedHit = hit == null ? null : Explanation.parse(hit.reply(), pack);
    if (parsedHit instanceof Explanation.Parsed.Valid valid) {
      counters.cacheHits.increment();
      counters.tokensSaved.add(hit.tokensIn() + hit.tokensOut());
      answer = new Answer.Given(valid.explanation(), hit.model(), hit.tokensIn(), hit.tokensOut());
      cached = true;
    } else {
      SingleFlight.Result<Answer> flight =
          flights.run(
              key,
              () -> ask(prompt, pack, chosen, key, request),
              () -> request.context().isCancelled());
      answer = flight.value();
      cached = flight.shared();
      if (flight.shared() && answer instanceof Answer.Given given) {
        counters.sharedAnswers.increment();
        counters.tokensSaved.add(given.tokensIn() + given.tokensOut());
      }
    }
    return switch (answer) {
      case Answer.None none -> {
        counters.fallbacks.increment();
        yield new Explained(analysis, LlmUse.notUsed(none.reason(), redactions));
      }
      case Answer.Given given -> {
        counters.explained.increment();
        Explanation explanation = given.explanation();
        yield new Explained(
            explanation.applyTo(analysis, pack, redacted::restore),
            new LlmUse(
                true,
                null,
                given.model(),
                cached,
                cached ? 0 : given.tokensIn(),
                cached ? 0 : given.tokensOut(),
                redactions,
                explanation.toMarkdown(pack, redacted::restore),
                prompt.version()));
      }
    };
  }

  /** What asking the model gave. */
  private sealed interface Answer {
    record Given(Explanation explanation, String model, int tokensIn, int tokensOut)
        implements Answer {}

    record None(String reason) implements Answer {}
  }

  private Answer ask(Prompt prompt, EvidencePack pack, String chosen, String key, Request request) {
    LanguageModel.Health health = model.health();
    if (!health.available()) {
      return new Answer.None(fallbackReason(health.reason()));
    }
    double from = request.progressFrom();
    Generation first = generate(prompt, chosen, request, from);
    if (!(first instanceof Generation.Reply reply)) {
      return new Answer.None(fallbackReason(((Generation.Unavailable) first).reason()));
    }
    int tokensIn = reply.tokensIn();
    int tokensOut = reply.tokensOut();
    Explanation.Parsed parsed = Explanation.parse(reply.text(), pack);
    if (parsed instanceof Explanation.Parsed.Invalid invalid) {
      counters.repairs.increment();
      LOG.log(Level.INFO, "a reply of " + reply.model() + " was unusable: " + invalid.problem());
      Generation second =
          generate(
              Prompts.repair(prompt, reply.text(), invalid.problem()),
              chosen,
              request,
              from + tokensOut);
      if (!(second instanceof Generation.Reply repaired)) {
        return new Answer.None(fallbackReason(((Generation.Unavailable) second).reason()));
      }
      tokensIn += repaired.tokensIn();
      tokensOut += repaired.tokensOut();
      parsed = Explanation.parse(repaired.text(), pack);
      if (parsed instanceof Explanation.Parsed.Invalid again) {
        return new Answer.None(
            "the model's reply did not match the expected JSON twice ("
                + again.problem()
                + "); the deterministic result is complete without it");
      }
      reply = repaired;
    }
    Explanation explanation = ((Explanation.Parsed.Valid) parsed).explanation();
    cache.put(
        key, new ExplanationCache.Entry(reply.text(), reply.model(), tokensIn, tokensOut), ttl);
    return new Answer.Given(explanation, reply.model(), tokensIn, tokensOut);
  }

  private Generation generate(Prompt prompt, String chosen, Request request, double from) {
    counters.upstreamCalls.increment();
    AnalysisContext context = request.context();
    return model.generate(
        new LanguageModel.Request(
            chosen,
            prompt.system(),
            prompt.user(),
            prompt.replySchema(),
            MAX_REPLY_TOKENS,
            context::isCancelled),
        tokens ->
            context.progress(
                from + tokens, 0, "explaining with " + chosen + ": " + tokens + " tokens"));
  }

  private static String fallbackReason(String why) {
    return why + "; the deterministic result is complete without an explanation";
  }

  private Redactor redactorFor(String tenant) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(pseudonymSecret, "HmacSHA256"));
      byte[] key = mac.doFinal(("pseudonyms:" + tenant).getBytes(StandardCharsets.UTF_8));
      return new Redactor(key, Redactor.Options.DEFAULT);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** Tenant, tool, model, prompt version and the hash of the redacted prompt. */
  static String cacheKey(String tenant, String tool, String model, Prompt prompt) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part :
          new String[] {tenant, tool, model, prompt.version(), prompt.system(), prompt.user()}) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return "explain:" + HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static final class Counters {
    final LongAdder explained = new LongAdder();
    final LongAdder cacheHits = new LongAdder();
    final LongAdder sharedAnswers = new LongAdder();
    final LongAdder upstreamCalls = new LongAdder();
    final LongAdder repairs = new LongAdder();
    final LongAdder fallbacks = new LongAdder();
    final LongAdder tokensSaved = new LongAdder();

    Stats snapshot() {
      return new Stats(
          explained.sum(),
          cacheHits.sum(),
          sharedAnswers.sum(),
          upstreamCalls.sum(),
          repairs.sum(),
          fallbacks.sum(),
          tokensSaved.sum());
    }
  }
}
