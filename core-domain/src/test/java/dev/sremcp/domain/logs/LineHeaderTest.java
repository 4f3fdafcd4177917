package dev.sremcp.domain.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineHeaderTest {

  @Test
  void anExplicitFormatFindsTheMessage() {
    LogFormat format = LogFormat.parse("<Date> <Time> <Level> <Component>: <Content>");

    assertThat(format.message("17/06/09 20:10:40 INFO spark.SecurityManager: Changing acls"))
        .isEqualTo("Changing acls");
    assertThat(format.fields("17/06/09 20:10:40 INFO a: b").orElseThrow())
        .containsEntry("Level", "INFO");
    assertThat(format.message("a line that does not fit")).isEqualTo("a line that does not fit");
  }

  @Test
  void aFormatWithoutContentOrWithBadSyntaxIsRefusedClearly() {
    assertThatThrownBy(() -> LogFormat.parse("<Date> <Time>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("<Content>");
    assertThatThrownBy(() -> LogFormat.parse("(<Date> <Content>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid pattern");
  }

  @Test
  void learnsASyslogHeaderEndingInAColon() {
    DetectedHeader header =
        DetectedHeader.learn(
            List.of(
                "Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 1.2.3.4",
                "Dec 10 06:55:48 LabSZ sshd[24202]: pam_unix(sshd:auth): check pass",
                "Dec 10 06:55:50 LabSZ sshd[24204]: Failed password for root"));

    assertThat(header.message("Dec 10 07:00:00 LabSZ sshd[1]: Connection closed: by peer"))
        .isEqualTo("Connection closed: by peer");
  }

  @Test
  void learnsAHeaderEndingWithTheLevel() {
    DetectedHeader header =
        DetectedHeader.learn(
            List.of(
                "- 1117838570 2005.06.03 R02-M1 2005-06-03-15.42.50 R02-M1 RAS KERNEL INFO cache"
                    + " parity error corrected",
                "- 1117838573 2005.06.03 R02-M1 2005-06-03-15.42.53 R02-M1 RAS KERNEL INFO"
                    + " generating core.2275",
                "- 1117838576 2005.06.03 R02-M1 2005-06-03-15.42.56 R02-M1 RAS APP FATAL ciod:"
                    + " failed"));

    assertThat(
            header.message(
                "- 1 2005.06.03 R02-M1 2005-06-03-15.42.50 R02-M1 RAS KERNEL INFO it works"))
        .isEqualTo("it works");
  }

  @Test
  void learnsDelimitedFields() {
    DetectedHeader header =
        DetectedHeader.learn(
            List.of(
                "20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579",
                "20171223-22:15:29:615|Step_LSC|30002312|onExtend:1514038530000 14 0 4"));

    assertThat(header.message("20171223-22:15:29:633|Step_SPUtils|1|a message"))
        .isEqualTo("a message");
  }

  @Test
  void withoutASteadyShapeTheWholeLineIsTheMessage() {
    DetectedHeader header = DetectedHeader.learn(List.of("one thing", "another thing: here"));

    assertThat(header.message("one thing")).isEqualTo("one thing");
    assertThat(DetectedHeader.learn(List.of()).message("x")).isEqualTo("x");
  }
}
