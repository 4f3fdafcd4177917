package dev.sremcp.inference;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach Ollama: the servers of the pool ({@code SREMCP_OLLAMA_URLS}, comma-separated;
 * default {@code http://127.0.0.1:11434}, used when it answers), and the limits of each call.
 *
 * @param connectTimeout how long a health check may take to reach a server
 * @param firstTokenTimeout how long a server may take to send the first token of a reply
 * @param totalTimeout how long a whole reply may take, retry included
 * @param perServer how many generations one server runs at once
 * @param breakerFailures consecutive failures that open a server's circuit breaker
 * @param breakerOpen how long an open breaker keeps the server out before one trial call
 * @param healthInterval how often every server is checked
 */
public record OllamaSettings(
    List<URI> servers,
    Duration connectTimeout,
    Duration firstTokenTimeout,
    Duration totalTimeout,
    int perServer,
    int breakerFailures,
    Duration breakerOpen,
    Duration healthInterval) {

  /** The server tried when none is configured. */
  public static final URI LOCAL = URI.create("http://127.0.0.1:11434");

  public OllamaSettings {
    servers = List.copyOf(servers);
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("SREMCP_OLLAMA_URLS names no server");
    }
    for (URI server : servers) {
      if (!"http".equals(server.getScheme()) && !"https".equals(server.getScheme())
          || server.getHost() == null) {
        throw new IllegalArgumentException(
            "SREMCP_OLLAMA_URLS must hold http:// or https:// URLs with a host, not " + server);
      }
    }
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(firstTokenTimeout, "firstTokenTimeout");
    Objects.requireNonNull(totalTimeout, "totalTimeout");
    Objects.requireNonNull(breakerOpen, "breakerOpen");
    Objects.requireNonNull(healthInterval, "healthInterval");
    if (perServer < 1 || breakerFailures < 1) {
      throw new IllegalArgumentException(
          "per-server concurrency and breaker failures are positive");
    }
  }

  /** The defaults for {@code servers}: 2 s to connect, 15 s to the first token, 60 s in all. */
  public static OllamaSettings of(List<URI> servers) {
    return new OllamaSettings(
        servers,
        Duration.ofSeconds(2),
        Duration.ofSeconds(15),
        Duration.ofSeconds(60),
        4,
        3,
        Duration.ofSeconds(30),
        Duration.ofSeconds(10));
  }

  /**
   * Reads {@code SREMCP_OLLAMA_URLS}, {@code SREMCP_OLLAMA_CONNECT_TIMEOUT_MS}, {@code
   * SREMCP_OLLAMA_FIRST_TOKEN_TIMEOUT_MS}, {@code SREMCP_OLLAMA_TIMEOUT_MS} and {@code
   * SREMCP_OLLAMA_CONCURRENCY} (per server).
   */
  public static OllamaSettings fromEnvironment(Map<String, String> environment) {
    String urls = environment.get("SREMCP_OLLAMA_URLS");
    List<URI> servers = new ArrayList<>();
    if (urls == null || urls.isBlank()) {
      servers.add(LOCAL);
    } else {
      for (String url : urls.split(",")) {
        if (!url.isBlank()) {
          servers.add(URI.create(url.strip().replaceAll("/+$", "")));
        }
      }
    }
    OllamaSettings defaults = of(servers);
    return new OllamaSettings(
        servers,
        millis(environment, "SREMCP_OLLAMA_CONNECT_TIMEOUT_MS", defaults.connectTimeout()),
        millis(environment, "SREMCP_OLLAMA_FIRST_TOKEN_TIMEOUT_MS", defaults.firstTokenTimeout()),
        millis(environment, "SREMCP_OLLAMA_TIMEOUT_MS", defaults.totalTimeout()),
        (int) number(environment, "SREMCP_OLLAMA_CONCURRENCY", defaults.perServer()),
        defaults.breakerFailures(),
        defaults.breakerOpen(),
        defaults.healthInterval());
  }

  private static Duration millis(Map<String, String> environment, String name, Duration absent) {
    return Duration.ofMillis(number(environment, name, absent.toMillis()));
  }

  private static long number(Map<String, String> environment, String name, long absent) {
    String text = environment.get(name);
    if (text == null || text.isBlank()) {
      return absent;
    }
    try {
      long value = Long.parseLong(text.strip());
      if (value < 1) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a positive whole number, not " + text);
    }
  }
}
