package dev.sremcp.domain.logs;

import dev.sremcp.domain.account.Tier;
import dev.sremcp.domain.format.Numbers;
import dev.sremcp.domain.logs.LogScan.TemplateStats;
import dev.sremcp.domain.logs.LogScan.TraceGroup;
import dev.sremcp.domain.logs.LogsDetails.Burst;
import dev.sremcp.domain.logs.LogsDetails.Histogram;
import dev.sremcp.domain.logs.LogsDetails.LogInput;
import dev.sremcp.domain.logs.LogsDetails.NewTemplates;
import dev.sremcp.domain.logs.LogsDetails.RateChange;
import dev.sremcp.domain.logs.LogsDetails.StackTraceGroup;
import dev.sremcp.domain.logs.LogsDetails.TemplateRow;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code analyze_logs}: turns a log of any size into templates ranked by importance, levels,
 * grouped stack traces, bursts, the error rate's largest rise, what is new after a marker (a
 * deploy), a histogram, and findings that cite lines; plus a bounded evidence pack for a model.
 * Deterministic.
 */
public final class LogsAnalyzer implements Analyzer {

  public static final String TOOL = "analyze_logs";
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;
  static final int MAX_BURSTS = 10;

  /** Below this many buckets with events, bursts and rate changes are not judged. */
  private static final int MIN_BUCKETS = 8;

  private static final Pattern ERROR_WORDS =
      Pattern.compile(
          "(?i)\\b(errors?|exceptions?|fail(s|ed|ure|ing)?|fatal|panic(ked)?|refused|denied|"
              + "time[ds]? ?out|unreachable|killed|oom|out of memory|abort(ed)?|crash(ed)?|"
              + "corrupt(ed)?|unable|cannot|could not|unavailable|rejected|segfault)\\b");

  private static final ToolDescriptor DESCRIPTOR =
      ToolDescriptor.withSchemasBeside(
          LogsAnalyzer.class,
          TOOL,
          "Log analysis: templates, errors, stack traces, bursts",
          "Mines a log of any format and size into templates (variable parts masked as <*>),"
              + " ranked with errors and rare events first, each with its count, first and last"
              + " line and an example; counts levels; folds multi-line events and groups Java,"
              + " Python and Go stack traces; finds bursts and the largest rise of the error rate;"
              + " with `after` (a line number or a time, e.g. a deploy), lists the templates first"
              + " seen after it; and draws a time histogram when lines carry timestamps.",
          Tier.FREE,
          true);

  @Override
  public ToolDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Analysis analyze(Arguments arguments, AnalysisContext context) {
    String name = arguments.string("name").filter(s -> !s.isBlank()).orElse("log");
    LineHeader header = arguments.string("format").map(LogsAnalyzer::format).orElse(null);
    Long afterLine = null;
    Instant afterTime = null;
    Object after = arguments.raw("after").orElse(null);
    if (after instanceof Number number) {
      if (number.doubleValue() < 0 || number.doubleValue() != Math.floor(number.doubleValue())) {
        throw new InvalidArgumentsException("after must be a line number of 0 or more: " + after);
      }
      afterLine = number.longValue();
    } else if (after instanceof String text) {
      afterTime = time(text);
    } else if (after != null) {
      throw new InvalidArgumentsException(
          "after must be a line number or an RFC 3339 time such as 2026-11-24T10:00:00Z");
    }
    int limit = limit(arguments);
    int offset = arguments.string("cursor").map(LogsAnalyzer::offset).orElse(0);

    Long line = afterLine;
    Instant time = afterTime;
    LogScan scan =
        TextInput.scan(
            "a log",
            () ->
                LogScan.of(
                    arguments.requiredText("content"),
                    new LogScan.Options(header, line, time),
                    context));
    if (scan.events() == 0) {
      throw new InvalidArgumentsException(
          "content holds no log lines"
              + (scan.lines() == 0 ? ": it is empty" : ": its " + scan.lines() + " lines are blank")
              + "; give the text of a log");
    }
    if (afterLine != null && afterLine >= scan.lines()) {
      throw new InvalidArgumentsException(
          "after is line " + afterLine + ", but the log has " + scan.lines() + " lines");
    }
    return new Report(scan, name, afterLine, afterTime, limit, offset).analysis();
  }

