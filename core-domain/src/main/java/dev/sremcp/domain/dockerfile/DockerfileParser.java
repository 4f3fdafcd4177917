package dev.sremcp.domain.dockerfile;

import dev.sremcp.domain.tree.ListNode;
import dev.sremcp.domain.tree.Node;
import dev.sremcp.domain.tree.ScalarNode;
import dev.sremcp.domain.tree.Yaml;
import dev.sremcp.domain.tree.YamlException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a Dockerfile the way BuildKit's front end does, keeping lines for every instruction. */
final class DockerfileParser {

  private static final Pattern DIRECTIVE = Pattern.compile("#\\s*([a-zA-Z]+)\\s*=\\s*(\\S.*)");
  private static final Pattern IGNORE =
      Pattern.compile("#\\s*(?:sre-mcp|hadolint)\\s+ignore\\s*=\\s*([\\w.,\\s-]+)");
  private static final Pattern HEREDOC = Pattern.compile("<<(-?)([\"']?)([A-Za-z0-9_]+)\\2");
  private static final Pattern FROM =
      Pattern.compile("(\\S+)(?:\\s+(?i:as)\\s+(\\S+))?\\s*", Pattern.DOTALL);

  private DockerfileParser() {}

  static Dockerfile parse(String text) {
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    Map<String, String> directives = new LinkedHashMap<>();
    int i = 0;
    while (i < lines.length) {
      Matcher directive = DIRECTIVE.matcher(lines[i].strip());
      if (!directive.matches()) {
        break;
      }
      directives.put(directive.group(1).toLowerCase(Locale.ROOT), directive.group(2).strip());
      i++;
    }
    char escape = "`".equals(directives.get("escape")) ? '`' : '\\';
    List<Instruction> instructions = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    while (i < lines.length) {
      String stripped = lines[i].strip();
      if (stripped.isEmpty()) {
        i++;
        continue;
      }
      if (stripped.startsWith("#")) {
        Matcher ignore = IGNORE.matcher(stripped);
        if (ignore.lookingAt()) {
          for (String id : ignore.group(1).split("[,\\s]+")) {
            if (!id.isBlank()) {
              ignored.add(id.strip());
            }
          }
        }
        i++;
        continue;
      }
      int start = i + 1;
      StringBuilder logical = new StringBuilder();
      String current = lines[i];
      while (true) {
        String trimmed = current.stripTrailing();
        if (!trimmed.isEmpty() && trimmed.charAt(trimmed.length() - 1) == escape) {
          logical.append(trimmed, 0, trimmed.length() - 1);
          i++;
          while (i < lines.length
              && (lines[i].isBlank() || lines[i].stripLeading().startsWith("#"))) {
            i++;
          }
          if (i >= lines.length) {
            i--;
            break;
          }
          current = lines[i];
        } else {
          logical.append(current);
          break;
        }
      }
      int end = i + 1;
      i++;
      String line = logical.toString().strip();
      int space = indexOfSpace(line);
      String keyword = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
      String arguments = space < 0 ? "" : line.substring(space).strip();
      List<Instruction.Heredoc> heredocs = new ArrayList<>();
      if (keyword.equals("RUN") || keyword.equals("COPY") || keyword.equals("ADD")) {
        Matcher heredoc = HEREDOC.matcher(arguments);
        while (heredoc.find()) {
          boolean trimTabs = !heredoc.group(1).isEmpty();
          String delimiter = heredoc.group(3);
          StringBuilder body = new StringBuilder();
          int bodyLine = i + 1;
          while (i < lines.length) {
            String bodyText = trimTabs ? lines[i].replaceFirst("^\t+", "") : lines[i];
            i++;
            if (bodyText.equals(delimiter)) {
              break;
            }
            body.append(bodyText).append('\n');
          }
          end = i;
          heredocs.add(new Instruction.Heredoc(delimiter, body.toString(), bodyLine));
        }
      }
      Map<String, String> flags = new LinkedHashMap<>();
      String rest = arguments;
      while (rest.startsWith("--")) {
        int stop = indexOfSpace(rest);
        String flag = stop < 0 ? rest.substring(2) : rest.substring(2, stop);
        int equals = flag.indexOf('=');
        flags.put(
            (equals < 0 ? flag : flag.substring(0, equals)).toLowerCase(Locale.ROOT),
            equals < 0 ? "" : flag.substring(equals + 1));
        rest = stop < 0 ? "" : rest.substring(stop).strip();
      }
      instructions.add(
          new Instruction(
              keyword,
              arguments,
              flags,
              rest,
              exec(rest),
              heredocs,
              start,
              Math.max(start, end),
              ignored));
      ignored = new ArrayList<>();
    }
    return stages(directives, instructions);
  }

  private static Dockerfile stages(Map<String, String> directives, List<Instruction> all) {
    Map<String, String> globalArgs = new LinkedHashMap<>();
    List<Stage> stages = new ArrayList<>();
    Instruction from = null;
    List<Instruction> body = new ArrayList<>();
    for (Instruction instruction : all) {
      if (instruction.is("FROM")) {
        if (from != null) {
          stages.add(stage(stages.size(), from, body, globalArgs));
        }
        from = instruction;
        body = new ArrayList<>();
      } else if (from == null) {
        if (instruction.is("ARG")) {
          Substitution.declare(instruction.rest(), globalArgs);
        }
      } else {
        body.add(instruction);
      }
    }
    if (from != null) {
      stages.add(stage(stages.size(), from, body, globalArgs));
    }
    return new Dockerfile(directives, all, stages, globalArgs);
  }

  private static Stage stage(
      int index, Instruction from, List<Instruction> body, Map<String, String> args) {
    Matcher matcher = FROM.matcher(from.rest());
    String image = "";
    String name = null;
    if (matcher.matches()) {
      image = Substitution.expand(matcher.group(1), args);
      name = matcher.group(2) == null ? null : matcher.group(2).toLowerCase(Locale.ROOT);
    }
    return new Stage(index, name, image, from, body);
  }

  /** The exec form's words, when the text is a JSON array of strings. */
  private static List<String> exec(String rest) {
    if (!rest.startsWith("[")) {
      return null;
    }
    try {
      Node node = Yaml.parse(rest);
      if (!(node instanceof ListNode list)) {
        return null;
      }
      List<String> words = new ArrayList<>();
      for (Node item : list.items()) {
        if (!(item instanceof ScalarNode word) || word.style() != ScalarNode.Style.DOUBLE_QUOTED) {
          return null;
        }
        words.add(word.value());
      }
      return words;
    } catch (YamlException e) {
      return null;
    }
  }

  private static int indexOfSpace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
