package dev.sremcp.mcp.spi;

/**
 * The client's {@code Idempotency-Key} header: a retried call that carries the same key is served
 * again but counted once.
 */
public record IdempotencyKey(String value) {}
