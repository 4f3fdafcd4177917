package dev.sremcp.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sremcp.domain.account.AccountId;
import dev.sremcp.domain.account.Caller;
import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.account.TierTable;
import dev.sremcp.domain.tool.ToolDescriptor;
import dev.sremcp.mcp.engine.Attributes;
import dev.sremcp.mcp.jsonrpc.ErrorCode;
import dev.sremcp.mcp.jsonrpc.McpException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TierAccessTest {

  private static final String SCHEMA = "{\"type\":\"object\"}";
  private static final Map<String, String> CHALLENGE =
      Map.of("WWW-Authenticate", "Bearer resource_metadata=\"https://x/.well-known/p\"");

  private final TierAccess access =
      new TierAccess(
          () ->
              List.of(
                  new ToolDescriptor("basic", "Basic", "d", Tier.FREE, false, SCHEMA, SCHEMA),
                  new ToolDescriptor(
                      "incident", "Incident", "d", Tier.PROFESSIONAL, true, SCHEMA, SCHEMA)),
          CHALLENGE);

  private static Attributes caller(Tier tier) {
    return Attributes.of(
        Caller.class,
        new Caller(
            new AccountId(UUID.randomUUID()), tier, TierTable.defaults().limits(tier), "key:test"));
  }

  @Test
  void aToolAboveTheTierIsHiddenAndItsCallNamesTheTierNeeded() {
    assertThat(access.visible("basic", caller(Tier.FREE))).isTrue();
    assertThat(access.visible("incident", caller(Tier.FREE))).isFalse();
    assertThat(access.visible("incident", caller(Tier.ENTERPRISE))).isTrue();
    assertThatThrownBy(() -> access.check("incident", caller(Tier.STARTER)))
        .isInstanceOfSatisfying(
            McpException.class,
            e -> {
              assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_PARAMS);
              assertThat(e.getMessage())
                  .contains("needs the professional tier")
                  .contains("on the starter tier");
              assertThat(e.error().data().path("requiredTier").asText()).isEqualTo("professional");
            });
  }

  @Test
  void withoutACallerOurToolsAreHiddenAndChallengedWhileOthersStayOpen() {
    assertThat(access.visible("basic", Attributes.NONE)).isFalse();
    assertThat(access.visible("a-conformance-fixture", Attributes.NONE)).isTrue();
    assertThatThrownBy(() -> access.check("basic", Attributes.NONE))
        .isInstanceOfSatisfying(
            McpException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(401);
              assertThat(e.headers()).isEqualTo(CHALLENGE);
            });
  }
}
