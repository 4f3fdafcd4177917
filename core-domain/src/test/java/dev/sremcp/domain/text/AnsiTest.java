package dev.sremcp.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnsiTest {

  @Test
  void removesColoursCursorCodesAndTitles() {
    assertThat(Ansi.strip("[\u001b[1;31mERROR\u001b[m] \u001b[0Kdone\u001b]0;title\u0007!"))
        .isEqualTo("[ERROR] done!");
    assertThat(Ansi.strip("plain")).isEqualTo("plain");
  }
}
