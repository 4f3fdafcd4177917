package dev.sremcp.domain.logs;

import dev.sremcp.domain.format.Numbers;
import dev.sremcp.domain.report.ToolDetails;
import dev.sremcp.domain.text.LineBudget;
import java.util.List;
import java.util.Map;

/**
 * What {@code analyze_logs} adds beside the common result fields.
 *
 * @param log what was read, and how its lines were understood
 * @param levels events by declared level, most severe first
 * @param templatesTotal how many templates the log has; {@code templates} holds one page of them
 * @param templates the templates, most important first: fatal, error, error words or stack traces,
 *     warnings (each most frequent first), then the rest rarest first
 * @param errorRateChange the largest sustained rise of the error rate, or null when there is none
 * @param newTemplates templates first seen after the {@code after} marker, or null without one
 * @param histogram events and errors over time, or null when the lines carry no timestamps
 */
public record LogsDetails(
    LogInput log,
    Map<String, Long> levels,
    int templatesTotal,
    List<TemplateRow> templates,
    List<StackTraceGroup> stackTraces,
    List<Burst> bursts,
    RateChange errorRateChange,
    NewTemplates newTemplates,
    Histogram histogram)
    implements ToolDetails {

  /** About four thousand tokens: what a local model's prompt can hold beside its instructions. */
  public static final int EVIDENCE_PACK_CHARS = 12_000;

  public LogsDetails {
    levels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(levels));
    templates = List.copyOf(templates);
    stackTraces = List.copyOf(stackTraces);
    bursts = List.copyOf(bursts);
  }

  /**
   * What was read.
   *
   * @param header how line headers were found: the given format, or what was detected
   * @param timestampFormat the timestamps' format, or null when lines carry none
   * @param from the earliest time, ISO 8601 in UTC (or {@code Jul 01 09:00:55} for formats without
   *     a year); null without timestamps
   * @param cutLines lines longer than {@code maxLineChars}, of which the rest was not read
   * @param invalidCharacters characters that were not valid UTF-8, read as U+FFFD
   * @param templatesOverflowed events past the template limit, counted in one catch-all template
   */
  public record LogInput(
      long lines,
      long events,
      long blankLines,
      long characters,
      String header,
      String timestampFormat,
      String from,
      String to,
      long cutLines,
      int maxLineChars,
      long longestLine,
      long invalidCharacters,
      long templatesOverflowed,
      long stackTracesOverflowed) {}

  /**
   * One template.
   *
   * @param level the most severe level its events declare
   * @param signals why it stands out: {@code error-words}, {@code stack-trace}, {@code burst},
   *     {@code new}
   */
  public record TemplateRow(
      int id,
      String template,
      long count,
      String level,
      long errors,
      long firstLine,
      long lastLine,
      String firstTime,
      String lastTime,
      String example,
      List<String> signals) {

    public TemplateRow {
      signals = List.copyOf(signals);
    }
  }

  /** Stack traces with the same exception, root cause and top frames. */
  public record StackTraceGroup(
      String exception,
      String rootCause,
      List<String> frames,
      long count,
      long firstLine,
      long lastLine,
      int templateId,
      String excerpt) {

    public StackTraceGroup {
      frames = List.copyOf(frames);
    }
  }

  /**
   * A bucket where a template (or all errors, with {@code templateId} null) came far more often
   * than in the others.
   *
   * @param from the bucket's start: a time, or {@code line N} for logs without timestamps
   * @param typical the mean count of the other buckets
   */
  public record Burst(
      Integer templateId,
      String template,
      String from,
      String to,
      long count,
      double typical,
      double factor) {}

  /** The error rate stepped up at {@code at}: mean errors per bucket before and after. */
  public record RateChange(String at, String bucket, double before, double after, double factor) {}

  /**
   * Templates first seen after the marker.
   *
   * @param firstLineAfter the first line after the marker, or null when the log never gets there
   */
  public record NewTemplates(
      String after, Long firstLineAfter, int count, List<Integer> templateIds) {

    public NewTemplates {
      templateIds = List.copyOf(templateIds);
    }
  }

  /** Events and errors per bucket of {@code bucketSeconds}, from the first timestamp. */
  public record Histogram(long bucketSeconds, List<Bucket> buckets) {

    public Histogram {
      buckets = List.copyOf(buckets);
    }

    public record Bucket(String start, long events, long errors) {}
  }

  @Override
  public String toMarkdown() {
    StringBuilder text = new StringBuilder();
    text.append("| level | events |\n|---|---|\n");
    levels.forEach(
        (level, count) -> {
          if (count > 0) {
            text.append("| ").append(level).append(" | ").append(count).append(" |\n");
          }
        });
    if (!templates.isEmpty()) {
      text.append("\n## Templates (")
          .append(templates.size())
          .append(" of ")
          .append(templatesTotal)
          .append(")\n\n| # | count | level | lines | template |\n|---|---|---|---|---|\n");
      for (TemplateRow row : templates) {
        text.append("| ")
            .append(row.id())
            .append(" | ")
            .append(row.count())
            .append(" | ")
            .append(row.level())
            .append(" | ")
            .append(row.firstLine())
            .append(row.lastLine() == row.firstLine() ? "" : "-" + row.lastLine())
            .append(" | `")
            .append(cell(row.template()))
            .append('`')
            .append(row.signals().isEmpty() ? "" : " (" + String.join(", ", row.signals()) + ")")
            .append(" |\n");
      }
    }
    if (!stackTraces.isEmpty()) {
      text.append("\n## Stack traces\n");
      for (StackTraceGroup trace : stackTraces) {
        text.append("\n- ")
            .append(trace.count())
            .append("x `")
            .append(trace.exception())
            .append('`')
            .append(trace.rootCause() == null ? "" : ", caused by `" + trace.rootCause() + "`")
            .append(", lines ")
            .append(trace.firstLine())
            .append(trace.lastLine() == trace.firstLine() ? "" : " to " + trace.lastLine())
            .append(trace.frames().isEmpty() ? "" : ", at " + String.join(" < ", trace.frames()));
      }
      text.append('\n');
    }
    if (!bursts.isEmpty()) {
      text.append("\n## Bursts\n");
      for (Burst burst : bursts) {
        text.append("\n- ")
            .append(burst.count())
            .append("x `")
            .append(burst.template())
            .append("` from ")
            .append(burst.from())
            .append(" to ")
            .append(burst.to())
            .append(" (")
            .append(Numbers.plain(burst.factor(), 1))
            .append("x the typical ")
            .append(Numbers.plain(burst.typical(), 2))
            .append(")");
      }
      text.append('\n');
    }
    if (newTemplates != null) {
      text.append("\n## New after ")
          .append(newTemplates.after())
          .append("\n\n")
          .append(newTemplates.count())
          .append(" templates first seen after it")
          .append(
              newTemplates.templateIds().isEmpty()
                  ? "."
                  : ": #"
                      + String.join(
                          ", #", newTemplates.templateIds().stream().map(String::valueOf).toList())
                      + ".")
          .append('\n');
    }
    if (histogram != null && !histogram.buckets().isEmpty()) {
      long peak = histogram.buckets().stream().mapToLong(Histogram.Bucket::events).max().orElse(1);
      text.append("\n## Histogram (")
          .append(histogram.bucketSeconds())
          .append(" s buckets)\n\n```\n");
      for (Histogram.Bucket bucket : histogram.buckets()) {
        int bar = (int) Math.round(40.0 * bucket.events() / Math.max(1, peak));
        text.append(bucket.start())
            .append(' ')
            .append("#".repeat(bar))
            .append(' ')
            .append(bucket.events())
            .append(bucket.errors() > 0 ? " (" + bucket.errors() + " errors)" : "")
            .append('\n');
      }
      text.append("```\n");
    }
    return text.toString();
  }

  /**
   * The facts a language model needs to explain this log, in at most {@link #EVIDENCE_PACK_CHARS}
   * characters whatever the log's size: its shape, levels, the most important templates with an
   * example each, stack traces, bursts, the error-rate change and what is new after the marker.
   */
  @Override
  public String evidence() {
    LineBudget pack = new LineBudget(EVIDENCE_PACK_CHARS);
    pack.line(
        "log: "
            + log.lines()
            + " lines, "
            + log.events()
            + " events"
            + (log.from() == null ? "" : ", " + log.from() + " to " + log.to()));
    pack.line("levels: " + levels);
    if (errorRateChange != null) {
      pack.line(
          "error rate rose at "
              + errorRateChange.at()
              + " from "
              + Numbers.plain(errorRateChange.before(), 2)
              + " to "
              + Numbers.plain(errorRateChange.after(), 2)
              + " per "
              + errorRateChange.bucket());
    }
    if (newTemplates != null) {
      pack.line("new after " + newTemplates.after() + ": templates " + newTemplates.templateIds());
    }
    pack.line("templates (" + templatesTotal + " in all, most important first):");
    for (TemplateRow row : templates) {
      pack.line(
          "#"
              + row.id()
              + " "
              + row.count()
              + "x "
              + row.level()
              + (row.signals().isEmpty() ? "" : " " + row.signals())
              + " lines "
              + row.firstLine()
              + "-"
              + row.lastLine()
              + ": "
              + clip(row.template(), 200)
              + " | e.g. "
              + clip(row.example(), 240));
    }
    for (StackTraceGroup trace : stackTraces) {
      pack.line(
          "stack trace "
              + trace.count()
              + "x "
              + trace.exception()
              + (trace.rootCause() == null ? "" : " caused by " + trace.rootCause())
              + " at "
              + trace.frames()
              + " (first at line "
              + trace.firstLine()
              + "):\n"
              + clip(trace.excerpt(), 600));
    }
    for (Burst burst : bursts) {
      pack.line(
          "burst: "
              + burst.count()
              + "x "
              + clip(burst.template(), 160)
              + " from "
              + burst.from()
              + " to "
              + burst.to()
              + ", "
              + Numbers.plain(burst.factor(), 1)
              + "x typical");
    }
    return pack.text();
  }

  private static String clip(String text, int chars) {
    return text.length() <= chars ? text : text.substring(0, chars) + "...";
  }

  private static String cell(String text) {
    return clip(text, 160).replace("|", "\\|").replace("`", "'");
  }
}
