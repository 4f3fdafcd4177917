package dev.sremcp.domain.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.Evidence;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.report.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The planted defects of a test file: a comment {@code expect: rule.id, other.id} names the
 * findings of the next line that is not a comment (a {@code #} or {@code //} comment line), or, at
 * the end of a line, of that line.
 */
public final class Expectations {

  private static final Pattern MARK = Pattern.compile("(#|//)\\s*expect:\\s*([a-z0-9.,\\s-]+)$");

  private Expectations() {}

  /** The text of a test resource beside {@code owner}. */
  public static String resource(Class<?> owner, String name) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      assertThat(in).as("test resource %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every expected finding as {@code rule@line}. */
  public static Set<String> of(String text) {
    String[] lines = text.split("\n", -1);
    Set<String> expected = new TreeSet<>();
    List<String> pending = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      Matcher mark = MARK.matcher(line);
      boolean commentLine = line.startsWith("#") || line.startsWith("//");
      if (mark.find()) {
        List<String> ids = new ArrayList<>();
        for (String id : mark.group(2).split(",")) {
          if (!id.isBlank()) {
            ids.add(id.strip());
          }
        }
        if (commentLine) {
          pending.addAll(ids);
          continue;
        }
        for (String id : ids) {
          expected.add(id + "@" + (i + 1));
        }
      }
      if (!commentLine && !line.isEmpty()) {
        for (String id : pending) {
          expected.add(id + "@" + (i + 1));
        }
        pending.clear();
      }
    }
    return expected;
  }

  /** The findings of an analysis as {@code rule@line}, for one file. */
  public static Set<String> found(Analysis analysis, String file) {
    Set<String> found = new TreeSet<>();
    for (Finding finding : analysis.findings()) {
      Evidence evidence = finding.evidence().getFirst();
      if (evidence.file().equals(file)) {
        found.add(
            finding.ruleId()
                + "@"
                + (evidence.line() != null ? evidence.line() : evidence.startLine()));
      }
    }
    return found;
  }

  /**
   * Asserts that every planted defect is found at its line, and that no finding of {@code
   * unplanted} severity or worse appears anywhere else.
   */
  public static void assertPlanted(
      Analysis analysis, String file, String text, Severity unplanted) {
    Set<String> expected = of(text);
    Set<String> found = found(analysis, file);
    assertThat(found).as("findings of %s", file).containsAll(expected);
    for (Finding finding : analysis.findings()) {
      Evidence evidence = finding.evidence().getFirst();
      String at =
          finding.ruleId()
              + "@"
              + (evidence.line() != null ? evidence.line() : evidence.startLine());
      if (evidence.file().equals(file) && finding.severity().atLeast(unplanted)) {
        assertThat(expected).as("%s is planted (%s)", at, finding.message()).contains(at);
      }
    }
  }
}
