package dev.sremcp.mcp.jsonrpc;

/** JSON-RPC and MCP error codes. */
public final class ErrorCode {

  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;

  /** Legacy revisions: the resource asked for does not exist (2026-07-28 uses -32602). */
  public static final int RESOURCE_NOT_FOUND = -32002;

  /** 2026-07-28: HTTP headers missing, malformed or disagreeing with the body. */
  public static final int HEADER_MISMATCH = -32020;

  /** 2026-07-28: the request needs a capability the client did not declare. */
  public static final int MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;

  /** 2026-07-28: the request's protocol version is not one the server speaks. */
  public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

  /**
   * sre-mcp's own, in JSON-RPC's implementation-defined server-error range: the server cannot take
   * the call now (overloaded, or a store it needs unreachable); sent with HTTP 503 and {@code
   * Retry-After} (ADR 0006).
   */
  public static final int SERVER_UNAVAILABLE = -32000;

  private ErrorCode() {}
}
