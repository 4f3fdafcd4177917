package dev.sremcp.domain.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits the shell script of a {@code RUN} into simple commands and their words, the way POSIX sh
 * reads them: quotes, escapes, {@code $(...)}, comments, and the {@code && || ; | &} operators.
 * Enough to tell which programs run with which options; not an interpreter.
 */
public final class Shell {

  /** Words that run the command after them rather than being the program. */
  private static final Set<String> WRAPPERS =
      Set.of("sudo", "env", "command", "exec", "time", "nohup", "xargs", "then", "do", "else", "!");

  /**
   * One simple command.
   *
   * @param words its words, quotes removed
   * @param pipedIn whether its standard input is the previous command's output
   * @param pipesOut whether its output goes to the next command
   */
  public record Command(List<String> words, boolean pipedIn, boolean pipesOut) {

    public Command {
      words = List.copyOf(words);
    }

    /** The index of the program's word: after {@code sudo}, {@code env} and assignments. */
    private int programIndex() {
      int i = 0;
      while (i < words.size()) {
        String word = words.get(i);
        if (WRAPPERS.contains(word) || word.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
          i++;
        } else if (i > 0 && words.get(i - 1).equals("sudo") && word.startsWith("-")) {
          i++;
        } else {
          break;
        }
      }
      return i;
    }

    /** The program run, its path stripped: {@code /usr/bin/apt-get} reads {@code apt-get}. */
    public String program() {
      int i = programIndex();
      if (i >= words.size()) {
        return "";
      }
      String word = words.get(i);
      return word.substring(word.lastIndexOf('/') + 1);
    }

    /** The words after the program. */
    public List<String> arguments() {
      int i = programIndex();
      return i + 1 >= words.size() ? List.of() : words.subList(i + 1, words.size());
    }

    /** True when the program is one of {@code programs}. */
    public boolean runs(String... programs) {
      String program = program();
      for (String candidate : programs) {
        if (candidate.equals(program)) {
          return true;
        }
      }
      return false;
    }

    /** True when the program is {@code program} and its first non-option word is {@code sub}. */
    public boolean invokes(String program, String sub) {
      return runs(program) && sub.equals(subcommand());
    }

    /**
     * The first argument that is not an option, e.g. {@code install} of {@code apt-get -y install}.
     */
    public String subcommand() {
      for (String argument : arguments()) {
        if (!argument.startsWith("-")) {
          return argument;
        }
      }
      return "";
    }

    /** True when an argument is one of the options given (a long option may carry {@code =}). */
    public boolean hasOption(String... options) {
      for (String argument : arguments()) {
        for (String option : options) {
          if (argument.equals(option)
              || (option.startsWith("--") && argument.startsWith(option + "="))) {
            return true;
          }
          if (option.length() == 2
              && option.charAt(0) == '-'
              && argument.matches("-[A-Za-z]+")
              && argument.indexOf(option.charAt(1)) > 0) {
            return true;
          }
        }
      }
      return false;
    }

    /** The arguments that are not options and come after the subcommand. */
    public List<String> operands() {
      List<String> operands = new ArrayList<>();
      boolean afterSubcommand = false;
      for (String argument : arguments()) {
        if (argument.startsWith("-")) {
          continue;
        }
        if (afterSubcommand) {
          operands.add(argument);
        } else {
          afterSubcommand = true;
        }
      }
      return operands;
    }

    @Override
    public String toString() {
      return String.join(" ", words);
    }
  }

  private Shell() {}

  /** The simple commands of a script, in order. */
  public static List<Command> commands(String script) {
    return split(script, true);
  }

  private static List<Command> split(String script, boolean operators) {
    List<Command> commands = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    boolean pipedIn = false;
    int n = script.length();
    for (int i = 0; i < n; i++) {
      char c = script.charAt(i);
      if (c == '\'' || c == '"') {
        int close = closing(script, i, c);
        word.append(unescape(script.substring(i + 1, close), c));
        inWord = true;
        i = close;
      } else if (c == '\\') {
        if (i + 1 < n && script.charAt(i + 1) != '\n') {
          word.append(script.charAt(i + 1));
          inWord = true;
        }
        i++;
      } else if (c == '$' && i + 1 < n && script.charAt(i + 1) == '(') {
        int close = balanced(script, i + 1);
        word.append(script, i, close + 1);
        inWord = true;
        i = close;
      } else if (c == '`') {
        int close = script.indexOf('`', i + 1);
        close = close < 0 ? n - 1 : close;
        word.append(script, i, close + 1);
        inWord = true;
        i = close;
      } else if (c == '#' && !inWord) {
        while (i + 1 < n && script.charAt(i + 1) != '\n') {
          i++;
        }
      } else if (c == ' ' || c == '\t' || (c == '\n' && !operators)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else if (operators
          && (c == '&' || c == '|' || c == ';' || c == '\n' || c == '(' || c == ')')) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        boolean pipe = c == '|' && (i + 1 >= n || script.charAt(i + 1) != '|');
        if ((c == '&' || c == '|') && i + 1 < n && script.charAt(i + 1) == c) {
          i++;
        } else if (c == '&' && i + 1 < n && script.charAt(i + 1) == '>') {
          word.append('&');
          inWord = true;
          continue;
        } else if (c == '|' && i + 1 < n && script.charAt(i + 1) == '&') {
          i++;
        }
        if (c == '&' && !words.isEmpty() && words.getLast().endsWith(">")) {
          word.append('&');
          inWord = true;
          continue;
        }
        if (!words.isEmpty()) {
          commands.add(new Command(words, pipedIn, pipe));
          words = new ArrayList<>();
        }
        pipedIn = pipe;
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    if (!words.isEmpty()) {
      commands.add(new Command(words, pipedIn, false));
    }
    return commands;
  }

  /** The words of one line, quotes removed, for ENV, ARG and LABEL. */
  public static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (Command command : split(text, false)) {
      words.addAll(command.words());
    }
    return words;
  }

  /** A value without its surrounding quotes. */
  static String unquote(String value) {
    if (value.length() >= 2
        && (value.charAt(0) == '"' || value.charAt(0) == '\'')
        && value.charAt(value.length() - 1) == value.charAt(0)) {
      return unescape(value.substring(1, value.length() - 1), value.charAt(0));
    }
    return value;
  }

  private static String unescape(String text, char quote) {
    if (quote == '\'' || text.indexOf('\\') < 0) {
      return text;
    }
    StringBuilder result = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
        result.append(text.charAt(++i));
      } else {
        result.append(c);
      }
    }
    return result.toString();
  }

  private static int closing(String script, int open, char quote) {
    for (int i = open + 1; i < script.length(); i++) {
      char c = script.charAt(i);
      if (c == '\\' && quote == '"') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return script.length();
  }

  private static int balanced(String script, int open) {
    int depth = 0;
    for (int i = open; i < script.length(); i++) {
      char c = script.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return script.length() - 1;
  }
}
