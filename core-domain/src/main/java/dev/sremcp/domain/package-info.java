/**
 * The core of sre-mcp: records and sealed outcomes for what the product reasons about, and the
 * analyzers themselves, written as pure functions of their input.
 *
 * <p>Nothing here performs I/O or knows a framework, a JSON library or a vendor SDK; the build (an
 * enforcer rule) and an ArchUnit test keep it so. Adapters and hosts map these types at the edge.
 */
package dev.sremcp.domain;
