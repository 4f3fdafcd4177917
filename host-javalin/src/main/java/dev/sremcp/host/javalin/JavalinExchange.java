package dev.sremcp.host.javalin;

import dev.sremcp.mcp.http.HttpExchange;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

/** A Javalin request as the MCP endpoint sees it. */
final class JavalinExchange implements HttpExchange {

  private final Context context;

  JavalinExchange(Context context) {
    this.context = context;
  }

  @Override
  public String method() {
    return context.req().getMethod();
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(context.header(name));
  }

  @Override
  public InputStream body() throws IOException {
    return context.req().getInputStream();
  }

  @Override
  public boolean canStream() {
    return true;
  }

  @Override
  public void respond(int status, Map<String, String> headers, byte[] body) {
    context.status(status);
    headers.forEach(context::header);
    context.result(body);
  }

  @Override
  public OutputStream stream(int status, Map<String, String> headers) throws IOException {
    context.status(status);
    headers.forEach(context::header);
    context.res().flushBuffer();
    return context.res().getOutputStream();
  }
}
