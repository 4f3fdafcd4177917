package dev.sremcp.domain.ci;

import dev.sremcp.domain.report.ToolDetails;
import java.util.List;

/**
 * What {@code analyze_ci_failure} adds beside the common result fields.
 *
 * @param runner {@code github-actions}, {@code gitlab}, {@code jenkins} or {@code plain}
 * @param tools the build tools whose output the log holds
 * @param failingStep the step, stage or section that failed, or null in a plain log
 * @param failingCommand the command that ran when the first error came (GitLab's {@code $},
 *     Jenkins' {@code +}), or null
 * @param exitCode the exit code the runner reported, or null
 * @param firstError the root error, not the cascade after it; null when the log shows none
 * @param failingTests the tests that failed, without those that passed on a rerun
 * @param otherErrors further root errors after the first, in order
 */
public record CiDetails(
    String runner,
    List<String> tools,
    String category,
    String failingStep,
    String failingCommand,
    Integer exitCode,
    FirstError firstError,
    List<String> failingTests,
    Flakiness flakiness,
    List<Step> steps,
    List<OtherError> otherErrors,
    long lines)
    implements ToolDetails {

  public CiDetails {
    tools = List.copyOf(tools);
    failingTests = List.copyOf(failingTests);
    steps = List.copyOf(steps);
    otherErrors = List.copyOf(otherErrors);
  }

  /** The first real error: its line, text, category, and the lines after it. */
  public record FirstError(int line, String text, String category, String test, String context) {}

  /** Whether tests look flaky: {@code flaky} when a test failed and then passed on a rerun. */
  public record Flakiness(boolean flaky, List<String> flakyTests, List<Sign> signs) {
    public Flakiness {
      flakyTests = List.copyOf(flakyTests);
      signs = List.copyOf(signs);
    }
  }

  /** A line that hints at flakiness; {@code definite} when it shows a pass on rerun. */
  public record Sign(int line, String text, boolean definite) {}

  /** A step of the runner, with its lines. */
  public record Step(String name, int startLine, int endLine, boolean failed) {}

  /** A root error after the first. */
  public record OtherError(int line, String text, String category) {}

  @Override
  public String toMarkdown() {
    StringBuilder text = new StringBuilder("| | |\n|---|---|\n");
    row(text, "Runner", runner + (tools.isEmpty() ? "" : " (" + String.join(", ", tools) + ")"));
    row(text, "Category", category);
    if (failingStep != null) {
      row(text, "Failing step", failingStep);
    }
    if (failingCommand != null) {
      row(text, "Command", "`" + failingCommand.replace("|", "\\|") + "`");
    }
    if (exitCode != null) {
      row(text, "Exit code", String.valueOf(exitCode));
    }
    if (!failingTests.isEmpty()) {
      row(text, "Failing tests", String.join(", ", failingTests));
    }
    if (flakiness.flaky() || !flakiness.signs().isEmpty()) {
      row(
          text,
          "Flaky",
          (flakiness.flaky() ? "yes" : "hints only")
              + (flakiness.flakyTests().isEmpty()
                  ? ""
                  : ": " + String.join(", ", flakiness.flakyTests())));
    }
    if (firstError != null) {
      text.append("\n## First error, line ")
          .append(firstError.line())
          .append("\n\n```\n")
          .append(firstError.context())
          .append("\n```\n");
    }
    return text.toString();
  }

  private static void row(StringBuilder text, String name, String value) {
    text.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }
}
