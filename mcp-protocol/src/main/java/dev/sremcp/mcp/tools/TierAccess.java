package dev.sremcp.mcp.tools;

import dev.sremcp.domain.account.Caller;
import dev.sremcp.domain.account.Refusal;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.tool.ToolDescriptor;
import dev.sremcp.mcp.engine.Attributes;
import dev.sremcp.mcp.engine.ToolAccess;
import dev.sremcp.mcp.jsonrpc.ErrorCode;
import dev.sremcp.mcp.jsonrpc.JsonRpcError;
import dev.sremcp.mcp.jsonrpc.McpException;
import dev.sremcp.ports.in.ListToolsUseCase;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Shows and opens sre-mcp's tools by the caller's tier. A request without a caller (possible only
 * where the host lets anonymous requests in: the conformance fixtures, on loopback) sees none of
 * them and gets 401 with the host's challenge when it calls one; tools that are not sre-mcp's (the
 * fixtures) are open to all.
 */
public final class TierAccess implements ToolAccess {

  private final Map<String, Tier> minimumTiers;
  private final Map<String, String> challenge;

  /**
   * @param challenge the headers of a 401 ({@code WWW-Authenticate})
   */
  public TierAccess(ListToolsUseCase catalog, Map<String, String> challenge) {
    this.minimumTiers =
        catalog.listTools().stream()
            .collect(
                Collectors.toUnmodifiableMap(ToolDescriptor::name, ToolDescriptor::minimumTier));
    this.challenge = Map.copyOf(challenge);
  }

  @Override
  public void check(String tool, Attributes attributes) {
    Tier required = minimumTiers.get(tool);
    if (required == null) {
      return;
    }
    Caller caller =
        attributes
            .get(Caller.class)
            .orElseThrow(
                () ->
                    new McpException(
                        JsonRpcError.of(
                            ErrorCode.INVALID_REQUEST,
                            "Unauthorized: "
                                + tool
                                + " needs an API key or access token (Authorization: Bearer"
                                + " smcp_...)"),
                        401,
                        challenge));
    if (!caller.tier().includes(required)) {
      throw Refusals.tierTooLow(new Refusal.TierTooLow(tool, required, caller.tier()));
    }
  }
}
