package dev.sremcp.domain.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostmortemAnalyzerTest {

  private static final Instant START = Instant.parse("2026-03-14T09:00:00Z");

  private static Analysis draft(Map<String, Object> arguments) {
    return new PostmortemAnalyzer().analyze(Arguments.of(arguments), AnalysisContext.detached());
  }

  private static String log(String error) {
    StringBuilder log = new StringBuilder();
    for (int minute = 0; minute < 120; minute++) {
      for (int i = 0; i < 4; i++) {
        log.append(
            "%s INFO  [checkout] GET /api/orders/%d 200 12ms\n"
                .formatted(START.plusSeconds(minute * 60L + i * 13), minute * 10 + i));
      }
      if (minute >= 62 && minute < 102) {
        for (int second : new int[] {10, 25, 40}) {
          log.append(
              "%s ERROR [checkout] %s\n"
                  .formatted(START.plusSeconds(minute * 60L + second), error));
        }
      }
    }
    return log.toString();
  }

  /**
   * An Alertmanager webhook whose alert fired at {@code firing} and resolved at {@code resolved}.
   */
  private static Map<String, Object> alert(Instant firing, Instant resolved) {
    return Map.of(
        "alerts",
        List.of(
            Map.of(
                "status",
                "resolved",
                "labels",
                Map.of("alertname", "HighErrorRate", "service", "checkout", "severity", "critical"),
                "annotations",
                Map.of("summary", "5xx above 5%"),
                "startsAt",
                firing.toString(),
                "endsAt",
                resolved.toString())));
  }

  private static Map<String, Object> deployIncident(Instant firing) {
    return Map.of(
        "alerts",
        List.of(alert(firing, START.plusSeconds(103 * 60))),
        "changes",
        List.of(
            Map.of(
                "time",
                START.plusSeconds(58 * 60).toString(),
                "service",
                "checkout",
                "description",
                "Deploy checkout 2.41.0"),
            Map.of(
                "time",
                START.plusSeconds(100 * 60).toString(),
                "service",
                "checkout",
                "description",
                "Rollback checkout to 2.40.3")),
        "logs",
        log(
            "java.lang.NullPointerException: Cannot invoke \"Order.total()\" because \"order\" is null"));
  }

  @Test
  void draftsEverySectionWithTheRootCauseItsEvidenceAndBlankOwners() {
    Map<String, Object> arguments = new HashMap<>(deployIncident(START.plusSeconds(64 * 60)));
    arguments.put("slo", Map.of("target", 99.9, "window", "30d"));

    Analysis analysis = draft(arguments);
    PostmortemDetails details = (PostmortemDetails) analysis.details();

    assertThat(details.markdown())
        .contains("# Postmortem: checkout incident of 2026-03-14")
        .contains("## Summary", "## Impact", "## Detection", "## Timeline (UTC)")
        .contains("## Root cause and contributing factors", "## What went well", "## Action items")
        .contains("Rollback checkout to 2.40.3")
        .contains("NullPointerException");
    assertThat(details.rootCause().cause()).isEqualTo("bad-deploy");
    assertThat(details.abstained()).isFalse();
    assertThat(details.actionItems()).isNotEmpty().allMatch(item -> item.owner().isEmpty());
    // the errors start at 10:02:10 (the log's error-rate buckets may put the onset a little
    // earlier); resolved at 10:43; the budget of 99.9 % over 30 days is 43.2 minutes
    Instant onset = Instant.parse(details.impact().start());
    assertThat(onset)
        .isBetween(Instant.parse("2026-03-14T10:00:00Z"), Instant.parse("2026-03-14T10:02:10Z"));
    long duration =
        java.time.Duration.between(onset, Instant.parse("2026-03-14T10:43:00Z")).toSeconds();
    assertThat(details.impact().durationSeconds()).isEqualTo(duration);
    assertThat(details.impact().errorBudgetConsumed())
        .isEqualTo(duration / 2592.0, org.assertj.core.data.Offset.offset(0.0001));
    assertThat(details.impact().budgetAssumption()).contains("every request failed");
    assertThat(details.impact().timeToDetectSeconds())
        .isEqualTo(
            java.time.Duration.between(onset, Instant.parse("2026-03-14T10:04:00Z")).toSeconds());
  }

  @Test
  void saysTheRootCauseIsNotDeterminedWhenTheAnalysisAbstains() {
    Analysis analysis =
        draft(
            Map.of(
                "alerts",
                List.of(alert(START.plusSeconds(80 * 60), START.plusSeconds(103 * 60))),
                "logs",
                log("request failed with HTTP 500 Internal Server Error")));
    PostmortemDetails details = (PostmortemDetails) analysis.details();

    assertThat(details.abstained()).isTrue();
    assertThat(details.rootCause()).isNull();
    assertThat(details.markdown()).contains("**Not determined from the inputs.**");
    assertThat(analysis.findings())
        .extracting(Finding::ruleId)
        .contains("postmortem.root-cause-undetermined", "postmortem.slow-detection");
    assertThat(details.actionItems())
        .extracting(PostmortemDetails.ActionItem::kind)
        .contains("investigate", "detect");
  }

  @Test
  void draftsFromAnAnalyzeIncidentResultAsAClientPassesItOn() throws Exception {
    Analysis incident =
        new IncidentAnalyzer()
            .analyze(
                Arguments.of(deployIncident(START.plusSeconds(64 * 60))),
                AnalysisContext.detached());
    ObjectMapper mapper =
        new ObjectMapper()
            .setSerializationInclusion(
                com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    @SuppressWarnings("unchecked")
    Map<String, Object> structured =
        mapper.readValue(mapper.writeValueAsString(incident.details()), Map.class);

    PostmortemDetails details =
        (PostmortemDetails)
            draft(Map.of("incident", structured, "title", "Checkout 500s")).details();

    assertThat(details.title()).isEqualTo("Checkout 500s");
    assertThat(details.rootCause().cause()).isEqualTo("bad-deploy");
    assertThat(details.markdown()).contains("Deploy checkout 2.41.0");
  }

  @Test
  void refusesMixedOrBadArguments() {
    assertThatThrownBy(() -> draft(Map.of("incident", Map.of(), "logs", "x")))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> draft(Map.of("incident", Map.of("onset", "x"))))
        .hasMessageContaining("structuredContent of an analyze_incident result");
    assertThatThrownBy(() -> draft(Map.of("logs", log("boom"), "slo", Map.of("target", 100))))
        .hasMessageContaining("slo.target");
    assertThatThrownBy(() -> draft(Map.of("logs", log("boom"), "slo", Map.of("target", 0.995))))
        .hasMessageContaining("slo.target is a percentage")
        .hasMessageContaining("as a percentage it is 99.5");
  }
}
