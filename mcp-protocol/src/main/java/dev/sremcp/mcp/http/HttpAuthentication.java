package dev.sremcp.mcp.http;

import dev.sremcp.mcp.engine.Attributes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Who sent an HTTP request, decided from its {@code Authorization} header before the body is read:
 * the endpoint answers a refusal itself (401 with its challenge), and hands an accepted sender's
 * attributes to every handler the request reaches.
 */
public interface HttpAuthentication {

  /** No authentication: every request is accepted, without attributes. */
  HttpAuthentication NONE = authorization -> new Outcome.Accepted(Attributes.NONE, null);

  Outcome authenticate(Optional<String> authorization);

  /** What the credential established. */
  sealed interface Outcome {

    /**
     * The request may proceed.
     *
     * @param bodyLimit a smaller body limit for this sender than the endpoint's, saying whose limit
     *     it is; {@code null} for the endpoint's own
     */
    record Accepted(Attributes attributes, BodyLimit bodyLimit) implements Outcome {}

    /** Refused with 401: {@code headers} carries the {@code WWW-Authenticate} challenge. */
    record Refused(String message, Map<String, String> headers) implements Outcome {
      public Refused {
        headers = Map.copyOf(headers);
      }
    }

    /**
     * The credential could not be checked now (the account store is unreachable): 503 with {@code
     * Retry-After}, never a 401 that would make a client drop a good key.
     */
    record Unavailable(String message, Duration retryAfter) implements Outcome {}
  }

  /** A body limit that belongs to the sender, such as its tier's input cap. */
  record BodyLimit(long bytes, String description) {}
}
