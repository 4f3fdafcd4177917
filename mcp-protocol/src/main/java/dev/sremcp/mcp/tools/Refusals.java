package dev.sremcp.mcp.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sremcp.domain.account.Refusal;
import dev.sremcp.mcp.jsonrpc.ErrorCode;
import dev.sremcp.mcp.jsonrpc.Json;
import dev.sremcp.mcp.jsonrpc.JsonRpcError;
import dev.sremcp.mcp.jsonrpc.McpException;
import dev.sremcp.mcp.spi.CallToolResult;
import dev.sremcp.mcp.spi.Content;
import dev.sremcp.mcp.spi.RequestContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a refused call appears on the wire (docs/adr/0006):
 *
 * <ul>
 *   <li>the caller's own limits (hourly rate, in-flight cap, monthly quota, input size) are a tool
 *       error on HTTP 200, so the model reads the sentence and tells the person which limit, when
 *       it resets and how to get more; {@code _meta["dev.sremcp/refusal"]} carries the same for
 *       programs, and {@code Retry-After} and {@code RateLimit} headers for HTTP clients;
 *   <li>the server's own condition (overload, the usage database unreachable) is HTTP 503 with
 *       {@code Retry-After} and a JSON-RPC error, which load balancers and retrying clients know;
 *   <li>a tool above the caller's tier is -32602, like a tool the caller cannot see.
 * </ul>
 */
final class Refusals {

  private Refusals() {}

  static CallToolResult answer(Refusal refusal, RequestContext context) {
    ObjectNode details = Json.object().put("limit", refusal.kind());
    refusal.retryAfter().ifPresent(after -> details.put("retryAfterSeconds", seconds(after)));
    if (refusal.serverSide()) {
      Map<String, String> headers = new LinkedHashMap<>();
      refusal.retryAfter().ifPresent(after -> headers.put("Retry-After", "" + seconds(after)));
      throw new McpException(
          new JsonRpcError(ErrorCode.SERVER_UNAVAILABLE, refusal.message(), details), 503, headers);
    }
    if (refusal instanceof Refusal.TierTooLow tier) {
      throw tierTooLow(tier);
    }
    refusal
        .retryAfter()
        .ifPresent(after -> context.responseHeader("Retry-After", "" + seconds(after)));
    switch (refusal) {
      case Refusal.HourlyRate hourly -> {
        context.responseHeader("RateLimit-Policy", "\"hourly\";q=" + hourly.perHour() + ";w=3600");
        context.responseHeader(
            "RateLimit", "\"hourly\";r=0;t=" + seconds(hourly.retryAfter().orElseThrow()));
      }
      case Refusal.MonthlyQuota monthly -> {
        context.responseHeader("RateLimit-Policy", "\"monthly\";q=" + monthly.limit());
        context.responseHeader(
            "RateLimit", "\"monthly\";r=0;t=" + seconds(monthly.retryAfter().orElseThrow()));
        details.put("resetsAt", monthly.resetsAt().toString());
      }
      default -> {}
    }
    ObjectNode meta = Json.object();
    meta.set("dev.sremcp/refusal", details);
    return new CallToolResult(List.of(Content.text(refusal.message())), null, true, meta);
  }

  /** -32602, as for a tool the caller cannot list, naming the tier it needs. */
  static McpException tierTooLow(Refusal.TierTooLow refusal) {
    ObjectNode data =
        Json.object()
            .put("tool", refusal.tool())
            .put("requiredTier", refusal.required().id())
            .put("currentTier", refusal.current().id());
    return new McpException(
        new JsonRpcError(ErrorCode.INVALID_PARAMS, refusal.message(), data), 200);
  }

  private static long seconds(Duration duration) {
    return Math.max(1, (duration.toMillis() + 999) / 1000);
  }
}
