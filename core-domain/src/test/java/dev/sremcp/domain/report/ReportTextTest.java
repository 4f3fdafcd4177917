package dev.sremcp.domain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTextTest {

  @Test
  void rendersFindingsMostSevereFirstWithTheirEvidenceAndFix() {
    Finding info = Finding.rule("x.info", Severity.INFO, "Small", "A detail.", List.of(), null);
    Finding high =
        Finding.rule(
            "x.high",
            Severity.HIGH,
            "Large",
            "A problem.",
            List.of(Evidence.atLine("Dockerfile", 3, "FROM ubuntu:latest")),
            "Pin the image.");
    Analysis analysis =
        new Analysis(
            "Two findings.", List.of(info, high), Truncation.complete(2, 50, 10), ToolDetails.NONE);
    AnalysisReport report =
        new AnalysisReport(
            "review_x", analysis, LlmUse.notUsed("no model"), new UsageCharge(1, 49L, 9L));

    String text = ReportText.render(report);

    assertThat(text.indexOf("x.high")).isLessThan(text.indexOf("x.info"));
    assertThat(text)
        .contains("- **HIGH** Large (`x.high`): A problem.")
        .contains("Dockerfile:3: `FROM ubuntu:latest`")
        .contains("Fix: Pin the image.")
        .contains("No language model used: no model")
        .contains("Units charged: 1; 49 left this month; 9 left this hour.");
    assertThat(report.worstSeverity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void recordsRefuseImpossibleValues() {
    assertThatThrownBy(() -> new Evidence("f", 0, null, null, "x")).hasMessageContaining("1-based");
    assertThatThrownBy(() -> new Evidence("f", null, 5, 3, "x")).hasMessageContaining("bad range");
    assertThatThrownBy(() -> new Truncation(3, 2, false, 0, null)).hasMessageContaining("exceeds");
    assertThatThrownBy(
            () -> new Finding("r", Severity.LOW, "t", "m", List.of(), 2, Source.RULE, null))
        .hasMessageContaining("confidence");
    assertThatThrownBy(
            () -> new Analysis("s", List.of(), Truncation.complete(1, 5, 1), ToolDetails.NONE))
        .hasMessageContaining("1 findings were returned, but there are 0");
  }
}
