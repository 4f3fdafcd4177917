package dev.sremcp.domain.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.sremcp.domain.tool.AnalysisContext;
import dev.sremcp.domain.tool.Arguments;
import dev.sremcp.domain.tool.InvalidArgumentsException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments.ArgumentSet;
import org.junit.jupiter.params.provider.FieldSource;

/** An SLI whose recording rules could not work is refused, naming the query and the problem. */
class SloSliRefusalsTest {

  private static final String OK = "sum(rate(http_requests_total[{{.window}}]))";

  private static Map<String, Object> sli(Object errorQuery, Object totalQuery, Object... more) {
    Map<String, Object> sli = new HashMap<>();
    if (errorQuery != null) {
      sli.put("errorQuery", errorQuery);
    }
    if (totalQuery != null) {
      sli.put("totalQuery", totalQuery);
    }
    Map<String, Object> arguments = SloFixtures.counts("sli", sli);
    for (int i = 0; i < more.length; i += 2) {
      arguments.put((String) more[i], more[i + 1]);
    }
    return arguments;
  }

  static final List<ArgumentSet> REFUSALS =
      List.of(
          argumentSet(
              "no {{.window}}",
              sli("sum(rate(http_requests_total{code=~\"5..\"}[5m]))", OK),
              "sli.errorQuery has no {{.window}}: write it where the range goes"),
          argumentSet(
              "a query that does not parse, with the column in the query as written",
              sli("rate(x[{{.window}}]) )", OK),
              "sli.errorQuery does not parse at column 23 (with {{.window}} as 5m): unexpected"
                  + " right parenthesis ')'"),
          argumentSet(
              "an unclosed parenthesis",
              sli(OK, "sum(rate(http_requests_total[{{.window}}])"),
              "sli.totalQuery does not parse at column 43 (with {{.window}} as 5m): unclosed left"
                  + " parenthesis"),
          argumentSet(
              "an error on the second line",
              sli("sum(rate(x[{{ .window }}]))\n  + on() sum(rate(y[{{.window}}]) bad)", OK),
              "sli.errorQuery does not parse at line 2, column 35 (with {{.window}} as 5m):"
                  + " unexpected identifier \"bad\" in aggregation"),
          argumentSet(
              "another template action",
              sli("sum(rate({{.metric}}[{{.window}}]))", OK),
              "at column 11 (with {{.window}} as 5m): unexpected left brace '{'; only"
                  + " {{.window}} is replaced"),
          argumentSet(
              "a range vector",
              sli("x[{{.window}}]", OK),
              "sli.errorQuery must be an instant vector, such as"
                  + " sum(rate(http_requests_total{code=~\"5..\"}[{{.window}}])); it is a range"
                  + " vector"),
          argumentSet(
              "a scalar",
              sli(OK, "scalar(sum(rate(x[{{.window}}])))"),
              "sli.totalQuery must be an instant vector"),
          argumentSet("no totalQuery", sli(OK, null), "sli.totalQuery is required"),
          argumentSet("no errorQuery", sli(null, OK), "sli.errorQuery is required"),
          argumentSet("a blank query", sli(OK, "  "), "sli.totalQuery is empty"),
          argumentSet(
              "a query that is not a string", sli(OK, 5), "sli.totalQuery must be a string"),
          argumentSet(
              "a control character",
              sli(OK, OK + "\u0007"),
              "sli.totalQuery holds a control character (U+0007) at column 44"),
          argumentSet(
              "a query over the length limit",
              sli(OK, "sum(rate(x[{{.window}}]))" + " ".repeat(4_000) + "+ 1"),
              "characters; the limit is 4000"),
          argumentSet(
              "an sli that is not an object",
              SloFixtures.counts("sli", OK),
              "sli must be an object with errorQuery and totalQuery"),
          argumentSet(
              "an unknown field",
              SloFixtures.counts(
                  "sli", Map.of("errorQuery", OK, "totalQuery", OK, "errorquery", OK)),
              "sli has an unknown field 'errorquery'"),
          argumentSet(
              "a regex matcher in the metric's selector",
              sli(OK, OK, "metric", "slo:sli_error:ratio_rate{job=~\"a|b\"}"),
              "with sli, the selector of metric may hold only label=\"value\" matchers, which"
                  + " become the labels of the recorded series; job=~\"a|b\" cannot be recorded"),
          argumentSet(
              "a label named twice",
              sli(OK, OK, "metric", "slo:sli_error:ratio_rate{job=\"a\",job=\"b\"}"),
              "names the label job twice"),
          argumentSet(
              "a reserved label",
              sli(OK, OK, "metric", "slo:sli_error:ratio_rate{__job__=\"a\"}"),
              "cannot set __job__"),
          argumentSet(
              "a metric name set twice",
              sli(OK, OK, "metric", "slo:sli_error:ratio_rate{__name__=\"a\"}"),
              "is not a PromQL selector: metric name must not be set twice"));

  @ParameterizedTest
  @FieldSource("REFUSALS")
  void refusesNamingTheQueryAndTheProblem(Map<String, Object> arguments, String message) {
    assertThatThrownBy(
            () -> new SloAnalyzer().analyze(Arguments.of(arguments), AnalysisContext.detached()))
        .isInstanceOf(InvalidArgumentsException.class)
        .hasMessageContaining(message);
  }

  @Test
  void theWindowMayAppearSeveralTimesAndWithSpacesAsGoTemplatesAllow() {
    SloDetails details =
        (SloDetails)
            new SloAnalyzer()
                .analyze(
                    Arguments.of(
                        sli(
                            "sum(rate(x{code=~\"5..\"}[{{ .window }}])) + sum(rate(y[{{.window}}]))",
                            "sum(rate(x[{{.window}}])) # every request")),
                    AnalysisContext.detached())
                .details();

    assertThat(details.prometheusRules())
        .contains(
            "      - record: slo:sli_error:ratio_rate1h\n"
                + "        expr: |\n"
                + "          (\n"
                + "            sum(rate(x{code=~\"5..\"}[1h])) + sum(rate(y[1h]))\n"
                + "          )\n"
                + "          /\n"
                + "          (\n"
                + "            sum(rate(x[1h])) # every request\n"
                + "          )\n");
  }
}
