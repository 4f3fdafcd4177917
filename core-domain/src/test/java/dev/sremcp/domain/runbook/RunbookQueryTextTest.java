package dev.sremcp.domain.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.sremcp.domain.promql.Expr;
import dev.sremcp.domain.promql.PromQl;
import dev.sremcp.domain.report.Analysis;
import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Arguments;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Queries are written back from trees: over the PromQL corpus, what is written parses the same. */
final class RunbookQueryTextTest {

  private static String corpus(String name) throws IOException {
    try (InputStream in = PromQl.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyValidExpressionOfTheCorpusIsWrittenBackToTheSameTree() throws IOException {
    String[] expressions = corpus("expressions.txt").split("\n", -1);
    String[] expected = corpus("expected.txt").split("\n", -1);
    int checked = 0;
    for (int i = 0; i < expected.length; i++) {
      if (!expected[i].equals("valid")) {
        continue;
      }
      Expr tree = PromQl.parse(expressions[i]);
      String text = QueryText.of(tree);
      Expr again = PromQl.parse(text);
      assertThat(QueryText.of(again)).as(expressions[i]).isEqualTo(text);
      assertThat(shape(again)).as(expressions[i]).isEqualTo(shape(tree));
      checked++;
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void everyQueryOfARunbookForEachCorpusExpressionParses() throws IOException {
    String[] expressions = corpus("expressions.txt").split("\n", -1);
    String[] expected = corpus("expected.txt").split("\n", -1);
    StringBuilder rules = new StringBuilder("groups:\n  - name: corpus\n    rules:\n");
    int alerts = 0;
    for (int i = 0; i < expected.length; i++) {
      if (expected[i].equals("valid") && !expressions[i].isBlank()) {
        rules.append("      - alert: Corpus").append(i).append("\n        expr: |\n          ");
        rules.append(expressions[i]).append("\n        for: 5m\n");
        alerts++;
      }
    }
    Analysis analysis =
        new RunbookAnalyzer()
            .analyze(
                Arguments.of(Map.of("content", rules.toString(), "name", "corpus.yml")),
                AnalysisContext.detached());
    RunbookDetails details = (RunbookDetails) analysis.details();

    assertThat(details.runbooks()).hasSize(alerts);
    for (RunbookDetails.Runbook runbook : details.runbooks()) {
      for (RunbookDetails.Query query : runbook.queries()) {
        assertThatCode(() -> PromQl.parse(query.query()))
            .as("%s: %s", runbook.expression(), query.query())
            .doesNotThrowAnyException();
      }
    }
  }

  /** The tree without positions, which differ once spacing changes. */
  private static String shape(Expr expr) {
    return expr.toString().replaceAll("position=\\d+", "");
  }

  @Test
  void numbersAndStringsAreWrittenAsPromQlReadsThem() {
    assertThat(QueryText.number(0.05)).isEqualTo("0.05");
    assertThat(QueryText.number(86400 * 14)).isEqualTo("1209600");
    assertThat(QueryText.number(Double.POSITIVE_INFINITY)).isEqualTo("Inf");
    assertThat(QueryText.number(1e-9)).satisfies(n -> assertThat(PromQl.parse(n)).isNotNull());
    String quoted = QueryText.quote("a\"b\\c\nd");
    assertThat(PromQl.parse("x{l=" + quoted + "}").toString()).contains("a\"b\\c\nd");
  }
}
