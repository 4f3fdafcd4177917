package dev.sremcp.mcp.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * Messages the server sends a client while one of its requests runs: notifications (progress, logs)
 * and, in the legacy era, requests (sampling, elicitation) whose answers come back as separate
 * messages.
 */
public interface Outbound {

  /**
   * Sends a notification about the running request; dropped where the transport cannot carry it.
   */
  void notify(String method, ObjectNode params);

  /** Whether {@link #request} can reach the client on this transport and era. */
  boolean canRequest();

  /**
   * Sends a request to the client and waits for its answer.
   *
   * @return the result
   * @throws dev.sremcp.mcp.jsonrpc.McpException when the client answers with an error or not in
   *     time
   */
  JsonNode request(String method, ObjectNode params, Duration timeout);

  /** For transports that deliver nothing but the final response, such as a buffered Lambda. */
  Outbound NONE =
      new Outbound() {
        @Override
        public void notify(String method, ObjectNode params) {}

        @Override
        public boolean canRequest() {
          return false;
        }

        @Override
        public JsonNode request(String method, ObjectNode params, Duration timeout) {
          throw new IllegalStateException("this transport carries no server-to-client requests");
        }
      };
}
