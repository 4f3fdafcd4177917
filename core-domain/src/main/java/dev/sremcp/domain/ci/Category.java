package dev.sremcp.domain.ci;

import java.util.Locale;

/** Why a build failed, with what usually fixes it. */
public enum Category {
  COMPILE(
      "Fix the code at the cited file and line; the errors after the first are often its"
          + " consequences."),
  TEST(
      "Run the failing tests alone (mvn -Dtest=Class#method, gradle --tests, pytest"
          + " file::test, go test -run Name, node --test --test-name-pattern) and fix the assertion"
          + " or the code under test."),
  DEPENDENCY(
      "Check that the dependency's name and version exist in the registry, and the"
          + " repository configuration and credentials; pin versions a build resolves."),
  NETWORK(
      "A host could not be reached: check the registry or proxy address and the runner's"
          + " network, retry, or use a dependency cache or mirror."),
  TIMEOUT(
      "Find what the step or test was waiting for; raise the timeout only when the work is"
          + " rightly slow."),
  OOM(
      "Give the process more memory (-Xmx or surefire's argLine, NODE_OPTIONS=--max-old-space-size,"
          + " a larger runner) or find the leak with a heap dump."),
  KILLED(
      "The process was killed (SIGKILL, exit code 137), usually by the kernel's OOM killer or"
          + " the runner's limits: use less memory or a larger runner."),
  LINT("Fix the reported lint errors; warnings do not fail the build."),
  INFRASTRUCTURE(
      "The build environment is wrong (toolchain version, disk, runner, Docker):"
          + " align the CI environment with what the project needs."),
  UNKNOWN("Read the first error and the step that failed.");

  private final String fix;

  Category(String fix) {
    this.fix = fix;
  }

  public String fix() {
    return fix;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return id();
  }
}
