package dev.sremcp.domain.usage;

import java.util.Map;

/**
 * An account's use of one billing period.
 *
 * @param used units counted against the quota (charged plus reserved)
 * @param limit the quota; {@link dev.sremcp.domain.account.TierLimits#UNLIMITED} for none
 * @param byTool charged calls per tool
 */
public record UsageSummary(String period, long used, long limit, Map<String, Long> byTool) {

  public UsageSummary {
    byTool = Map.copyOf(byTool);
  }

  public long remaining() {
    return Math.max(0, limit - used);
  }
}
