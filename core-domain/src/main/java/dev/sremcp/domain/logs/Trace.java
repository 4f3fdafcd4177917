package dev.sremcp.domain.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * One stack trace, read line by line as a multi-line event folds: the exception, its root cause and
 * its top frames, for Java ({@code at ...}, {@code Caused by:}), Python ({@code Traceback}, {@code
 * File "...", line N, in f}) and Go ({@code panic:}, {@code goroutine N [running]:}). Its signature
 * leaves out messages and line numbers, so the same failure groups whatever its values.
 */
final class Trace {

  static final int TOP_FRAMES = 3;
  private static final int EXCERPT_LINES = 16;
  private static final int EXCERPT_CHARS = 1_600;

  private enum Language {
    UNKNOWN,
    JAVA,
    PYTHON,
    GO
  }

  private Language language = Language.UNKNOWN;
  private String exception;
  private String rootCause;
  private final List<String> frames = new ArrayList<>(TOP_FRAMES);
  private final List<String> pythonFrames = new ArrayList<>();
  private final StringBuilder excerpt = new StringBuilder();
  private int excerptLines;
  private boolean goFrames;
  private boolean awaitingPythonException;

  /**
   * Whether {@code line}, unindented, still belongs to a trace: a line no log header starts. This
   * runs on most lines of a log, so it looks at the first character before anything else.
   */
  static boolean continues(String line) {
    int i = 0;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    if (i == line.length()) {
      return false;
    }
    return marker(line, i) || javaException(line, i) != null;
  }

  /** A line that only a trace starts with, looked up by its first character. */
  private static boolean marker(String line, int i) {
    return switch (line.charAt(i)) {
      case 'C' -> line.startsWith("Caused by:", i);
      case 'S' -> line.startsWith("Suppressed:", i);
      case '.' -> line.startsWith("...", i) && line.endsWith("more");
      case 'T' ->
          line.startsWith("Traceback (most recent call last)", i)
              || line.startsWith("The above exception was the direct cause", i);
      case 'D' -> line.startsWith("During handling of the above exception", i);
      case 'g' -> line.startsWith("goroutine ", i);
      case 'p' -> line.startsWith("panic: ", i);
      case 'E' -> line.startsWith("Exception in thread ", i);
      default -> false;
    };
  }

  /**
   * Whether an unindented line belongs to this trace by its language: the exception line that ends
   * a Python traceback, or a Go frame's function.
   */
  boolean claims(String line) {
    String text = line.strip();
    return switch (language) {
      case PYTHON -> awaitingPythonException && pythonException(text) != null;
      case GO -> goFrames && (text.endsWith(")") || text.startsWith("created by "));
      default -> false;
    };
  }

  /** Reads one line of the event; the first line too, which may hold the exception. */
  void add(String line) {
    if (excerptLines < EXCERPT_LINES && excerpt.length() < EXCERPT_CHARS) {
      String kept = line.length() > 300 ? line.substring(0, 300) + "..." : line;
      excerpt.append(kept).append('\n');
      excerptLines++;
    }
    String text = line.strip();
    if (text.isEmpty()) {
      return;
    }
    if (text.startsWith("at ") && language != Language.PYTHON) {
      language = Language.JAVA;
      int paren = text.indexOf('(');
      frame(paren > 3 ? text.substring(3, paren) : text.substring(3));
      return;
    }
    if (text.startsWith("Traceback (most recent call last)")) {
      language = Language.PYTHON;
      awaitingPythonException = true;
      return;
    }
    if (language == Language.PYTHON) {
      python(line, text);
      return;
    }
    if (text.startsWith("panic: ")) {
      language = Language.GO;
      cause("panic: " + goPanicKind(text.substring(7)));
      return;
    }
    if (text.startsWith("goroutine ") && text.endsWith(":")) {
      language = Language.GO;
      goFrames = frames.isEmpty();
      return;
    }
    if (language == Language.GO && goFrames && !Character.isWhitespace(line.charAt(0))) {
      int paren = text.lastIndexOf('(');
      if (paren > 0 && text.endsWith(")")) {
        frame(text.substring(0, paren));
      }
      return;
    }
    String thrown = javaException(stripPrefix(text));
    if (thrown != null) {
      cause(thrown);
    }
  }