  private static LineHeader format(String format) {
    try {
      return LogFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new InvalidArgumentsException("format: " + e.getMessage());
    }
  }

  private static Instant time(String text) {
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidArgumentsException(
          "after must be a line number or an RFC 3339 time such as 2026-11-24T10:00:00Z; got '"
              + text
              + "'");
    }
  }

  private static int limit(Arguments arguments) {
    double limit = arguments.number("limit").orElse(DEFAULT_LIMIT);
    if (limit < 1 || limit > MAX_LIMIT || limit != Math.floor(limit)) {
      throw new InvalidArgumentsException(
          "limit must be a whole number from 1 to " + MAX_LIMIT + ": " + Numbers.plain(limit, 3));
    }
    return (int) limit;
  }

  static String cursor(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("logs:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (text.startsWith("logs:")) {
        int offset = Integer.parseInt(text.substring(5));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new InvalidArgumentsException(
        "cursor is not one analyze_logs returned; pass nextCursor from the previous result");
  }

  /** One analysis: the scan, read into ranked templates, signals and findings. */
  private static final class Report {
    private final LogScan scan;
    private final String file;
    private final int limit;
    private final int offset;
    private final Timestamps timestamps;
    private final List<TemplateStats> ranked;
    private final Set<Integer> withTraces = new HashSet<>();
    private final Set<Integer> bursting = new HashSet<>();
    private final Set<Integer> fresh = new HashSet<>();
    private final Map<Integer, Boolean> errorWords = new LinkedHashMap<>();
    private final List<TraceGroup> traces;
    private final int buckets;
    private final NewTemplates newTemplates;

    Report(LogScan scan, String file, Long afterLine, Instant afterTime, int limit, int offset) {
      this.scan = scan;
      this.file = file;
      this.limit = limit;
      this.offset = offset;
      this.timestamps = scan.timestamps();
      for (TemplateStats stats : scan.templates()) {
        errorWords.put(
            stats.template.id(),
            ERROR_WORDS.matcher(stats.template.text()).find()
                || ERROR_WORDS.matcher(stats.example).find());
      }
      this.traces =
          scan.traceGroups().stream()
              .sorted(Comparator.comparingLong((TraceGroup g) -> -g.count))
              .toList();
      traces.forEach(group -> withTraces.add(group.templateId));
      this.buckets = usedBuckets(scan.allEvents());
      this.newTemplates = newTemplates(afterLine, afterTime);
      this.ranked = scan.templates().stream().sorted(this::byImportance).toList();
    }

    Analysis analysis() {
      List<Burst> bursts = bursts();
      RateChange rateChange = rateChange();
      List<Finding> all = findings(bursts, rateChange);
      int findingsEnd = Math.min(all.size(), offset + limit);
      int templatesEnd = Math.min(ranked.size(), offset + limit);
      List<Finding> page = offset >= all.size() ? List.of() : all.subList(offset, findingsEnd);
      List<TemplateStats> templatePage =
          offset >= ranked.size() ? List.of() : ranked.subList(offset, templatesEnd);
      boolean more = findingsEnd < all.size() || templatesEnd < ranked.size();
      Truncation truncation =
          new Truncation(
              page.size(), limit, more, scan.lines(), more ? cursor(offset + limit) : null);
      List<StackTraceGroup> traceRows = traces.stream().limit(limit).map(this::traceRow).toList();
      LogsDetails details =
          new LogsDetails(
              input(),
              levels(),
              ranked.size(),
              templatePage.stream().map(this::row).toList(),
              traceRows,
              bursts,
              rateChange,
              newTemplates,
              histogram());
      return new Analysis(summary(bursts, rateChange), page, truncation, details);
    }

    /** Fatal, error, error-like (error words or a stack trace), warning, then the rest. */
    private int importanceClass(TemplateStats stats) {
      return switch (stats.worst) {
        case FATAL -> 0;
        case ERROR -> 1;
        case WARN -> errorLike(stats) ? 2 : 3;
        case UNKNOWN -> errorLike(stats) ? 2 : 4;
        default -> errorLike(stats) ? 3 : 4;
      };
    }

    private boolean errorLike(TemplateStats stats) {
      return withTraces.contains(stats.template.id()) || errorWords.get(stats.template.id());
    }

    private int byImportance(TemplateStats a, TemplateStats b) {
      int classes = Integer.compare(importanceClass(a), importanceClass(b));
      if (classes != 0) {
        return classes;
      }
      if (fresh.contains(a.template.id()) != fresh.contains(b.template.id())) {
        return fresh.contains(a.template.id()) ? -1 : 1;
      }
      // problems most frequent first; the ordinary rarest first
      int counts =
          importanceClass(a) < 4 ? Long.compare(b.count, a.count) : Long.compare(a.count, b.count);
      return counts != 0 ? counts : Long.compare(a.firstLine, b.firstLine);
    }

    private NewTemplates newTemplates(Long afterLine, Instant afterTime) {
      if (afterLine == null && afterTime == null) {
        return null;
      }
      Long firstLineAfter = afterLine != null ? Long.valueOf(afterLine + 1) : scan.boundaryLine();
      String marker = afterLine != null ? "line " + afterLine : afterTime.toString();
      if (firstLineAfter != null) {
        for (TemplateStats stats : scan.templates()) {
          if (stats.firstLine >= firstLineAfter && !stats.overflow) {
            fresh.add(stats.template.id());
          }
        }
      }
      List<Integer> ids =
          scan.templates().stream()
              .filter(stats -> fresh.contains(stats.template.id()))
              .sorted(this::byImportance)
              .map(stats -> stats.template.id())
              .limit(MAX_LIMIT)
              .toList();
      return new NewTemplates(marker, firstLineAfter, fresh.size(), ids);
    }

    private List<Burst> bursts() {
      if (buckets < MIN_BUCKETS) {
        return List.of();
      }
      List<Burst> found = new ArrayList<>();
      Burst errors = burst(null, "all errors", scan.errorEvents(), true);
      if (errors != null) {
        found.add(errors);
      }
      for (TemplateStats stats : scan.templates()) {
        if (stats.count < 10) {
          continue;
        }
        Burst burst =
            burst(
                stats.template.id(),
                stats.template.text(),
                stats.series,
                stats.worst.ordinal() <= Level.WARN.ordinal() || errorLike(stats));
        if (burst != null) {
          found.add(burst);
          bursting.add(stats.template.id());
        }
      }
      found.sort(Comparator.comparingDouble((Burst b) -> -b.factor() * Math.log1p(b.count())));
      return List.copyOf(found.subList(0, Math.min(MAX_BURSTS, found.size())));
    }

    /**
     * The bucket where {@code series} peaks, when the peak is at least 10 events and 5 times the
     * mean of the other buckets; a template below warning without error words must also occur in
     * three buckets, so a one-off batch (start-up messages) is not a burst.
     */
    private Burst burst(Integer id, String template, int[] series, boolean problem) {
      int peak = 0;
      long sum = 0;
      int occupied = 0;
      for (int i = 0; i < buckets; i++) {
        sum += series[i];
        if (series[i] > 0) {
          occupied++;
        }
        if (series[i] > series[peak]) {
          peak = i;
        }
      }
      if (series[peak] < 10 || (!problem && occupied < 3)) {
        return null;
      }
      double typical = (double) (sum - series[peak]) / (buckets - 1);
      double factor = series[peak] / Math.max(typical, 1.0);
      if (factor < 5) {
        return null;
      }
      return new Burst(
          id,
          template,
          coordinate(peak),
          coordinate(peak + 1),
          series[peak],
          Numbers.round(typical),
          Numbers.round(factor));
    }

    /** The split of the error series with the largest sustained rise: 3 times, 10 errors after. */
    private RateChange rateChange() {
      if (buckets < MIN_BUCKETS) {
        return null;
      }
      int[] errors = scan.errorEvents();
      long total = 0;
      for (int i = 0; i < buckets; i++) {
        total += errors[i];
      }
      long before = 0;
      double bestFactor = 0;
      int bestSplit = -1;
      for (int split = 1; split < buckets; split++) {
        before += errors[split - 1];
        if (split < 2 || buckets - split < 2) {
          continue;
        }
        long after = total - before;
        double meanBefore = (double) before / split;
        double meanAfter = (double) after / (buckets - split);
        double factor = meanAfter / Math.max(meanBefore, 0.5);
        if (after >= 10 && factor >= 3 && factor > bestFactor) {
          bestFactor = factor;
          bestSplit = split;
        }
      }
      if (bestSplit < 0) {
        return null;
      }
      long beforeSum = 0;
      for (int i = 0; i < bestSplit; i++) {
        beforeSum += errors[i];
      }
      return new RateChange(
          coordinate(bestSplit),
          timestamps == null ? scan.timeline().width() + " lines" : scan.timeline().width() + " s",
          Numbers.round((double) beforeSum / bestSplit),
          Numbers.round((double) (total - beforeSum) / (buckets - bestSplit)),
          Numbers.round(bestFactor));
    }

    private Histogram histogram() {
      if (timestamps == null || scan.timeline().isEmpty()) {
        return null;
      }
      List<Histogram.Bucket> rows = new ArrayList<>(buckets);
      for (int i = 0; i < buckets; i++) {
        rows.add(new Histogram.Bucket(coordinate(i), scan.allEvents()[i], scan.errorEvents()[i]));
      }
      return new Histogram(scan.timeline().width(), rows);
    }

    private String coordinate(int bucket) {
      long value = scan.timeline().origin() + bucket * scan.timeline().width();
      return timestamps == null ? "line " + value : timestamps.render(value);
    }

    private static int usedBuckets(int[] series) {
      for (int i = series.length - 1; i >= 0; i--) {
        if (series[i] > 0) {
          return i + 1;
        }
      }
      return 0;
    }

    private List<Finding> findings(List<Burst> bursts, RateChange rateChange) {
      List<Finding> findings = new ArrayList<>();
      if (rateChange != null) {
        findings.add(
            Finding.rule(
                "logs.error-rate-rise",
                rateChange.factor() >= 10 ? Severity.HIGH : Severity.MEDIUM,
                "Error rate rose "
                    + Numbers.plain(rateChange.factor(), 1)
                    + "x at "
                    + rateChange.at(),
                "Errors went from "
                    + Numbers.plain(rateChange.before(), 2)
                    + " to "
                    + Numbers.plain(rateChange.after(), 2)
                    + " per "
                    + rateChange.bucket()
                    + " from "
                    + rateChange.at()
                    + " on.",
                List.of(Evidence.of(file, "errors by " + rateChange.bucket() + " bucket")),
                "Look at what changed around "
                    + rateChange.at()
                    + ": a deploy, a config change"
                    + " or a dependency."));
      }
      for (TemplateStats stats : ranked) {
        Finding finding = templateFinding(stats);
        if (finding != null) {
          findings.add(finding);
        }
      }
      for (TraceGroup group : traces) {
        findings.add(
            Finding.rule(
                "logs.stack-trace",
                Severity.MEDIUM,
                group.count + "x " + (group.exception == null ? "stack trace" : group.exception),
                "A stack trace"
                    + (group.rootCause == null ? "" : " caused by " + group.rootCause)
                    + (group.frames.isEmpty() ? "" : ", thrown at " + group.frames.getFirst())
                    + ", "
                    + times(group.count)
                    + ", first at line "
                    + group.firstLine
                    + ", last at line "
                    + group.lastLine
                    + ".",
                List.of(
                    Evidence.atLines(
                        file, line(group.firstLine), line(group.firstEndLine), group.excerpt)),
                null));
      }
      for (Burst burst : bursts) {
        findings.add(
            Finding.rule(
                "logs.burst",
                burst.templateId() == null ? Severity.MEDIUM : Severity.LOW,
                burst.count() + "x " + clip(burst.template(), 100) + " in one burst",
                "From "
                    + burst.from()
                    + " to "
                    + burst.to()
                    + " it came "
                    + burst.count()
                    + " times, "
                    + Numbers.plain(burst.factor(), 1)
                    + "x the typical "
                    + Numbers.plain(burst.typical(), 2)
                    + " per bucket.",
                List.of(Evidence.of(file, burst.template())),
                null));
      }
      if (scan.cutLines() > 0) {
        findings.add(
            info(
                "logs.lines-cut",
                scan.cutLines() + " lines were cut",
                scan.cutLines()
                    + " lines are longer than "
                    + maxLineChars()
                    + " characters (the longest has "
                    + scan.longestLine()
                    + "); only their first "
                    + maxLineChars()
                    + " characters were analyzed."));
      }
      if (scan.replacements() > 0) {
        findings.add(
            info(
                "logs.invalid-encoding",
                scan.replacements() + " characters were not valid UTF-8",
                "They were read as U+FFFD; the rest of the log was analyzed."));
      }
      if (scan.overflowed() > 0) {
        findings.add(
            info(
                "logs.template-limit",
                "The template limit was reached",
                scan.overflowed()
                    + " events came after the log had 10,000 templates and are counted in one"
                    + " catch-all template."));
      }
      return findings;
    }

    private Finding templateFinding(TemplateStats stats) {
      boolean isNew = fresh.contains(stats.template.id());
      int importance = importanceClass(stats);
      Severity severity;
      String rule;
      if (importance <= 2 && isNew) {
        rule = "logs.new-error";
        severity = Severity.HIGH;
      } else if (importance == 0) {
        rule = "logs.fatal";
        severity = Severity.HIGH;
      } else if (importance == 1) {
        rule = "logs.error";
        severity = Severity.MEDIUM;
      } else if (importance == 2) {
        rule = "logs.error-like";
        severity = Severity.LOW;
      } else if (stats.worst == Level.WARN) {
        rule = isNew ? "logs.new-warning" : "logs.warning";
        severity = isNew ? Severity.MEDIUM : Severity.LOW;
      } else if (isNew) {
        rule = "logs.new-template";
        severity = Severity.INFO;
      } else {
        return null;
      }
      String template = stats.template.text();
      return Finding.rule(
          rule,
          severity,
          stats.count + "x " + clip(template, 120),
          (isNew ? "First seen after " + newTemplates.after() + ": " : "")
              + stats.count
              + " "
              + (stats.count == 1 ? "event" : "events")
              + (stats.worst == Level.UNKNOWN ? "" : " at level " + stats.worst.id())
              + ", first at line "
              + stats.firstLine
              + (stats.firstTime == Long.MIN_VALUE || timestamps == null
                  ? ""
                  : " (" + timestamps.render(stats.firstTime) + ")")
              + ", last at line "
              + stats.lastLine
              + (stats.lastTime == Long.MIN_VALUE || timestamps == null
                  ? ""
                  : " (" + timestamps.render(stats.lastTime) + ")")
              + ". Template: "
              + clip(template, 400),
          List.of(Evidence.atLine(file, line(stats.firstLine), stats.example)),
          null);
    }

    private Finding info(String rule, String title, String message) {
      return Finding.rule(
          rule, Severity.INFO, title, message, List.of(Evidence.of(file, title)), null);
    }

    private static int maxLineChars() {
      return dev.sremcp.domain.text.LineReader.DEFAULT_MAX_CHARS;
    }

    private TemplateRow row(TemplateStats stats) {
      List<String> signals = new ArrayList<>(4);
      if (errorWords.get(stats.template.id())) {
        signals.add("error-words");
      }
      if (withTraces.contains(stats.template.id())) {
        signals.add("stack-trace");
      }
      if (bursting.contains(stats.template.id())) {
        signals.add("burst");
      }
      if (fresh.contains(stats.template.id())) {
        signals.add("new");
      }
      return new TemplateRow(
          stats.template.id(),
          stats.template.text(),
          stats.count,
          stats.worst.id(),
          stats.errors,
          stats.firstLine,
          stats.lastLine,
          render(stats.firstTime),
          render(stats.lastTime),
          stats.example,
          signals);
    }

    private StackTraceGroup traceRow(TraceGroup group) {
      return new StackTraceGroup(
          group.exception,
          group.rootCause,
          group.frames,
          group.count,
          group.firstLine,
          group.lastLine,
          group.templateId,
          group.excerpt);
    }

    private LogInput input() {
      return new LogInput(
          scan.lines(),
          scan.events(),
          scan.blankLines(),
          scan.characters(),
          scan.header().toString(),
          timestamps == null ? null : timestamps.toString(),
          render(scan.firstTime()),
          render(scan.lastTime()),
          scan.cutLines(),
          maxLineChars(),
          scan.longestLine(),
          scan.replacements(),
          scan.overflowed(),
          scan.tracesOverflowed());
    }

    private Map<String, Long> levels() {
      Map<String, Long> levels = new LinkedHashMap<>();
      for (Level level : Level.values()) {
        levels.put(level.id(), scan.levelCount(level));
      }
      return levels;
    }

    private String render(long epochSecond) {
      return epochSecond == Long.MIN_VALUE || timestamps == null
          ? null
          : timestamps.render(epochSecond);
    }

    private String summary(List<Burst> bursts, RateChange rateChange) {
      long errors = scan.levelCount(Level.ERROR) + scan.levelCount(Level.FATAL);
      StringBuilder summary =
          new StringBuilder().append(scan.lines()).append(scan.lines() == 1 ? " line" : " lines");
      if (scan.events() != scan.lines()) {
        summary.append(" (").append(scan.events()).append(" events)");
      }
      if (scan.firstTime() != Long.MIN_VALUE) {
        summary
            .append(" from ")
            .append(render(scan.firstTime()))
            .append(" to ")
            .append(render(scan.lastTime()));
      }
      summary
          .append(": ")
          .append(errors)
          .append(errors == 1 ? " error" : " errors")
          .append(" and ")
          .append(scan.levelCount(Level.WARN))
          .append(scan.levelCount(Level.WARN) == 1 ? " warning in " : " warnings in ")
          .append(ranked.size())
          .append(ranked.size() == 1 ? " template" : " templates");
      int kinds = traces.size();
      if (kinds > 0) {
        summary
            .append(", ")
            .append(kinds)
            .append(kinds == 1 ? " kind" : " kinds")
            .append(" of stack trace");
      }
      if (!bursts.isEmpty()) {
        summary
            .append(", ")
            .append(bursts.size())
            .append(bursts.size() == 1 ? " burst" : " bursts");
      }
      if (rateChange != null) {
        summary
            .append("; the error rate rose ")
            .append(Numbers.plain(rateChange.factor(), 1))
            .append("x at ")
            .append(rateChange.at());
      }
      if (newTemplates != null) {
        summary
            .append("; ")
            .append(newTemplates.count())
            .append(" templates new after ")
            .append(newTemplates.after());
      }
      if (!ranked.isEmpty() && importanceClass(ranked.getFirst()) <= 2) {
        TemplateStats top = ranked.getFirst();
        summary
            .append(". Top problem: \"")
            .append(clip(top.template.text(), 120))
            .append("\" (")
            .append(top.count)
            .append("x)");
      }
      return summary.append('.').toString();
    }

    private static String times(long count) {
      return count == 1 ? "once" : count + " times";
    }

    private static int line(long number) {
      return (int) Math.min(Integer.MAX_VALUE, Math.max(1, number));
    }

    private static String clip(String text, int chars) {
      return text.length() <= chars ? text : text.substring(0, chars) + "...";
    }
  }
}
