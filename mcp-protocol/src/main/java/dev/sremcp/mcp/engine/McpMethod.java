package dev.sremcp.mcp.engine;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every request method the engine serves: its wire name, its era, and whether results are
 * cacheable.
 */
enum McpMethod {
  INITIALIZE("initialize", Era.LEGACY, false),
  PING("ping", Era.LEGACY, false),
  SET_LOG_LEVEL("logging/setLevel", Era.LEGACY, false),
  SUBSCRIBE("resources/subscribe", Era.LEGACY, false),
  UNSUBSCRIBE("resources/unsubscribe", Era.LEGACY, false),
  DISCOVER("server/discover", Era.MODERN, true),
  LIST_TOOLS("tools/list", Era.BOTH, true),
  CALL_TOOL("tools/call", Era.BOTH, false),
  LIST_RESOURCES("resources/list", Era.BOTH, true),
  LIST_TEMPLATES("resources/templates/list", Era.BOTH, true),
  READ_RESOURCE("resources/read", Era.BOTH, true),
  LIST_PROMPTS("prompts/list", Era.BOTH, true),
  GET_PROMPT("prompts/get", Era.BOTH, false),
  COMPLETE("completion/complete", Era.BOTH, false);

  /** Which protocol era a method belongs to. */
  enum Era {
    LEGACY,
    MODERN,
    BOTH
  }

  private static final Map<String, McpMethod> BY_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(m -> m.wire, Function.identity()));

  final String wire;
  final Era era;

  /** 2026-07-28 results of this method carry {@code ttlMs} and {@code cacheScope}. */
  final boolean cacheable;

  McpMethod(String wire, Era era, boolean cacheable) {
    this.wire = wire;
    this.era = era;
    this.cacheable = cacheable;
  }

  static Optional<McpMethod> named(String wire) {
    return Optional.ofNullable(BY_NAME.get(wire));
  }

  boolean servedIn(ProtocolVersion version) {
    return era == Era.BOTH || (era == Era.MODERN) == version.isModern();
  }
}
