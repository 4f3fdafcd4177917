package dev.sremcp.domain.ci;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one line of build output, framing already removed: is it a root error (and of which
 * category, naming which test), a generic error line, the cascade a failure leaves behind, or
 * nothing. Rules for Maven and surefire, Gradle and javac, npm, TAP, jest, eslint and tsc, pytest,
 * go build and go test, and the runners' own failures (killed, out of memory, disk, network).
 */
final class ErrorRules {

  /** What a line is. */
  enum Kind {
    ROOT,
    GENERIC,
    CASCADE,
    NONE
  }

  /** A line's reading; {@code test} names the failing test where the line does. */
  record Reading(Kind kind, Category category, String test) {
    static final Reading NONE = new Reading(Kind.NONE, null, null);
    static final Reading CASCADE = new Reading(Kind.CASCADE, null, null);
  }

  private static final Pattern SUREFIRE_TEST =
      Pattern.compile("^\\[ERROR\\] (\\S+) -- Time elapsed: .*<<< (FAILURE|ERROR)!");
  private static final Pattern SUREFIRE_OLD_TEST =
      Pattern.compile(
          "^\\[ERROR\\] (\\w+)\\(([\\w.$]+)\\)\\s+Time elapsed: .*<<< (FAILURE|ERROR)!");
  private static final Pattern JAVAC =
      Pattern.compile("\\.(java|kt|scala|groovy)(:\\[\\d+,\\d+\\]|:\\d+: error:|:\\d+:\\d+ )");
  private static final Pattern GRADLE_TEST = Pattern.compile("^([\\w.$]+) > (.+) FAILED$");
  private static final Pattern GO_FAIL = Pattern.compile("^\\s*--- FAIL: (\\S+)");
  private static final Pattern GO_COMPILE = Pattern.compile("\\.go:\\d+:\\d+: ");
  private static final Pattern TAP_NOT_OK = Pattern.compile("^\\s*not ok \\d+ - (.+?)(\\s+#.*)?$");
  private static final Pattern JEST = Pattern.compile("^\\s*● (.+)$");
  private static final Pattern ESLINT = Pattern.compile("^\\s+\\d+:\\d+\\s+error\\s");
  private static final Pattern TSC =
      Pattern.compile("\\.tsx?(\\(\\d+,\\d+\\)|:\\d+:\\d+) ?[:-] ?error TS\\d+");
  private static final Pattern NPM_CODE = Pattern.compile("^npm (?:error|ERR!) code (\\w+)");
  private static final Pattern KILLED =
      Pattern.compile("(\\d+ Killed\\b|^Killed$|signal: killed|Killed process)");

  private static final Pattern FLAKE8 = Pattern.compile("^\\S+:\\d+:\\d+: [EFW]\\d{3} .*");
  private static final Pattern PYTEST_SUMMARY =
      Pattern.compile("^=+ .*(failed|error).* in [\\d.]+s.*=+$");

  private ErrorRules() {}

  static Reading read(String text) {
    String line = text.strip();
    if (line.isEmpty()) {
      return Reading.NONE;
    }
    Reading root = root(text, line);
    if (root != null) {
      return root;
    }
    if (isCascade(line)) {
      return Reading.CASCADE;
    }
    if (isGeneric(line)) {
      return new Reading(Kind.GENERIC, Category.UNKNOWN, null);
    }
    return Reading.NONE;
  }

