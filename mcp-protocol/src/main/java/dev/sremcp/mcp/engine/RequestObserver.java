package dev.sremcp.mcp.engine;

import java.time.Duration;

/** Hears about every request the engine answers: for metrics. Must not block or throw. */
@FunctionalInterface
public interface RequestObserver {

  /**
   * @param name the tool, prompt or resource the request named, or {@code null}
   * @param outcome {@code ok}, {@code tool_error} (a result with {@code isError}), {@code error} (a
   *     JSON-RPC error) or {@code cancelled}
   */
  void completed(String method, String name, Duration duration, String outcome);

  RequestObserver NONE = (method, name, duration, outcome) -> {};
}
