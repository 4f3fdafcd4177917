package dev.sremcp.domain.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An explicit line header, in the notation LogPAI's tools use: fields in angle brackets, the
 * message in {@code <Content>}, the text between them literal except that runs of spaces match any
 * whitespace and regular-expression syntax is allowed ({@code \[<Pid>\]}, {@code (...)?}). For
 * example {@code <Date> <Time> <Level> <Component>: <Content>}.
 */
public final class LogFormat implements LineHeader {

  private static final Pattern FIELD = Pattern.compile("<([A-Za-z][A-Za-z0-9]*)>");

  private final String source;
  private final Pattern pattern;
  private final List<String> fields;

  private LogFormat(String source, Pattern pattern, List<String> fields) {
    this.source = source;
    this.pattern = pattern;
    this.fields = fields;
  }

  /**
   * @throws IllegalArgumentException when the format has no {@code <Content>} field or is not a
   *     valid pattern
   */
  public static LogFormat parse(String format) {
    StringBuilder regex = new StringBuilder("^");
    List<String> fields = new ArrayList<>();
    Matcher matcher = FIELD.matcher(format);
    int last = 0;
    while (matcher.find()) {
      regex.append(format.substring(last, matcher.start()).replaceAll(" +", "\\\\s+"));
      String field = matcher.group(1);
      if (fields.contains(field)) {
        throw new IllegalArgumentException("the log format names <" + field + "> twice");
      }
      fields.add(field);
      regex.append("(?<").append(field).append(">.*?)");
      last = matcher.end();
    }
    regex.append(format.substring(last).replaceAll(" +", "\\\\s+")).append("$");
    if (!fields.contains("Content")) {
      throw new IllegalArgumentException(
          "the log format has no <Content> field, so the message cannot be found: " + format);
    }
    try {
      return new LogFormat(format, Pattern.compile(regex.toString()), List.copyOf(fields));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "the log format is not a valid pattern: " + e.getDescription(), e);
    }
  }

  /** The header fields and the message of {@code line}, or empty when the line does not fit. */
  public Optional<Map<String, String>> fields(String line) {
    Matcher matcher = pattern.matcher(line);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : fields) {
      String value = matcher.group(field);
      values.put(field, value == null ? "" : value);
    }
    return Optional.of(values);
  }

  @Override
  public String message(String line) {
    Matcher matcher = pattern.matcher(line);
    if (!matcher.matches()) {
      return line;
    }
    String content = matcher.group("Content");
    return content == null ? "" : content;
  }

  @Override
  public String toString() {
    return source;
  }
}
