package dev.sremcp.domain.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sremcp.domain.logs.LogsDetails.TemplateRow;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.report.Finding;
import dev.sremcp.domain.report.Severity;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import dev.sremcp.domain.tool.TextSource;
import java.io.Reader;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogsAnalyzerTest {

  private static final String APP_LOG =
      """
      2026-11-24 10:00:00,001 INFO  [main] c.e.App: Starting app version 1.2.3
      2026-11-24 10:00:01,002 INFO  [main] c.e.App: Listening on port 8080
      2026-11-24 10:00:02,003 ERROR [http-1] c.e.Handler: Request 4f3a failed
      java.lang.IllegalStateException: pool exhausted after 30000 ms
      \tat com.example.db.Pool.acquire(Pool.java:120)
      \tat com.example.db.Repo.find(Repo.java:44)
      Caused by: java.net.SocketTimeoutException: connect timed out
      \t... 12 more
      2026-11-24 10:00:03,004 WARN  [http-2] c.e.Handler: Slow request 77 took 1200 ms
      2026-11-24 10:00:04,005 ERROR [http-3] c.e.Handler: Request 5b4c failed
      java.lang.IllegalStateException: pool exhausted after 31000 ms
      \tat com.example.db.Pool.acquire(Pool.java:121)
      \tat com.example.db.Repo.find(Repo.java:44)
      Caused by: java.net.SocketTimeoutException: connect timed out
      2026-11-24 10:00:05,006 INFO  [main] c.e.App: Deployed build 99
      2026-11-24 10:00:06,007 ERROR [worker] c.e.Job: Job 12 crashed
      Traceback (most recent call last):
        File "/app/job.py", line 10, in run
          x = compute()
        File "/app/lib.py", line 3, in compute
          return 1 / 0
      ZeroDivisionError: division by zero
      2026-11-24 10:00:07,008 FATAL [main] c.e.App: panic in main loop
      panic: runtime error: index out of range [5] with length 3

      goroutine 1 [running]:
      main.lookup(...)
      \t/app/main.go:12 +0x1d
      main.main()
      \t/app/main.go:8 +0x25
      2026-11-24 10:00:08,009 INFO  [main] c.e.App: Listening on port 8081
      """;

  @Test
  void foldsStackTracesIntoEventsAndGroupsThemBySignatureNotMessage() {
    LogsDetails details = details(analyze(Map.of("content", APP_LOG)));

    assertThat(details.log().lines()).isEqualTo(31);
    assertThat(details.log().events()).isEqualTo(9);
    assertThat(details.stackTraces())
        .extracting(LogsDetails.StackTraceGroup::exception, LogsDetails.StackTraceGroup::count)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("java.lang.IllegalStateException", 2L),
            org.assertj.core.groups.Tuple.tuple("ZeroDivisionError", 1L),
            org.assertj.core.groups.Tuple.tuple("panic: runtime error", 1L));
    LogsDetails.StackTraceGroup java =
        details.stackTraces().stream().filter(t -> t.count() == 2).findFirst().orElseThrow();
    assertThat(java.rootCause()).isEqualTo("java.net.SocketTimeoutException");
    assertThat(java.frames())
        .containsExactly("com.example.db.Pool.acquire", "com.example.db.Repo.find");
    assertThat(java.firstLine()).isEqualTo(3);
    assertThat(java.lastLine()).isEqualTo(10);
    LogsDetails.StackTraceGroup go =
        details.stackTraces().stream()
            .filter(t -> t.exception().startsWith("panic"))
            .findFirst()
            .orElseThrow();
    assertThat(go.frames()).containsExactly("main.lookup", "main.main");
  }

  @Test
  void ranksFatalThenErrorsThenWarningsThenTheRareFirst() {
    LogsDetails details = details(analyze(Map.of("content", APP_LOG)));

    assertThat(details.templates())
        .extracting(TemplateRow::template)
        .startsWith(
            "panic in main loop",
            "Request <*> failed",
            "Job <*> crashed",
            "Slow request <*> took <*> ms");
    assertThat(details.levels())
        .containsEntry("fatal", 1L)
        .containsEntry("error", 3L)
        .containsEntry("warn", 1L);
    assertThat(details.log().timestampFormat()).isEqualTo("iso");
    assertThat(details.log().from()).isEqualTo("2026-11-24T10:00:00Z");
    assertThat(details.histogram()).isNotNull();
    assertThat(details.histogram().buckets().stream().mapToLong(b -> b.errors()).sum())
        .isEqualTo(4);
  }

  @Test
  void templatesFirstSeenAfterADeployAreNewAndNewErrorsAreHigh() {
    Analysis byLine = analyze(Map.of("content", APP_LOG, "after", 14));
    Analysis byTime = analyze(Map.of("content", APP_LOG, "after", "2026-11-24T10:00:04.500Z"));

    for (Analysis analysis : new Analysis[] {byLine, byTime}) {
      LogsDetails details = details(analysis);
      assertThat(details.newTemplates().firstLineAfter()).isEqualTo(15);
      assertThat(details.newTemplates().count()).isEqualTo(3);
      assertThat(analysis.findings())
          .filteredOn(f -> f.ruleId().equals("logs.new-error"))
          .extracting(Finding::title)
          .containsExactlyInAnyOrder("1x panic in main loop", "1x Job <*> crashed");
      assertThat(analysis.findings())
          .filteredOn(f -> f.ruleId().equals("logs.new-error"))
          .allMatch(f -> f.severity() == Severity.HIGH);
    }
  }

  @Test
  void findsABurstAndTheRiseOfTheErrorRate() {
    StringBuilder log = new StringBuilder();
    Instant start = Instant.parse("2026-11-24T10:00:00Z");
    for (int second = 0; second < 600; second++) {
      log.append(start.plusSeconds(second))
          .append(" INFO request served in ")
          .append(second % 50)
          .append(" ms\n");
      if (second >= 100 && second < 103) {
        for (int i = 0; i < 20; i++) {
          log.append(start.plusSeconds(second))
              .append(" WARN cache miss storm on shard ")
              .append(i)
              .append('\n');
        }
      }
      if (second >= 400 && second % 2 == 0) {
        log.append(start.plusSeconds(second))
            .append(" ERROR upstream db-")
            .append(second % 3)
            .append(" refused the connection\n");
      }
    }
    Analysis analysis = analyze(Map.of("content", log.toString()));
    LogsDetails details = details(analysis);

    assertThat(details.errorRateChange()).isNotNull();
    assertThat(Instant.parse(details.errorRateChange().at()))
        .isBetween(start.plusSeconds(360), start.plusSeconds(420));
    assertThat(details.errorRateChange().factor()).isGreaterThanOrEqualTo(3);
    assertThat(details.bursts())
        .anySatisfy(
            burst -> {
              assertThat(burst.template()).isEqualTo("cache miss storm on shard <*>");
              assertThat(burst.count()).isEqualTo(60);
              assertThat(Instant.parse(burst.from()))
                  .isBetween(start.plusSeconds(80), start.plusSeconds(103));
            });
    assertThat(analysis.findings())
        .extracting(Finding::ruleId)
        .contains("logs.error-rate-rise", "logs.error");
    assertThat(analysis.summary()).contains("the error rate rose");
  }

  @Test
  void readsLevelsFromTheCommonNotations() {
    assertThat(Level.of("{\"level\":\"error\",\"msg\":\"boom\"}")).isEqualTo(Level.ERROR);
    assertThat(Level.of("ts=1 level=warn msg=slow")).isEqualTo(Level.WARN);
    assertThat(Level.of("[Sun Dec 04 04:47:44 2005] [notice] started")).isEqualTo(Level.INFO);
    assertThat(Level.of("E1124 10:00:00.123456    1 main.go:12] boom")).isEqualTo(Level.ERROR);
    assertThat(Level.of("ERROR:root:failed to start")).isEqualTo(Level.ERROR);
    assertThat(Level.of("an error in the message is not a level")).isEqualTo(Level.UNKNOWN);
  }

  @Test
  void pagesFindingsAndTemplatesWithACursor() {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      log.append("ERROR failure kind")
          .append((char) ('a' + i % 26))
          .append(i / 26)
          .append("x happened\n");
    }
    Analysis first = analyze(Map.of("content", log.toString(), "limit", 10));
    assertThat(first.findings()).hasSize(10);
    assertThat(first.truncation().truncated()).isTrue();
    String cursor = first.truncation().nextCursor();

    Analysis second = analyze(Map.of("content", log.toString(), "limit", 10, "cursor", cursor));
    assertThat(second.findings()).hasSize(10).doesNotContainAnyElementsOf(first.findings());
    assertThatThrownBy(() -> analyze(Map.of("content", log.toString(), "cursor", "nonsense")))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("nextCursor");
  }

  @Test
  void theEvidencePackStaysWithinItsBudgetWhateverTheLogsSize() {
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 3_000; i++) {
      log.append("ERROR component ")
          .append(letters(i))
          .append(' ')
          .append(letters(i * 7 + 3))
          .append(' ')
          .append(letters(i * 13 + 5))
          .append(' ')
          .append(letters(i * 17 + 11))
          .append(" failed while handling ")
          .append("x".repeat(200))
          .append(' ')
          .append(i)
          .append('\n');
    }
    LogsDetails details = details(analyze(Map.of("content", log.toString(), "limit", 200)));

    assertThat(details.templatesTotal()).isGreaterThan(1_000);
    assertThat(details.evidence())
        .hasSizeLessThanOrEqualTo(LogsDetails.EVIDENCE_PACK_CHARS)
        .contains("templates (");
  }

  @Test
  void aSingleHundredMegabyteLineIsReadInBoundedMemoryAndReported() {
    long size = 100L * 1024 * 1024;
    TextSource huge =
        () ->
            new Reader() {
              long left = size;

              @Override
              public int read(char[] buffer, int offset, int length) {
                if (left <= 0) {
                  return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, 'a');
                left -= n;
                return n;
              }

              @Override
              public void close() {}
            };
    Analysis analysis = analyze(Map.of("content", huge));
    LogsDetails details = details(analysis);

    assertThat(details.log().lines()).isEqualTo(1);
    assertThat(details.log().cutLines()).isEqualTo(1);
    assertThat(details.log().longestLine()).isEqualTo(size);
    assertThat(analysis.findings()).extracting(Finding::ruleId).contains("logs.lines-cut");
  }

  @Test
  void badInputIsRefusedWithTheReasonAndTheLimit() {
    assertThatThrownBy(() -> analyze(Map.of("content", "")))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> analyze(Map.of("content", "\n  \n\t\n")))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("3 lines are blank");
    assertThatThrownBy(() -> analyze(Map.of("content", "\u0000\u0001\u0002ELF binary")))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("binary");
    assertThatThrownBy(() -> analyze(Map.of("content", "a\nb\n", "after", 5)))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("has 2 lines");
    assertThatThrownBy(
            () ->
                analyze(
                    Map.of("content", "no time here\nnor here\n", "after", "2026-11-24T10:00:00Z")))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("no timestamp");
    assertThatThrownBy(() -> analyze(Map.of("content", "x", "limit", 500)))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("1 to 200");
    assertThatThrownBy(() -> analyze(Map.of("content", "x", "format", "<Date> no content")))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining("<Content>");
  }

  @Test
  void aTracebackFollowedByOrdinaryLinesEndsCleanly() {
    Analysis analysis =
        analyze(Map.of("content", "a\nTraceback (most recent call last):\nb.\nDone.\n"));

    assertThat(details(analysis).log().lines()).isEqualTo(4);
  }

  @Test
  void invalidUtf8IsCountedAndTheRestAnalyzed() {
    String log = "INFO user caf\uFFFD logged in\n".repeat(20) + "ERROR disk full\n";
    Analysis analysis = analyze(Map.of("content", log));

    assertThat(details(analysis).log().invalidCharacters()).isEqualTo(20);
    assertThat(analysis.findings())
        .extracting(Finding::ruleId)
        .contains("logs.invalid-encoding", "logs.error");
  }

  private static Analysis analyze(Map<String, ?> arguments) {
    return new LogsAnalyzer()
        .analyze(Arguments.of(new HashMap<>(arguments)), AnalysisContext.detached());
  }

  /** {@code i} in letters only, so that no two components mask alike. */
  private static String letters(int i) {
    StringBuilder word = new StringBuilder();
    do {
      word.append((char) ('a' + i % 26));
      i /= 26;
    } while (i > 0);
    return word.toString();
  }

  private static LogsDetails details(Analysis analysis) {
    return (LogsDetails) analysis.details();
  }
}
