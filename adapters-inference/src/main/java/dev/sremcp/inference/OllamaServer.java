package dev.sremcp.inference;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sremcp.ports.out.LanguageModel;
import io.github.ollama4j.exceptions.OllamaException;
import io.github.ollama4j.models.chat.OllamaChatMessageRole;
import io.github.ollama4j.models.chat.OllamaChatRequest;
import io.github.ollama4j.models.chat.OllamaChatResponseModel;
import io.github.ollama4j.models.chat.OllamaChatResult;
import io.github.ollama4j.models.request.OllamaChatEndpointCaller;
import io.github.ollama4j.models.response.ListModelsResponse;
import io.github.ollama4j.models.response.Model;
import io.github.ollama4j.utils.OptionsBuilder;
import io.github.ollama4j.utils.Utils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * One Ollama server of the pool: its client, its slots, its breaker and what the last health check
 * saw.
 */
final class OllamaServer {

  /** One client for every health check; each generation gets ollama4j's own. */
  private static final HttpClient HEALTH =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  /** How one attempt on this server ended. */
  sealed interface Attempt {
    record Replied(LanguageModel.Generation.Reply reply) implements Attempt {}

    /** The server failed; another may be tried. */
    record Failed(String reason) implements Attempt {}

    /** The caller went away; the request was abandoned. */
    record Cancelled() implements Attempt {}
  }

  private final URI uri;
  private final OllamaSettings settings;
  private final Semaphore slots;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final CircuitBreaker breaker;
  private volatile boolean up;
  private volatile Set<String> models = Set.of();
  private volatile String lastProblem = "not checked yet";

  OllamaServer(URI uri, OllamaSettings settings) {
    this.uri = uri;
    this.settings = settings;
    this.slots = new Semaphore(settings.perServer());
    this.breaker =
        new CircuitBreaker(settings.breakerFailures(), settings.breakerOpen(), System::nanoTime);
  }

  URI uri() {
    return uri;
  }

  String name() {
    return uri.getHost() + ":" + uri.getPort();
  }

  int inFlight() {
    return inFlight.get();
  }

  boolean up() {
    return up;
  }

  String lastProblem() {
    return lastProblem;
  }

  CircuitBreaker breaker() {
    return breaker;
  }

  /** Up at the last check, and its breaker not open. */
  boolean available() {
    return up && breaker.state() != CircuitBreaker.State.OPEN;
  }

  /** Whether this server has {@code model} pulled, as its last health check saw. */
  boolean has(String model) {
    Set<String> known = models;
    return known.contains(model) || !model.contains(":") && known.contains(model + ":latest");
  }

  /** Takes a slot if one is free. */
  boolean tryEnter() {
    if (!slots.tryAcquire()) {
      return false;
    }
    inFlight.incrementAndGet();
    return true;
  }

  /** Gives back a slot taken by {@link #tryEnter}. */
  void release() {
    inFlight.decrementAndGet();
    slots.release();
  }

