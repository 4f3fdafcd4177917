package dev.sremcp.domain.logs;

import dev.sremcp.domain.text.LineReader;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.TextSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over a log of any size: lines are read in bounded memory, multi-line events (stack
 * traces, continuation lines) folded into one, each event's level, time and template recorded, and
 * stack traces grouped by signature. What it keeps grows with the number of templates and trace
 * groups, both bounded, never with the input.
 */
final class LogScan {

  /** Lines read ahead to learn the header, the timestamps and how events continue. */
  static final int SAMPLE_LINES = 1_000;

  /** The most lines one event folds; a longer run starts a new event. */
  static final int MAX_EVENT_LINES = 500;

  static final int MAX_TRACE_GROUPS = 1_000;
  static final int EXAMPLE_CHARS = 300;

  /**
   * What to look for besides the log itself.
   *
   * @param header the line header, or null to detect it
   * @param afterLine report templates first seen after this line, or null
   * @param afterTime report templates first seen after this time, or null
   */
  record Options(LineHeader header, Long afterLine, Instant afterTime) {}

  /** What one template gathered. */
  static final class TemplateStats {
    final TemplateMiner.Template template;
    final String example;
    final long firstLine;
    final int[] series;
    long count;
    long errors;
    long lastLine;
    long firstTime = Long.MIN_VALUE;
    long lastTime = Long.MIN_VALUE;
    Level worst = Level.UNKNOWN;
    boolean overflow;

    TemplateStats(TemplateMiner.Template template, String example, long firstLine, int[] series) {
      this.template = template;
      this.example = example;
      this.firstLine = firstLine;
      this.series = series;
    }
  }

  /** Stack traces with one signature. */
  static final class TraceGroup {
    final String exception;
    final String rootCause;
    final List<String> frames;
    final String excerpt;
    final long firstLine;
    final long firstEndLine;
    final int templateId;
    long count;
    long lastLine;

    TraceGroup(Trace trace, long firstLine, long endLine, int templateId) {
      this.exception = trace.exception();
      this.rootCause = trace.rootCause();
      this.frames = trace.frames();
      this.excerpt = trace.excerpt();
      this.firstLine = firstLine;
      this.firstEndLine = endLine;
      this.templateId = templateId;
    }
  }

  private final Options options;
  private final TemplateMiner miner = new TemplateMiner();
  private final List<TemplateStats> stats = new ArrayList<>();
  private final Map<String, TraceGroup> traces = new LinkedHashMap<>();
  private final Map<Level, Long> levels = new EnumMap<>(Level.class);
  private final Timeline timeline = new Timeline();
  private final int[] allEvents = timeline.newSeries();
  private final int[] errorEvents = timeline.newSeries();

  private LineHeader header;
  private Timestamps timestamps;
  private boolean indentContinues;
  private long afterTime = Long.MIN_VALUE;

  private long lines;
  private long blankLines;
  private long events;
  private long characters;
  private long cutLines;
  private long longestLine;
  private long replacements;
  private long tracesOverflowed;
  private long firstTime = Long.MAX_VALUE;
  private long lastTime = Long.MIN_VALUE;
  private long latestTime = Long.MIN_VALUE;
  private Long boundaryLine;

  // the event being folded
  private String eventFirstLine;
  private long eventStart;
  private long eventEnd;
  private int eventLines;
  private TemplateStats eventTemplate;
  private Trace trace;

  private LogScan(Options options) {
    this.options = options;
    this.boundaryLine = options.afterLine();
  }

