package dev.sremcp.mcp.jsonrpc;

import java.util.List;

/** What a body of JSON-RPC holds, once read. */
public sealed interface Incoming {

  /** One well-formed message. */
  record Single(JsonRpcMessage message) implements Incoming {}

  /** A JSON array of messages; each item is {@link Single} or {@link Invalid}. */
  record Batch(List<Incoming> items) implements Incoming {
    public Batch {
      items = List.copyOf(items);
    }
  }

  /** Not a usable message: the error response it gets (-32700 or -32600). */
  record Invalid(JsonRpcMessage.Error response) implements Incoming {}
}