  /** True once a trace was recognised: an exception or a frame. */
  boolean recognised() {
    return exception != null || !frames.isEmpty() || !pythonFrames.isEmpty();
  }

  String exception() {
    return exception;
  }

  String rootCause() {
    return rootCause;
  }

  List<String> frames() {
    if (language == Language.PYTHON) {
      // Python prints the innermost frame last
      int from = Math.max(0, pythonFrames.size() - TOP_FRAMES);
      return List.copyOf(pythonFrames.subList(from, pythonFrames.size()).reversed());
    }
    return List.copyOf(frames);
  }

  String excerpt() {
    return excerpt.toString().stripTrailing();
  }

  /** What identifies the failure: exception, root cause and top frames, without values. */
  String signature() {
    return exception + " | " + rootCause + " | " + String.join(" < ", frames());
  }

  private void python(String line, String text) {
    if (text.startsWith("File \"")) {
      int quote = text.indexOf('"', 6);
      int in = text.lastIndexOf(", in ");
      String file = quote > 6 ? text.substring(6, quote) : "?";
      int slash = file.lastIndexOf('/');
      pythonFrames.add(
          file.substring(slash + 1) + (in > 0 ? ":" + text.substring(in + 5).strip() : ""));
      return;
    }
    if (!Character.isWhitespace(line.charAt(0))) {
      String name = pythonException(text);
      if (name != null && awaitingPythonException) {
        awaitingPythonException = false;
        // chained exceptions: the first printed is the root cause, the last is what was raised
        if (exception != null && rootCause == null) {
          rootCause = exception;
        }
        exception = name;
      }
    }
  }

  private void cause(String name) {
    if (exception == null) {
      exception = name;
    } else {
      rootCause = name;
    }
  }

  private void frame(String name) {
    if (frames.size() < TOP_FRAMES) {
      frames.add(name);
    }
  }

  private static String stripPrefix(String text) {
    if (text.startsWith("Caused by: ")) {
      return text.substring(11);
    }
    if (text.startsWith("Exception in thread ")) {
      int quote = text.indexOf('"', text.indexOf('"') + 1);
      return quote > 0 ? text.substring(quote + 1).strip() : text;
    }
    return text;
  }

  /**
   * The class of a Java exception line, {@code java.io.IOException: msg} or {@code com.x.FooError};
   * null when the line is not one.
   */
  static String javaException(String text) {
    return javaException(text, 0);
  }

  /** {@link #javaException(String)} of the text from {@code start}. */
  static String javaException(String text, int start) {
    int end = start;
    int dots = 0;
    while (end < text.length()) {
      char c = text.charAt(end);
      if (c == '.') {
        dots++;
      } else if (!Character.isJavaIdentifierPart(c)) {
        break;
      }
      end++;
    }
    if (end == start || dots == 0 || !Character.isJavaIdentifierStart(text.charAt(start))) {
      return null;
    }
    if (end < text.length() && text.charAt(end) != ':') {
      return null;
    }
    if (!(text.startsWith("Exception", end - 9)
        || text.startsWith("Error", end - 5)
        || text.startsWith("Throwable", end - 9))) {
      return null;
    }
    return text.substring(start, end);
  }

  /** {@code ValueError: msg}, {@code requests.exceptions.ConnectionError}: the exception's name. */
  private static String pythonException(String text) {
    int end = 0;
    while (end < text.length()
        && (Character.isLetterOrDigit(text.charAt(end))
            || text.charAt(end) == '_'
            || text.charAt(end) == '.')) {
      end++;
    }
    if (end == 0 || (end < text.length() && text.charAt(end) != ':')) {
      return null;
    }
    String name = text.substring(0, end);
    int dot = name.lastIndexOf('.');
    return dot + 1 < name.length() && Character.isUpperCase(name.charAt(dot + 1)) ? name : null;
  }

  /** {@code runtime error: index out of range [5] with length 3} -> {@code runtime error}. */
  private static String goPanicKind(String message) {
    int colon = message.indexOf(':');
    return (colon > 0 ? message.substring(0, colon) : String.join(" ", Masker.tokens(message)))
        .strip();
  }
}
