package dev.sremcp.domain.ci;

import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.ci.CiScan.Candidate;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.Evidence;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.report.Severity;
import dev.sremcp.domain.report.Truncation;
import dev.sremcp.domain.text.TextInput;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Analyzer;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import dev.sremcp.domain.tool.ToolDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code analyze_ci_failure}: the failing step, the first real error (not the cascade after it),
 * its category, the failing tests and signs of flakiness, from a GitHub Actions, GitLab CI or
 * Jenkins log, or plain Maven, Gradle, npm, pytest or go test output. Deterministic.
 */
public final class CiFailureAnalyzer implements Analyzer {

  public static final String TOOL = "analyze_ci_failure";
  static final int MAX_OTHER_ERRORS = 10;
  static final int FINDING_LIMIT = 50;

  private static final ToolDescriptor DESCRIPTOR =
      ToolDescriptor.withSchemasBeside(
          CiFailureAnalyzer.class,
          TOOL,
          "CI failure: failing step, first error, category, tests, flakiness",
          "Reads a CI log (GitHub Actions, GitLab CI, Jenkins, or plain Maven, Gradle, npm,"
              + " pytest or go test output; ANSI codes and runner timestamps removed) and finds"
              + " the failing step, the first real error rather than the cascade after it, its"
              + " category (compile, test, dependency, network, timeout, oom, killed, lint,"
              + " infrastructure), the failing tests by name, and signs of flakiness (tests"
              + " passing on rerun, retries).",
          Tier.STARTER,
          true);

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Analysis analyze(Arguments arguments, AnalysisContext context) {
    String name = arguments.string("name").filter(s -> !s.isBlank()).orElse("ci.log");
    CiScan scan =
        TextInput.scan("a CI log", () -> CiScan.of(arguments.requiredText("content"), context));
    if (scan.lines == 0) {
      throw new InvalidArgumentsException("content is empty; give the text of a CI log");
    }
    return report(scan, name);
  }

