package dev.sremcp.domain.ci;

import dev.sremcp.domain.ci.ErrorRules.Kind;
import dev.sremcp.domain.ci.ErrorRules.Reading;
import dev.sremcp.domain.text.Ansi;
import dev.sremcp.domain.text.LineReader;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.TextSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One pass over a CI log: the runner's framing is read and removed (GitHub Actions' timestamps and
 * {@code ##[group]} steps, GitLab's {@code section_start} sections and {@code $} commands, Jenkins'
 * {@code [Pipeline]} stages and {@code +} commands), terminal codes are stripped, and each line is
 * read by {@link ErrorRules}. Memory is bounded: the first errors, tests and steps are kept up to
 * fixed limits, whatever the log's size.
 */
final class CiScan {

  static final int MAX_ROOTS = 200;
  static final int MAX_GENERIC = 50;
  static final int MAX_TESTS = 500;
  static final int MAX_STEPS = 200;
  static final int MAX_SIGNS = 20;
  static final int TEXT_CHARS = 1_000;
  private static final int CONTEXT_LINES = 8;
  private static final java.util.regex.Pattern RERUN_PASSED =
      java.util.regex.Pattern.compile("\\bRun \\d+: PASS$");

  enum Runner {
    GITHUB_ACTIONS,
    GITLAB,
    JENKINS,
    PLAIN;

    String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** A step, stage or section of the runner. */
  static final class Step {
    final String name;
    final long startLine;
    long endLine;
    boolean failed;

    Step(String name, long startLine) {
      this.name = name;
      this.startLine = startLine;
      this.endLine = startLine;
    }
  }

  /** A line that reads as an error. */
  static final class Candidate {
    final long line;
    final String text;
    final Reading reading;
    final Step step;
    final String command;
    final StringBuilder context = new StringBuilder();
    long endLine;
    int contextLines;

    Candidate(long line, String text, Reading reading, Step step, String command) {
      this.line = line;
      this.text = text;
      this.reading = reading;
      this.step = step;
      this.command = command;
      this.context.append(text);
      this.endLine = line;
    }
  }

  /** A sign that a test is flaky; {@code definite} when the log shows a test passing on rerun. */
  record Sign(long line, String text, boolean definite) {}

  Runner runner = Runner.PLAIN;
  final Set<String> tools = new LinkedHashSet<>();
  final List<Step> steps = new ArrayList<>();
  final List<Candidate> roots = new ArrayList<>();
  final List<Candidate> generic = new ArrayList<>();
  final Set<String> failingTests = new LinkedHashSet<>();
  final Set<String> flakyTests = new LinkedHashSet<>();
  final List<Sign> signs = new ArrayList<>();
  Integer exitCode;
  long lines;
  long characters;
  long cutLines;

  private Step step;
  private String command;
  private final List<Candidate> open = new ArrayList<>();
  private final Set<String> running = new LinkedHashSet<>();
  private final Set<String> seenTests = new HashSet<>();
  private boolean inFlakes;

