package dev.sremcp.inference;

import dev.sremcp.ports.out.LanguageModel;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A pool of Ollama servers as one language model. Each call goes to the least busy server that is
 * up, has the model, has a free slot and whose breaker lets it through; a server that fails or
 * stalls is left for another, once, within the call's total time. A background check lists every
 * server's models at an interval, so a server that comes back (or an Ollama started after sre-mcp)
 * is used again.
 */
public final class OllamaLanguageModel implements LanguageModel, AutoCloseable {

  private static final System.Logger LOG = System.getLogger(OllamaLanguageModel.class.getName());
  private static final int ATTEMPTS = 2;

  private final OllamaSettings settings;
  private final List<OllamaServer> servers;
  private final ScheduledExecutorService checks;

  /** Checks every server once, then keeps checking them in the background until closed. */
  public OllamaLanguageModel(OllamaSettings settings) {
    this.settings = settings;
    this.servers = settings.servers().stream().map(uri -> new OllamaServer(uri, settings)).toList();
    checkAll();
    this.checks =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("ollama-health").factory());
    long interval = settings.healthInterval().toMillis();
    checks.scheduleWithFixedDelay(this::checkAll, interval, interval, TimeUnit.MILLISECONDS);
  }

  private void checkAll() {
    for (OllamaServer server : servers) {
      boolean was = server.up();
      server.check();
      if (server.up() != was) {
        LOG.log(
            server.up() ? Level.INFO : Level.WARNING,
            server.up()
                ? "Ollama at " + server.uri() + " answers"
                : "Ollama at " + server.uri() + " does not answer: " + server.lastProblem());
      }
    }
  }

  @Override
  public Health health() {
    int healthy = (int) servers.stream().filter(OllamaServer::available).count();
    return new Health(servers.size(), healthy, healthy > 0 ? null : unavailableReason());
  }

  @Override
  public Generation generate(Request request, TokenListener tokens) {
    long deadline = System.nanoTime() + settings.totalTimeout().toNanos();
    Set<OllamaServer> tried = new HashSet<>();
    List<String> failures = new ArrayList<>();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      OllamaServer server = take(request, tried, deadline);
      if (server == null) {
        break;
      }
      tried.add(server);
      switch (server.generate(request, tokens, deadline)) {
        case OllamaServer.Attempt.Replied replied -> {
          server.breaker().succeeded();
          return replied.reply();
        }
        case OllamaServer.Attempt.Failed failed -> {
          server.breaker().failed();
          failures.add(failed.reason());
          LOG.log(Level.WARNING, "an Ollama call failed: " + failed.reason());
        }
        case OllamaServer.Attempt.Cancelled cancelled ->
            throw new CancellationException("the caller went away; the Ollama request was dropped");
      }
      if (System.nanoTime() - deadline > 0) {
        break;
      }
    }
    if (failures.isEmpty()) {
      return new Generation.Unavailable(noServerReason(request.model()));
    }
    return new Generation.Unavailable("Ollama failed: " + String.join("; then ", failures));
  }

  /**
   * The least busy server that may take the call, its slot taken; waits for a slot while every
   * fitting server is busy, up to the first-token time.
   */
  private OllamaServer take(Request request, Set<OllamaServer> tried, long deadline) {
    long waitUntil = Math.min(deadline, System.nanoTime() + settings.firstTokenTimeout().toNanos());
    while (true) {
      List<OllamaServer> fitting =
          servers.stream()
              .filter(s -> !tried.contains(s) && s.available() && s.has(request.model()))
              .sorted(Comparator.comparingInt(OllamaServer::inFlight))
              .toList();
      if (fitting.isEmpty()) {
        return null;
      }
      for (OllamaServer server : fitting) {
        if (server.tryEnter()) {
          if (server.breaker().tryPass()) {
            return server;
          }
          server.release();
        }
      }
      if (request.cancelled().getAsBoolean()) {
        throw new CancellationException("the caller went away while every server was busy");
      }
      if (System.nanoTime() - waitUntil > 0) {
        return null;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted while waiting for an Ollama slot");
      }
    }
  }

  private String noServerReason(String model) {
    boolean anyUp = servers.stream().anyMatch(OllamaServer::up);
    if (!anyUp) {
      return unavailableReason();
    }
    boolean anyHas = servers.stream().anyMatch(s -> s.up() && s.has(model));
    if (!anyHas) {
      return "no Ollama server has the model "
          + model
          + " (pull it with: ollama pull "
          + model
          + ")";
    }
    return "every Ollama server with "
        + model
        + " is busy ("
        + settings.perServer()
        + " calls each) or its circuit breaker is open";
  }

  private String unavailableReason() {
    if (servers.size() == 1) {
      OllamaServer only = servers.getFirst();
      return "Ollama at " + only.uri() + " is not answering (" + only.lastProblem() + ")";
    }
    return "none of the " + servers.size() + " Ollama servers is answering";
  }

  @Override
  public void close() {
    checks.shutdownNow();
  }
}