  private static Analysis report(CiScan scan, String file) {
    List<Candidate> roots =
        scan.roots.stream()
            .filter(c -> c.reading.test() == null || !scan.flakyTests.contains(c.reading.test()))
            .toList();
    Candidate first =
        !roots.isEmpty() ? roots.getFirst() : scan.generic.stream().findFirst().orElse(null);
    Category category = first == null ? Category.UNKNOWN : first.reading.category();
    // the step where the first error is; else the one the runner marked failed
    CiScan.Step failedStep =
        first != null && first.step != null
            ? first.step
            : scan.steps.stream().filter(step -> step.failed).findFirst().orElse(null);
    if (failedStep != null) {
      failedStep.failed = true;
    }
    List<String> tests =
        scan.failingTests.stream().filter(test -> !scan.flakyTests.contains(test)).toList();
    boolean flaky = scan.signs.stream().anyMatch(CiScan.Sign::definite);

    CiDetails details =
        new CiDetails(
            scan.runner.id(),
            List.copyOf(scan.tools),
            category.id(),
            failedStep == null ? null : failedStep.name,
            first == null ? null : first.command,
            scan.exitCode,
            first == null
                ? null
                : new CiDetails.FirstError(
                    line(first.line),
                    first.text,
                    category.id(),
                    first.reading.test(),
                    first.context.toString()),
            tests,
            new CiDetails.Flakiness(
                flaky,
                List.copyOf(scan.flakyTests),
                scan.signs.stream()
                    .map(s -> new CiDetails.Sign(line(s.line()), s.text(), s.definite()))
                    .toList()),
            scan.steps.stream()
                .map(s -> new CiDetails.Step(s.name, line(s.startLine), line(s.endLine), s.failed))
                .toList(),
            roots.stream()
                .skip(1)
                .limit(MAX_OTHER_ERRORS)
                .map(c -> new CiDetails.OtherError(line(c.line), c.text, c.reading.category().id()))
                .toList(),
            scan.lines);

    List<Finding> findings = new ArrayList<>();
    if (first != null) {
      long end = first.endLine;
      findings.add(
          Finding.rule(
              "ci.first-error",
              Severity.HIGH,
              title(category) + (failedStep == null ? "" : " in step '" + failedStep.name + "'"),
              "The first error is at line "
                  + first.line
                  + (first.reading.test() == null ? "" : ", in test " + first.reading.test())
                  + ": "
                  + first.text,
              List.of(
                  Evidence.atLines(file, line(first.line), line(end), first.context.toString())),
              category.fix()));
    }
    for (String test : tests) {
      Candidate at =
          scan.roots.stream().filter(c -> test.equals(c.reading.test())).findFirst().orElse(null);
      findings.add(
          Finding.rule(
              "ci.failing-test",
              Severity.MEDIUM,
              "Test " + test + " failed",
              "The test " + test + " failed" + (at == null ? "." : " at line " + at.line + "."),
              at == null
                  ? List.of(Evidence.of(file, test))
                  : List.of(Evidence.atLine(file, line(at.line), at.text)),
              Category.TEST.fix()));
    }
    if (flaky || !scan.signs.isEmpty()) {
      CiScan.Sign sign = scan.signs.getFirst();
      findings.add(
          Finding.rule(
              "ci.flaky",
              flaky ? Severity.MEDIUM : Severity.LOW,
              flaky ? "Flaky tests: a test passed on rerun" : "Signs of retries",
              flaky
                  ? "The log shows tests that failed and then passed on a rerun"
                      + (scan.flakyTests.isEmpty()
                          ? "."
                          : ": " + String.join(", ", scan.flakyTests) + ".")
                      + " They are not counted as the failure."
                  : "The log shows retries; the failure may be intermittent.",
              List.of(Evidence.atLine(file, line(sign.line()), sign.text())),
              "Quarantine or fix the flaky test: look for timing, ordering or shared state."));
    }
    if (first == null) {
      findings.add(
          Finding.rule(
              "ci.no-error-found",
              Severity.INFO,
              "No error found",
              "No line of the "
                  + scan.lines
                  + " reads as an error: the log may be cut before the"
                  + " failure, or the build passed.",
              List.of(Evidence.of(file, scan.lines + " lines")),
              "Give the whole log of the failed job."));
    }
    int total = findings.size();
    List<Finding> shown = findings.subList(0, Math.min(total, FINDING_LIMIT));
    Truncation truncation =
        new Truncation(shown.size(), FINDING_LIMIT, total > FINDING_LIMIT, scan.lines, null);
    return new Analysis(summary(scan, details, first, category), shown, truncation, details);
  }

  private static String summary(
      CiScan scan, CiDetails details, Candidate first, Category category) {
    if (first == null) {
      return "No error found in "
          + scan.lines
          + " lines"
          + (details.exitCode() == null ? "" : " (exit code " + details.exitCode() + ")")
          + ": the log may be cut before the failure, or the build passed.";
    }
    StringBuilder summary = new StringBuilder(title(category));
    if (details.failingStep() != null) {
      summary.append(" in step '").append(details.failingStep()).append('\'');
    }
    if (!details.failingTests().isEmpty()) {
      summary
          .append(": ")
          .append(details.failingTests().size())
          .append(details.failingTests().size() == 1 ? " failing test (" : " failing tests (")
          .append(String.join(", ", details.failingTests().stream().limit(5).toList()))
          .append(details.failingTests().size() > 5 ? ", ..." : "")
          .append(')');
    }
    summary.append(". First error at line ").append(first.line).append(": ").append(first.text);
    if (details.flakiness().flaky()) {
      summary.append(" Flaky: a test passed on rerun.");
    }
    return summary.toString().endsWith(".") ? summary.toString() : summary + ".";
  }

  private static String title(Category category) {
    return switch (category) {
      case COMPILE -> "Compilation failed";
      case TEST -> "Tests failed";
      case DEPENDENCY -> "A dependency could not be resolved";
      case NETWORK -> "A network call failed";
      case TIMEOUT -> "Timed out";
      case OOM -> "Out of memory";
      case KILLED -> "A process was killed";
      case LINT -> "Lint failed";
      case INFRASTRUCTURE -> "The build environment failed";
      case UNKNOWN -> "The build failed";
    };
  }

  private static int line(long number) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, number));
  }
}