  /** Lists the models ({@code GET /api/tags}); marks the server up with them, or down. */
  void check() {
    HttpRequest tags =
        HttpRequest.newBuilder(uri.resolve("/api/tags"))
            .timeout(settings.connectTimeout())
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      HttpResponse<String> response = HEALTH.send(tags, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("GET /api/tags answered " + response.statusCode());
      }
      ListModelsResponse listed =
          Utils.getObjectMapper().readValue(response.body(), ListModelsResponse.class);
      models =
          listed.getModels() == null
              ? Set.of()
              : listed.getModels().stream()
                  .map(Model::getName)
                  .collect(Collectors.toUnmodifiableSet());
      up = true;
      lastProblem = null;
    } catch (IOException | RuntimeException e) {
      up = false;
      lastProblem = describe(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs one generation on this server, in a slot taken by {@link #tryEnter}; the slot is given
   * back when the upstream request has ended, even after the caller stopped waiting for it.
   *
   * @param deadlineNanos when the whole call must be over, on {@link System#nanoTime}
   */
  Attempt generate(
      LanguageModel.Request request, LanguageModel.TokenListener listener, long deadlineNanos) {
    AtomicInteger tokens = new AtomicInteger();
    AtomicLong firstTokenAt = new AtomicLong();
    AtomicReference<Object> outcome = new AtomicReference<>();
    long started = System.nanoTime();
    long totalSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadlineNanos - started) + 1);
    Thread worker =
        Thread.ofVirtual()
            .name("ollama-" + name())
            .start(
                () -> {
                  try {
                    outcome.set(
                        new OllamaChatEndpointCaller(uri.toString(), null, totalSeconds)
                            .call(
                                chatRequest(request),
                                chunk -> {
                                  firstTokenAt.compareAndSet(0, System.nanoTime());
                                  listener.received(tokens.incrementAndGet());
                                }));
                  } catch (OllamaException | IOException | RuntimeException e) {
                    outcome.set(e);
                  } catch (InterruptedException e) {
                    outcome.set(e);
                  } finally {
                    release();
                  }
                });
    long firstTokenDeadline = started + settings.firstTokenTimeout().toNanos();
    try {
      while (!worker.join(java.time.Duration.ofMillis(20))) {
        long now = System.nanoTime();
        if (request.cancelled().getAsBoolean()) {
          worker.interrupt();
          return new Attempt.Cancelled();
        }
        if (firstTokenAt.get() == 0 && now - firstTokenDeadline > 0) {
          worker.interrupt();
          up = false;
          lastProblem = "no first token within " + settings.firstTokenTimeout().toMillis() + " ms";
          return new Attempt.Failed(name() + " sent " + lastProblem);
        }
        if (now - deadlineNanos > 0) {
          worker.interrupt();
          return new Attempt.Failed(
              name()
                  + " did not finish the reply within "
                  + settings.totalTimeout().toMillis()
                  + " ms");
        }
      }
    } catch (InterruptedException e) {
      worker.interrupt();
      Thread.currentThread().interrupt();
      return new Attempt.Cancelled();
    }
    if (outcome.get() instanceof OllamaChatResult result) {
      OllamaChatResponseModel response = result.getResponseModel();
      String text =
          response == null || response.getMessage() == null
              ? null
              : response.getMessage().getResponse();
      if (text == null || text.isBlank() || response.getError() != null) {
        return new Attempt.Failed(
            name()
                + " ended the reply without content"
                + (response != null && response.getError() != null
                    ? ": " + response.getError()
                    : ""));
      }
      return new Attempt.Replied(
          new LanguageModel.Generation.Reply(
              text,
              response.getModel() == null ? request.model() : response.getModel(),
              orZero(response.getPromptEvalCount()),
              response.getEvalCount() == null ? tokens.get() : response.getEvalCount(),
              name()));
    }
    Throwable failure = (Throwable) outcome.get();
    if (request.cancelled().getAsBoolean()) {
      return new Attempt.Cancelled();
    }
    if (isConnectionFailure(failure)) {
      up = false;
      lastProblem = describe(failure);
    }
    return new Attempt.Failed(name() + ": " + describe(failure));
  }

  private static OllamaChatRequest chatRequest(LanguageModel.Request request) {
    OllamaChatRequest chat =
        OllamaChatRequest.builder()
            .withModel(request.model())
            .withMessage(OllamaChatMessageRole.SYSTEM, request.system())
            .withMessage(OllamaChatMessageRole.USER, request.user())
            .withOptions(
                new OptionsBuilder()
                    .setTemperature(0.1f)
                    .setNumPredict(request.maxTokens())
                    .setNumCtx(8_192)
                    .build())
            .withKeepAlive("10m")
            .build();
    chat.setFormat(schema(request.replySchema()));
    chat.setStream(true);
    chat.setUseTools(false);
    return chat;
  }

  private static Object schema(String json) {
    try {
      return Utils.getObjectMapper().readValue(json, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the reply schema is not JSON", e);
    }
  }

  private static boolean isConnectionFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.io.IOException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    if (message == null || message.isBlank()) {
      message = root.getClass().getSimpleName();
    }
    return message.length() > 200 ? message.substring(0, 200) + "…" : message;
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