  static CiScan of(TextSource source, AnalysisContext context) {
    CiScan scan = new CiScan();
    try (LineReader reader = new LineReader(source.open())) {
      for (String raw; (raw = reader.next()) != null; ) {
        scan.line(raw, reader.lineNumber());
        if ((reader.lineNumber() & 0x1FFF) == 0) {
          context.checkCancelled();
        }
      }
      scan.lines = reader.lineNumber();
      scan.characters = reader.characters();
      scan.cutLines = reader.cutLines();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (scan.step != null) {
      scan.step.endLine = scan.lines;
    }
    return scan;
  }

  private void line(String raw, long number) {
    String text = stripGitHubTimestamp(raw);
    text = framing(Ansi.strip(text), number);
    if (text == null) {
      return;
    }
    int carriage = text.lastIndexOf('\r');
    if (carriage >= 0) {
      text = text.substring(carriage + 1);
    }
    if (step != null) {
      step.endLine = number;
    }
    if (text.isBlank()) {
      return;
    }
    detectTool(text);
    for (int i = open.size() - 1; i >= 0; i--) {
      Candidate candidate = open.get(i);
      candidate.context.append('\n').append(clip(text));
      candidate.endLine = number;
      if (++candidate.contextLines >= CONTEXT_LINES) {
        open.remove(i);
      }
    }
    flakiness(text, number);
    goRuns(text);
    Reading reading = ErrorRules.read(text);
    if (reading.kind() == Kind.ROOT || reading.kind() == Kind.GENERIC) {
      List<Candidate> list = reading.kind() == Kind.ROOT ? roots : generic;
      if (list.size() < (reading.kind() == Kind.ROOT ? MAX_ROOTS : MAX_GENERIC)) {
        Candidate candidate = new Candidate(number, clip(text.strip()), reading, step, command);
        list.add(candidate);
        open.add(candidate);
      }
      if (reading.test() != null) {
        addTest(reading.test());
      }
      if (reading.category() == Category.TIMEOUT
          && text.strip().startsWith("panic: test timed out")) {
        running.forEach(this::addTest);
      }
    }
    String stripped = text.strip();
    if (stripped.startsWith("FAILED ") && stripped.contains("::")) {
      int end = stripped.indexOf(" - ", 7);
      addTest(stripped.substring(7, end >= 7 ? end : stripped.length()).strip());
    }
  }

  /** Removes the runner's framing; returns null for lines that are framing only. */
  private String framing(String text, long number) {
    if (text.startsWith("##[")) {
      runner = Runner.GITHUB_ACTIONS;
      if (text.startsWith("##[group]Run ") || text.startsWith("##[group]Post ")) {
        startStep(text.substring(9).strip(), number);
        return null;
      }
      if (text.startsWith("##[group]") || text.startsWith("##[endgroup]")) {
        return null;
      }
      if (text.startsWith("##[error]Process completed with exit code")) {
        exitCode = exitCode(text);
        if (step != null) {
          step.failed = true;
        }
      }
      return text;
    }
    int section = text.indexOf("section_start:");
    if (section >= 0) {
      runner = Runner.GITLAB;
      String rest = text.substring(section + 14);
      int colon = rest.indexOf(':');
      String name = rest.substring(colon + 1);
      int end = 0;
      while (end < name.length()
          && (Character.isLetterOrDigit(name.charAt(end))
              || name.charAt(end) == '_'
              || name.charAt(end) == '-')) {
        end++;
      }
      startStep(name.substring(0, end), number);
      command = null;
      return null;
    }
    if (text.contains("section_end:")) {
      return null;
    }
    if (text.startsWith("[Pipeline] ")) {
      runner = Runner.JENKINS;
      String rest = text.substring(11);
      if (rest.startsWith("{ (") && rest.endsWith(")")) {
        startStep(rest.substring(3, rest.length() - 1), number);
        command = null;
      }
      return null;
    }
    if (runner == Runner.GITLAB && text.startsWith("$ ")) {
      command = clip(text.substring(2).strip());
    } else if (runner == Runner.JENKINS && text.startsWith("+ ")) {
      command = clip(text.substring(2).strip());
    } else if (text.startsWith("ERROR: Job failed: exit code ")
        || text.startsWith("ERROR: script returned exit code ")) {
      // printed when the pipeline ends, after any stage: it names no stage
      exitCode = exitCode(text);
    }
    return text;
  }

  private void startStep(String name, long number) {
    if (steps.size() >= MAX_STEPS) {
      return;
    }
    if (step != null) {
      step.endLine = number - 1;
    }
    step = new Step(clip(name), number);
    steps.add(step);
  }

  private void flakiness(String text, long number) {
    String line = text.strip();
    if (line.startsWith("[WARNING] Flakes:")) {
      inFlakes = true;
      sign(number, line, true);
      return;
    }
    if (inFlakes) {
      String rest = line.startsWith("[WARNING] ") ? line.substring(10).strip() : "";
      if (!rest.isEmpty() && rest.indexOf(' ') < 0) {
        if (flakyTests.size() < MAX_TESTS) {
          flakyTests.add(rest);
        }
        return;
      }
      if (!line.contains("Run ")) {
        inFlakes = false;
      }
    }
    String lower = line.toLowerCase(Locale.ROOT);
    if (RERUN_PASSED.matcher(line).find()
        || lower.contains("passed on rerun")
        || lower.contains("passed on retry")
        || line.contains("RERUN")
        || line.contains(" FLAKY")) {
      sign(number, line, true);
    } else if (lower.contains("retrying")
        || lower.contains("retry attempt")
        || lower.contains("flaky")) {
      sign(number, line, false);
    }
  }

  private void sign(long number, String text, boolean definite) {
    if (signs.size() < MAX_SIGNS) {
      signs.add(new Sign(number, clip(text), definite));
    }
  }

  /** Go tests still running when {@code go test} times out are the ones that hung. */
  private void goRuns(String text) {
    String line = text.strip();
    if (line.startsWith("=== RUN ")) {
      if (running.size() < MAX_TESTS) {
        running.add(line.substring(8).strip());
      }
    } else if (line.startsWith("--- PASS: ")
        || line.startsWith("--- FAIL: ")
        || line.startsWith("--- SKIP: ")) {
      int end = line.indexOf(' ', 10);
      running.remove(end > 0 ? line.substring(10, end) : line.substring(10));
    }
  }

  private void addTest(String name) {
    if (failingTests.size() < MAX_TESTS && seenTests.add(name)) {
      failingTests.add(name);
    }
  }

  private void detectTool(String text) {
    if (tools.size() >= 8) {
      return;
    }
    if (text.startsWith("[INFO] ") || text.contains("Apache Maven")) {
      tools.add("maven");
    } else if (text.startsWith("> Task :")
        || text.startsWith(":compileJava")
        || text.contains("Gradle ")) {
      tools.add("gradle");
    } else if (text.startsWith("npm ") || text.startsWith("> ") && text.contains("@")) {
      tools.add("npm");
    } else if (text.contains("test session starts")
        || text.startsWith("FAILED ") && text.contains("::")) {
      tools.add("pytest");
    } else if (text.startsWith("--- FAIL:")
        || text.startsWith("=== RUN")
        || text.startsWith("ok  \t")
        || text.startsWith("FAIL\t")) {
      tools.add("go");
    }
  }

  private static Integer exitCode(String text) {
    int end = text.length();
    while (end > 0 && !Character.isDigit(text.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && Character.isDigit(text.charAt(start - 1))) {
      start--;
    }
    if (start == end || end - start > 6) {
      return null;
    }
    return Integer.parseInt(text.substring(start, end));
  }

  /** GitHub Actions writes {@code 2026-11-24T10:00:00.1234567Z } before every line. */
  private static String stripGitHubTimestamp(String line) {
    if (line.length() < 21
        || line.charAt(4) != '-'
        || line.charAt(10) != 'T'
        || line.charAt(13) != ':') {
      return line;
    }
    int z = line.indexOf("Z ", 19);
    if (z < 0 || z > 36) {
      return line;
    }
    return line.substring(z + 2);
  }

  static String clip(String text) {
    return text.length() <= TEXT_CHARS ? text : text.substring(0, TEXT_CHARS) + "...";
  }
}
