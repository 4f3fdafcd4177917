package dev.sremcp.inference;

import dev.sremcp.testkit.ollama.FakeOllamaServer;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Pools over fake Ollama servers, with time limits short enough for tests. */
final class Pools {

  private Pools() {}

  static OllamaSettings settings(List<URI> servers, int perServer) {
    return new OllamaSettings(
        servers,
        Duration.ofMillis(500),
        Duration.ofMillis(1_500),
        Duration.ofSeconds(4),
        perServer,
        3,
        Duration.ofSeconds(30),
        Duration.ofMillis(200));
  }

  static OllamaLanguageModel over(FakeOllamaServer... servers) {
    return new OllamaLanguageModel(
        settings(Arrays.stream(servers).map(FakeOllamaServer::uri).toList(), 4));
  }

  /** A URL where nothing listens. */
  static URI nothingListening() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
