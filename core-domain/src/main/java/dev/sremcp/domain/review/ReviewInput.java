package dev.sremcp.domain.review;

import dev.sremcp.domain.text.BinaryInputException;
import dev.sremcp.domain.text.TextCheck;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The files of one review call: {@code content} with an optional {@code name}, or {@code files:
 * [{name, content}]}; and the rules the caller asked to skip ({@code ignore}). Refuses what cannot
 * be reviewed (nothing, binary data, more than the limit) with a message naming the limit.
 */
public final class ReviewInput {

  /** The most characters one review call reads, all files together. */
  public static final long MAX_CHARS = 8L * 1024 * 1024;

  /** The most files one review call reads. */
  public static final int MAX_FILES = 1_000;

  private static final int SNIFF_CHARS = 8_192;

  private final List<SourceFile> files;
  private final Set<String> ignored;

  private ReviewInput(List<SourceFile> files, Set<String> ignored) {
    this.files = List.copyOf(files);
    this.ignored = Set.copyOf(ignored);
  }

  /**
   * Reads the files of a call.
   *
   * @param defaultName the name of a {@code content} given without one, e.g. {@code Dockerfile}
   * @param rules the tool's rules, against whose ids {@code ignore} is checked
   */
  public static ReviewInput of(Arguments arguments, String defaultName, List<Rule> rules) {
    Set<String> known = new HashSet<>();
    rules.forEach(rule -> known.add(rule.id()));
    boolean content = arguments.has("content");
    boolean many = arguments.has("files");
    if (content == many) {
      throw new InvalidArgumentsException(
          content
              ? "give either content or files, not both"
              : "give content (the text to review) or files ([{name, content}])");
    }
    List<SourceFile> files = new ArrayList<>();
    long total = 0;
    if (content) {
      String name = arguments.string("name").filter(s -> !s.isBlank()).orElse(defaultName);
      files.add(new SourceFile(name, arguments.requiredString("content")));
    } else {
      List<Arguments> items = arguments.objects("files");
      if (items.isEmpty() || items.size() > MAX_FILES) {
        throw new InvalidArgumentsException(
            "files holds " + items.size() + " files; give 1 to " + MAX_FILES);
      }
      Set<String> names = new HashSet<>();
      for (Arguments item : items) {
        String name = item.requiredString("name");
        if (!names.add(name)) {
          throw new InvalidArgumentsException(
              item.qualified("name") + " repeats the file name '" + name + "'");
        }
        files.add(new SourceFile(name, item.requiredString("content")));
      }
    }
    for (SourceFile file : files) {
      total += file.text().length();
      if (total > MAX_CHARS) {
        throw new InvalidArgumentsException(
            "the files hold more than "
                + MAX_CHARS
                + " characters, the most one review reads; review them in smaller sets");
      }
      requireText(file);
    }
    Set<String> ignored = new HashSet<>(arguments.strings("ignore"));
    for (String id : ignored) {
      if (!known.contains(id)) {
        throw new InvalidArgumentsException(
            "ignore names '" + id + "', which is not a rule of this review; see docs/rules/");
      }
    }
    return new ReviewInput(files, ignored);
  }

  private static void requireText(SourceFile file) {
    String text = file.text();
    char[] head = text.substring(0, Math.min(text.length(), SNIFF_CHARS)).toCharArray();
    try {
      TextCheck.requireText(head, 0, head.length);
      if (text.indexOf('\0') >= 0) {
        throw new BinaryInputException("the input is binary data, not text: it holds a NUL byte");
      }
    } catch (BinaryInputException e) {
      throw new InvalidArgumentsException(file.name() + ": " + e.getMessage());
    }
  }

  public List<SourceFile> files() {
    return files;
  }

  /** True when the caller asked to skip this rule. */
  public boolean ignores(String ruleId) {
    return ignored.contains(ruleId);
  }

  /** The number of lines over all files. */
  public long lines() {
    long lines = 0;
    for (SourceFile file : files) {
      lines += file.lines();
    }
    return lines;
  }
}
