package dev.sremcp.mcp.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request and its response, as a host (Javalin, Lambda, a test) presents it to the {@link
 * StreamableHttpEndpoint}. Exactly one of {@link #respond} and {@link #stream} is called.
 */
public interface HttpExchange {

  /** The request method, upper case. */
  String method();

  /** A request header by case-insensitive name. */
  Optional<String> header(String name);

  /** The request body; the endpoint reads no more of it than its size limit allows. */
  InputStream body() throws IOException;

  /** Whether the host can stream a response (Server-Sent Events); buffered hosts cannot. */
  boolean canStream();

  /** Sends a whole response. */
  void respond(int status, Map<String, String> headers, byte[] body);

  /**
   * Starts a streamed response and returns where to write it. Each {@code flush()} must reach the
   * client. Closing it ends the response.
   */
  OutputStream stream(int status, Map<String, String> headers) throws IOException;
}
