package dev.sremcp.mcp.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.mcp.engine.Attributes;
import dev.sremcp.mcp.engine.LogLevel;
import dev.sremcp.mcp.engine.ProtocolVersion;
import java.util.Optional;

/** What a handler knows of the request it answers, and how it talks back while it runs. */
public interface RequestContext {

  ProtocolVersion protocolVersion();

  /** What the transport established about the sender, such as its authenticated caller. */
  Attributes attributes();

  /**
   * Adds a header to the HTTP response, when it has not started streaming; other transports drop
   * it.
   */
  void responseHeader(String name, String value);

  /**
   * The capabilities the client declared for this request (2026-07-28), or {@code null} in the
   * legacy era, where a stateless server cannot know what {@code initialize} said.
   */
  ObjectNode clientCapabilities();

  /**
   * Fails the request with -32021 when the client declared capabilities without {@code name}. Does
   * nothing in the legacy era.
   */
  void requireClientCapability(String name);

  /** Whether the client declared {@code name}; true in the legacy era, where it is unknown. */
  boolean hasClientCapability(String name);

  /** Sends a progress notification when the request asked for them; {@code total} may be null. */
  void progress(double progress, Double total, String message);

  /** Sends a log notification when the request's log level lets it through. */
  void log(LogLevel level, String logger, JsonNode data);

  boolean isCancelled();

  /**
   * The client's answers to earlier input requests (2026-07-28 retries, or the engine's legacy
   * round trip), keyed as the handler keyed its requests; empty on a first call.
   */
  ObjectNode inputResponses();

  /** The handler's own state from the previous round, verified as untampered; empty on round 1. */
  Optional<String> requestState();

  /** An elicitation answer, checked to be one; empty when the client has not answered it. */
  Optional<InputResponses.Elicitation> elicitation(String key);

  /** A sampling answer, checked to be one; empty when the client has not answered it. */
  Optional<InputResponses.Sampling> sampling(String key);

  /** A roots answer, checked to be one; empty when the client has not answered it. */
  Optional<InputResponses.Roots> roots(String key);
}
