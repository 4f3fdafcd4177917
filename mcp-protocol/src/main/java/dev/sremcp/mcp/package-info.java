/**
 * sre-mcp's own Model Context Protocol engine: stateless, transport-free and dual-era. It serves
 * the 2026-07-28 revision (per-request {@code _meta}, {@code server/discover}, no sessions) and the
 * legacy revisions 2025-11-25, 2025-06-18 and 2025-03-26 (an {@code initialize} answered without
 * minting a session) on one endpoint.
 *
 * <p>{@code jsonrpc} frames messages; {@code engine} dispatches methods under the rules of each
 * era; {@code spi} is what tools, resources and prompts are registered with; {@code http} and
 * {@code stdio} bind the engine to a transport without knowing any server library; {@code tools}
 * offers the use cases of {@code ports} as MCP tools.
 */
package dev.sremcp.mcp;