  /**
   * Reads the whole log.
   *
   * @throws dev.sremcp.domain.text.BinaryInputException when the text opens with binary data
   * @throws java.util.concurrent.CancellationException when the caller cancels
   */
  static LogScan of(TextSource source, Options options, AnalysisContext context) {
    LogScan scan = new LogScan(options);
    try (LineReader reader = new LineReader(source.open())) {
      List<String> sample = new ArrayList<>();
      for (String line; sample.size() < SAMPLE_LINES && (line = reader.next()) != null; ) {
        sample.add(line);
      }
      scan.learn(sample);
      long number = 0;
      for (String line : sample) {
        scan.line(line, ++number);
      }
      for (String line; (line = reader.next()) != null; ) {
        scan.line(line, ++number);
        if ((number & 0x1FFF) == 0) {
          context.checkCancelled();
          if ((number & 0xFFFFF) == 0) {
            context.progress(number, 0, number + " lines read");
          }
        }
      }
      scan.finishEvent();
      scan.lines = number;
      scan.characters = reader.characters();
      scan.cutLines = reader.cutLines();
      scan.longestLine = reader.longestLine();
      scan.replacements = reader.replacements();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return scan;
  }

  private void learn(List<String> sample) {
    List<String> heads =
        sample.stream()
            .filter(line -> !line.isBlank() && !isIndented(line) && !Trace.continues(line))
            .toList();
    header = options.header() != null ? options.header() : DetectedHeader.learn(heads);
    timestamps = Timestamps.learn(heads).orElse(null);
    long nonBlank = sample.stream().filter(line -> !line.isBlank()).count();
    long indented = sample.stream().filter(LogScan::isIndented).count();
    // where most lines are indented, indentation is layout, not continuation
    indentContinues = indented <= nonBlank / 2;
    if (options.afterTime() != null) {
      if (timestamps == null) {
        throw new dev.sremcp.domain.tool.InvalidArgumentsException(
            "after is a time, but this log's lines carry no timestamp sre-mcp recognises; give"
                + " the line number instead");
      }
      afterTime = timestamps.align(options.afterTime());
    }
  }

  private void line(String line, long number) {
    if (insidePrivateKey) {
      if (line.contains("-----END ")) {
        insidePrivateKey = false;
      } else {
        // The body of a PEM private key never reaches a template, an example or a trace: split
        // into lines it no longer looks like a key, so redaction could not find it later.
        line = PRIVATE_KEY_BODY;
      }
    } else if (line.contains("PRIVATE KEY-----")
        && line.contains("-----BEGIN ")
        && !line.contains("-----END ")) {
      insidePrivateKey = true;
    }
    if (line.isBlank()) {
      blankLines++;
      return;
    }
    long time = timestamps == null ? Long.MIN_VALUE : timestamps.epochSecond(line);
    if (continues(line, time)) {
      eventLines++;
      eventEnd = number;
      if (trace == null) {
        trace = new Trace();
        trace.add(eventFirstLine);
      }
      trace.add(line);
      return;
    }
    finishEvent();
    startEvent(line, number, time);
  }

  private boolean continues(String line, long time) {
    if (eventFirstLine == null || eventLines >= MAX_EVENT_LINES || time != Long.MIN_VALUE) {
      return false;
    }
    if (indentContinues && isIndented(line)) {
      return true;
    }
    return (trace != null && trace.claims(line)) || Trace.continues(line);
  }

  private void startEvent(String line, long number, long time) {
    events++;
    Level level = Level.of(line);
    levels.merge(level, 1L, Long::sum);
    TemplateMiner.Template template = miner.add(Masker.tokens(header.message(line)));
    TemplateStats entry;
    if (template.id() < stats.size()) {
      entry = stats.get(template.id());
    } else {
      entry = new TemplateStats(template, example(line), number, timeline.newSeries());
      entry.overflow = miner.isOverflow(template);
      stats.add(entry);
    }
    entry.count++;
    entry.lastLine = number;
    if (level.ordinal() < entry.worst.ordinal()) {
      entry.worst = level;
    }
    if (level.isError()) {
      entry.errors++;
    }
    if (time != Long.MIN_VALUE) {
      if (entry.firstTime == Long.MIN_VALUE) {
        entry.firstTime = time;
      }
      entry.lastTime = time;
      firstTime = Math.min(firstTime, time);
      lastTime = Math.max(lastTime, time);
      latestTime = time;
      if (boundaryLine == null && afterTime != Long.MIN_VALUE && time > afterTime) {
        boundaryLine = number;
      }
    }
    long coordinate = timestamps == null ? number : latestTime;
    if (coordinate != Long.MIN_VALUE) {
      timeline.add(entry.series, coordinate);
      timeline.add(allEvents, coordinate);
      if (level.isError()) {
        timeline.add(errorEvents, coordinate);
      }
    }
    eventFirstLine = line;
    eventStart = number;
    eventEnd = number;
    eventLines = 1;
    eventTemplate = entry;
  }

  private void finishEvent() {
    if (trace != null && trace.recognised()) {
      String signature = trace.signature();
      TraceGroup group = traces.get(signature);
      if (group == null && traces.size() < MAX_TRACE_GROUPS) {
        group = new TraceGroup(trace, eventStart, eventEnd, eventTemplate.template.id());
        traces.put(signature, group);
      }
      if (group == null) {
        tracesOverflowed++;
      } else {
        group.count++;
        group.lastLine = eventStart;
      }
    }
    trace = null;
  }

  private static final String PRIVATE_KEY_BODY = "<private key body, withheld>";

  private boolean insidePrivateKey;

  private static String example(String line) {
    return line.length() > EXAMPLE_CHARS ? line.substring(0, EXAMPLE_CHARS) + "..." : line;
  }

  private static boolean isIndented(String line) {
    return !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
  }

  // what the scan found, for the analyzer

  List<TemplateStats> templates() {
    return stats;
  }

  long overflowed() {
    return miner.overflowed();
  }

  List<TraceGroup> traceGroups() {
    return List.copyOf(traces.values());
  }

  long tracesOverflowed() {
    return tracesOverflowed;
  }

  long levelCount(Level level) {
    return levels.getOrDefault(level, 0L);
  }

  Timeline timeline() {
    return timeline;
  }

  int[] allEvents() {
    return allEvents;
  }

  int[] errorEvents() {
    return errorEvents;
  }

  LineHeader header() {
    return header;
  }

  /** The log's timestamp format, or null when its lines carry none. */
  Timestamps timestamps() {
    return timestamps;
  }

  long lines() {
    return lines;
  }

  long blankLines() {
    return blankLines;
  }

  long events() {
    return events;
  }

  long characters() {
    return characters;
  }

  long cutLines() {
    return cutLines;
  }

  long longestLine() {
    return longestLine;
  }

  long replacements() {
    return replacements;
  }

  /** The earliest and latest times seen; {@link Long#MIN_VALUE} for both when there were none. */
  long firstTime() {
    return lastTime == Long.MIN_VALUE ? Long.MIN_VALUE : firstTime;
  }

  long lastTime() {
    return lastTime;
  }

  /** The first line after the {@code after} marker, or null when none was given or reached. */
  Long boundaryLine() {
    return boundaryLine;
  }
}