  private static Reading root(String text, String line) {
    Matcher m;
    if ((m = SUREFIRE_TEST.matcher(line)).find()) {
      return test(m.group(1));
    }
    if ((m = SUREFIRE_OLD_TEST.matcher(line)).find()) {
      return test(m.group(2) + "." + m.group(1));
    }
    if ((m = GRADLE_TEST.matcher(line)).find()) {
      return test(m.group(1) + "." + m.group(2));
    }
    if ((m = GO_FAIL.matcher(text)).find()) {
      return test(m.group(1));
    }
    if ((m = TAP_NOT_OK.matcher(text)).find()) {
      return test(m.group(1));
    }
    if ((m = JEST.matcher(text)).find()) {
      return test(m.group(1).replace(" › ", " > "));
    }
    if (line.startsWith("E   ") || line.equals("E")) {
      return root(Category.TEST); // pytest's failed assertion
    }
    if (line.contains("OutOfMemoryError")
        || line.equals("[ERROR] Java heap space")
        || line.contains("GC overhead limit exceeded")
        || line.contains("JavaScript heap out of memory")
        || line.contains("OOMKilled")
        || line.contains("Cannot allocate memory")) {
      return root(Category.OOM);
    }
    if (KILLED.matcher(line).find()
        || line.contains("The forked VM terminated without properly saying goodbye")) {
      return root(Category.KILLED);
    }
    if (line.startsWith("panic: test timed out")
        || line.contains("has exceeded the maximum execution time")
        || line.contains("execution took longer than")
        || line.contains("Build timed out")) {
      return root(Category.TIMEOUT);
    }
    if (line.contains("has been compiled by a more recent version of the Java Runtime")
        || line.contains("UnsupportedClassVersionError")
        || line.contains("invalid target release")
        || (line.contains("release version") && line.contains("not supported"))
        || line.contains("No space left on device")
        || line.contains("Cannot connect to the Docker daemon")
        || line.contains("Unable to locate executable file")
        || line.contains("command not found")
        || line.contains("lost communication with the server")
        || line.contains("The runner has received a shutdown signal")) {
      return root(Category.INFRASTRUCTURE);
    }
    if (isNetwork(line)
        && (line.contains("ERROR")
            || line.contains("error")
            || line.contains("Error")
            || line.startsWith("fatal:")
            || line.startsWith("npm "))) {
      return root(Category.NETWORK);
    }
    if ((m = NPM_CODE.matcher(line)).find()) {
      String code = m.group(1);
      return switch (code) {
        case "E404", "ETARGET", "ERESOLVE", "EBADENGINE", "E401", "E403", "EINTEGRITY" ->
            root(Category.DEPENDENCY);
        case "ECONNREFUSED", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "ECONNRESET" ->
            root(Category.NETWORK);
        case "ENOSPC" -> root(Category.INFRASTRUCTURE);
        default -> null;
      };
    }
    if (line.contains("Could not resolve dependencies")
        || line.contains("Could not find artifact")
        || line.contains("Could not resolve all files for configuration")
        || line.contains("Could not resolve all dependencies")
        || (line.contains("could not be resolved") && line.startsWith("[ERROR]"))
        || line.startsWith("ModuleNotFoundError")
        || line.contains("No matching distribution found")
        || line.contains("cannot find module providing package")) {
      return root(Category.DEPENDENCY);
    }
    if ((line.startsWith("[ERROR]") && JAVAC.matcher(line).find())
        || line.contains(": error: ") && JAVAC.matcher(line).find()
        || line.startsWith("e: ") && JAVAC.matcher(line).find()
        || TSC.matcher(line).find()
        || (GO_COMPILE.matcher(line).find() && !line.startsWith("---"))
        || line.startsWith("SyntaxError:")) {
      return root(Category.COMPILE);
    }
    if (ESLINT.matcher(text).find()
        || line.contains("[ERROR] Failed to execute goal com.diffplug.spotless")
        || line.contains("You have") && line.contains("Checkstyle violations")
        || FLAKE8.matcher(line).matches()) {
      return root(Category.LINT);
    }
    return null;
  }

  private static boolean isNetwork(String line) {
    return line.contains("Connection refused")
        || line.contains("Connection timed out")
        || line.contains("Connect timed out")
        || line.contains("connect timed out")
        || line.contains("Could not resolve host")
        || line.contains("Temporary failure in name resolution")
        || line.contains("UnknownHostException")
        || line.contains("No route to host")
        || line.contains("Network is unreachable")
        || line.contains("TLS handshake timeout")
        || line.contains("ECONNREFUSED")
        || line.contains("ETIMEDOUT")
        || line.contains("ENOTFOUND")
        || line.contains("EAI_AGAIN")
        || line.contains("ECONNRESET");
  }

  /** The lines a failure leaves after its cause: exit codes, summaries, help. */
  private static boolean isCascade(String line) {
    return line.startsWith("##[error]Process completed with exit code")
        || line.startsWith("Error: Process completed with exit code")
        || line.startsWith("ERROR: Job failed")
        || line.startsWith("ERROR: script returned exit code")
        || line.startsWith("Finished: FAILURE")
        || line.contains("BUILD FAILURE")
        || line.contains("BUILD FAILED")
        || line.startsWith("[ERROR] Failed to execute goal")
        || line.startsWith("[ERROR] COMPILATION ERROR")
        || line.startsWith("[ERROR] ->")
        || line.startsWith("[ERROR] To see the full stack trace")
        || line.startsWith("[ERROR] Re-run Maven")
        || line.startsWith("[ERROR] For more information")
        || line.startsWith("[ERROR] Failures:")
        || line.startsWith("[ERROR] Errors:")
        || line.startsWith("[ERROR] Tests run:")
        || line.startsWith("[ERROR]   Run ")
        || line.startsWith("[ERROR] Please refer to")
        || line.startsWith("[ERROR] After correcting the problems")
        || line.startsWith("[ERROR] Help 1")
        || line.startsWith("[ERROR] There are test failures")
        || line.startsWith("npm error A complete log")
        || line.startsWith("npm ERR! A complete log")
        || line.startsWith("npm error Lifecycle")
        || line.startsWith("FAILED ")
        || line.startsWith("FAIL\t")
        || line.equals("FAIL")
        || line.startsWith("exit status ")
        || line.startsWith("make: ***")
        || line.startsWith("* What went wrong")
        || line.startsWith("Execution failed for task")
        || line.startsWith("Command failed with exit code")
        || line.startsWith("error Command failed")
        || line.contains("ELIFECYCLE")
        || line.startsWith("There were failing tests")
        || PYTEST_SUMMARY.matcher(line).matches();
  }

  private static boolean isGeneric(String line) {
    String lower = line.toLowerCase(Locale.ROOT);
    return line.startsWith("[ERROR]")
        || line.startsWith("##[error]")
        || line.startsWith("npm error")
        || line.startsWith("npm ERR!")
        || lower.startsWith("error:")
        || lower.startsWith("error ")
        || lower.startsWith("fatal:")
        || line.startsWith("ERROR")
        || line.startsWith("Error:")
        || line.startsWith("Traceback (most recent call last)");
  }

  private static Reading root(Category category) {
    return new Reading(Kind.ROOT, category, null);
  }

  private static Reading test(String name) {
    return new Reading(Kind.ROOT, Category.TEST, name.strip());
  }
}
