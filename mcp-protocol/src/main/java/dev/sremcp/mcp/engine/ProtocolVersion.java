package dev.sremcp.mcp.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The MCP revisions this engine speaks, oldest first. */
public enum ProtocolVersion {
  V2025_03_26("2025-03-26"),
  V2025_06_18("2025-06-18"),
  V2025_11_25("2025-11-25"),
  V2026_07_28("2026-07-28");

  /** What a legacy client gets when it asks for a version we do not speak. */
  public static final ProtocolVersion LATEST_LEGACY = V2025_11_25;

  /** The stateless revision. */
  public static final ProtocolVersion MODERN = V2026_07_28;

  private final String id;

  ProtocolVersion(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** 2026-07-28 and later: stateless, with a {@code _meta} envelope on every request. */
  public boolean isModern() {
    return this.compareTo(V2026_07_28) >= 0;
  }

  /** Only 2025-03-26 let clients send JSON-RPC batches. */
  public boolean allowsBatches() {
    return this == V2025_03_26;
  }

  public static Optional<ProtocolVersion> parse(String id) {
    return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
  }

  /** The modern revisions, newest first, as {@code server/discover} and -32022 list them. */
  public static List<String> modernIds() {
    return Arrays.stream(values())
        .filter(ProtocolVersion::isModern)
        .map(ProtocolVersion::id)
        .toList()
        .reversed();
  }

  /** The legacy revisions, newest first. */
  public static List<String> legacyIds() {
    return Arrays.stream(values())
        .filter(v -> !v.isModern())
        .map(ProtocolVersion::id)
        .toList()
        .reversed();
  }

  @Override
  public String toString() {
    return id;
  }
}
