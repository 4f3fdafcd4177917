package dev.sremcp.domain.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  @Test
  void splitsOnLineFeedsDropsTheCarriageReturnBeforeThemAndKeepsLoneOnes() {
    assertThat(lines("a\r\nb\nprogress 1%\rprogress 2%\n\nlast", 100))
        .containsExactly("a", "b", "progress 1%\rprogress 2%", "", "last");
  }

  @Test
  void aLineLongerThanTheLimitIsCutAndCounted() {
    String huge = "x".repeat(1_000_000);
    try (LineReader reader = new LineReader(new StringReader("short\n" + huge + "\nafter"), 64)) {
      assertThat(reader.next()).isEqualTo("short");
      assertThat(reader.next()).hasSize(64);
      assertThat(reader.next()).isEqualTo("after");
      assertThat(reader.next()).isNull();
      assertThat(reader.cutLines()).isEqualTo(1);
      assertThat(reader.longestLine()).isEqualTo(1_000_000);
      assertThat(reader.lineNumber()).isEqualTo(3);
    }
  }

  @Test
  void binaryDataIsRefusedBeforeAnyLine() {
    assertThatThrownBy(() -> lines("\u007fELF\u0002\u0001\u0001\u0000\u0000", 100))
        .isInstanceOf(BinaryInputException.class)
        .hasMessageContaining("NUL");
    String garbage = "\uFFFD\u0003".repeat(100) + "\n";
    assertThatThrownBy(() -> lines(garbage, 100))
        .isInstanceOf(BinaryInputException.class)
        .hasMessageContaining("10 %");
  }

  @Test
  void aFewInvalidCharactersAreCountedNotRefused() {
    try (LineReader reader =
        new LineReader(
            new StringReader("user caf\uFFFD logged in from the web console\n".repeat(50)))) {
      while (reader.next() != null) {
        // read all
      }
      assertThat(reader.replacements()).isEqualTo(50);
    }
  }

  @Test
  void emptyInputHasNoLines() {
    assertThat(lines("", 10)).isEmpty();
  }

  private static List<String> lines(String text, int max) {
    List<String> lines = new ArrayList<>();
    try (LineReader reader = new LineReader(reader(text), max)) {
      for (String line; (line = reader.next()) != null; ) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static Reader reader(String text) {
    return new StringReader(text);
  }
}
