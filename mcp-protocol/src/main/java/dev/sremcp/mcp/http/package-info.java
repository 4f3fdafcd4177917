/**
 * The Streamable HTTP transport, for every host: {@link dev.sremcp.mcp.http.StreamableHttpEndpoint}
 * takes an {@link dev.sremcp.mcp.http.HttpExchange} (what a host makes of its own request type) and
 * does the rest: access policy, size limit, era and header checks ({@code RequestEra}), batches,
 * and the response as JSON or as an event stream ({@code ResponseChannel}).
 */
package dev.sremcp.mcp.http;
