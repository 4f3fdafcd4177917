package dev.sremcp.domain.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parser against Prometheus 2.42: expressions.txt holds expressions, expected.txt what {@code
 * promtool check rules} said of each (generate.sh makes it again), and the parser must accept
 * exactly the ones promtool accepts.
 */
final class PromQlTest {

  private static final String FOLDER = "/dev/sremcp/domain/promql/";

  @Test
  void agreesWithPromtoolOnEveryExpression() throws IOException {
    List<String> expressions = lines("expressions.txt");
    List<String> expected = lines("expected.txt");
    assertThat(expressions).hasSizeGreaterThanOrEqualTo(150);
    assertThat(expected).hasSameSizeAs(expressions);

    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < expressions.size(); i++) {
      String expression = expressions.get(i);
      String ours;
      try {
        PromQl.parse(expression);
        ours = "valid";
      } catch (PromQlSyntaxException e) {
        ours = "invalid";
      }
      if (!ours.equals(expected.get(i))) {
        disagreements.add(
            "line " + (i + 1) + ": " + expression + " (promtool: " + expected.get(i) + ")");
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void theAgreementSetHasValidAndInvalidExpressions() throws IOException {
    List<String> expected = lines("expected.txt");
    assertThat(expected).containsOnly("valid", "invalid");
    assertThat(expected.stream().filter("valid"::equals).count()).isGreaterThan(100);
    assertThat(expected.stream().filter("invalid"::equals).count()).isGreaterThan(100);
  }

  @Test
  void readsNumbersInEveryNotation() {
    assertThat(number("42")).isEqualTo(42);
    assertThat(number("0x1F")).isEqualTo(31);
    assertThat(number("010")).isEqualTo(8);
    assertThat(number("1e3")).isEqualTo(1000);
    assertThat(number(".5")).isEqualTo(0.5);
    assertThat(number("5.")).isEqualTo(5);
    assertThat(number("1.5e-3")).isEqualTo(0.0015);
    assertThat(number("Inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(number("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(number("NaN")).isNaN();
    assertThat(PromQl.parse("-1")).isEqualTo(new NumberLiteral(-1, 0));
    assertThat(PromQl.parse("- -2")).isEqualTo(new NumberLiteral(2, 0));
  }

  @Test
  void readsStringsWithTheirEscapes() {
    assertThat(PromQl.parse("\"a\\n\\x41\\u00e9\\101\\\"\""))
        .isEqualTo(new StringLiteral("a\nA\u00e9A\"", 0));
    assertThat(PromQl.parse("'it\\'s'")).isEqualTo(new StringLiteral("it's", 0));
    assertThat(PromQl.parse("`raw \\d`")).isEqualTo(new StringLiteral("raw \\d", 0));
    assertThat(PromQl.parse("\"a\"").type()).isEqualTo(ValueType.STRING);
  }

  @Test
  void readsVectorSelectorsWithMatchersOffsetAndAt() {
    assertThat(PromQl.parse("http_requests_total{job=\"api\", code=~\"5..\", x!=\"\", y!~\"z\",}"))
        .isEqualTo(
            new VectorSelector(
                "http_requests_total",
                List.of(
                    new LabelMatcher("job", "=", "api"),
                    new LabelMatcher("code", "=~", "5.."),
                    new LabelMatcher("x", "!=", ""),
                    new LabelMatcher("y", "!~", "z")),
                null,
                null,
                0));
    assertThat(PromQl.parse("{__name__=~\"job:.*\"}"))
        .isEqualTo(
            new VectorSelector(
                null, List.of(new LabelMatcher("__name__", "=~", "job:.*")), null, null, 0));
    assertThat(PromQl.parse("up offset -5m @ start()"))
        .isEqualTo(
            new VectorSelector("up", List.of(), Duration.ofMinutes(-5), AtModifier.start(), 0));
    assertThat(PromQl.parse("up @ 1609459200.5"))
        .isEqualTo(
            new VectorSelector("up", List.of(), null, AtModifier.timestamp(1_609_459_200_500L), 0));
  }

  @Test
  void keywordsServeAsMetricAndLabelNamesWherePrometheusAllowsIt() {
    assertThat(PromQl.parse("offset")).isEqualTo(selector("offset"));
    assertThat(PromQl.parse("by")).isEqualTo(selector("by"));
    assertThat(PromQl.parse("sum")).isEqualTo(selector("sum"));
    assertThat(PromQl.parse("job:requests:rate5m")).isEqualTo(selector("job:requests:rate5m"));
    assertThat(PromQl.parse("sum offset 5m"))
        .isEqualTo(new VectorSelector("sum", List.of(), Duration.ofMinutes(5), null, 0));
    assertThat(PromQl.parse("x{by=\"a\", offset=\"b\"}"))
        .isEqualTo(
            new VectorSelector(
                "x",
                List.of(new LabelMatcher("by", "=", "a"), new LabelMatcher("offset", "=", "b")),
                null,
                null,
                0));
    Aggregate sum = (Aggregate) PromQl.parse("SUM BY (on, by, sum, bool) (x)");
    assertThat(sum.op()).isEqualTo("sum");
    assertThat(sum.grouping()).containsExactly("on", "by", "sum", "bool");
  }

  @Test
  void readsRangeSelectorsAndSubqueries() {
    assertThat(PromQl.parse("x[1h30m] offset 1d"))
        .isEqualTo(
            new MatrixSelector(
                new VectorSelector("x", List.of(), Duration.ofDays(1), null, 0),
                Duration.ofMinutes(90),
                0));
    Call rate = new Call("rate", List.of(matrix("x", Duration.ofMinutes(5), 5)), 0);
    assertThat(PromQl.parse("rate(x[5m])[1h:1m]"))
        .isEqualTo(new Subquery(rate, Duration.ofHours(1), Duration.ofMinutes(1), null, null, 0));
    assertThat(PromQl.parse("rate(x[5m])[1h:] offset 1w @ end()"))
        .isEqualTo(
            new Subquery(rate, Duration.ofHours(1), null, Duration.ofDays(7), AtModifier.end(), 0));
    assertThat(PromQl.parse("x[1y2w3d4h5m6s7ms]"))
        .isEqualTo(
            matrix(
                "x",
                Duration.ofDays(365 + 14 + 3)
                    .plusHours(4)
                    .plusMinutes(5)
                    .plusSeconds(6)
                    .plusMillis(7),
                0));
    assertThat(PromQl.parse("x[5m]").type()).isEqualTo(ValueType.MATRIX);
  }

  @Test
  void readsFunctionCallsWithOptionalAndVariadicArguments() {
    assertThat(PromQl.parse("histogram_quantile(0.9, rate(x[5m]))"))
        .isEqualTo(
            new Call(
                "histogram_quantile",
                List.of(
                    new NumberLiteral(0.9, 19),
                    new Call("rate", List.of(matrix("x", Duration.ofMinutes(5), 29)), 24)),
                0));
    assertThat(PromQl.parse("time()")).isEqualTo(new Call("time", List.of(), 0));
    assertThat(PromQl.parse("time()").type()).isEqualTo(ValueType.SCALAR);
    assertThat(((Call) PromQl.parse("hour()")).args()).isEmpty();
    assertThat(((Call) PromQl.parse("hour(x)")).args()).hasSize(1);
    assertThat(((Call) PromQl.parse("round(x, 5)")).args()).hasSize(2);
    assertThat(((Call) PromQl.parse("label_join(x, \"d\", \",\", \"a\", \"b\", \"c\")")).args())
        .hasSize(6);
  }

  @Test
  void readsAggregationsWithGroupingBeforeOrAfter() {
    Expr x = selector("x", 18);
    assertThat(PromQl.parse("sum by (job) (x) "))
        .isEqualTo(new Aggregate("sum", selector("x", 14), null, List.of("job"), false, 0));
    assertThat(PromQl.parse("avg(x) without (instance)"))
        .isEqualTo(new Aggregate("avg", selector("x", 4), null, List.of("instance"), true, 0));
    assertThat(PromQl.parse("topk by (job) (5, x)"))
        .isEqualTo(new Aggregate("topk", x, new NumberLiteral(5, 15), List.of("job"), false, 0));
    assertThat(PromQl.parse("count_values(\"v\", x)"))
        .isEqualTo(
            new Aggregate(
                "count_values",
                selector("x", 18),
                new StringLiteral("v", 13),
                List.of(),
                false,
                0));
    assertThat(PromQl.parse("quantile(0.9, x)").type()).isEqualTo(ValueType.VECTOR);
  }

  @Test
  void bindsBinaryOperatorsWithPrometheusPrecedence() {
    assertThat(shape(PromQl.parse("a + b * c"))).isEqualTo("(a + (b * c))");
    assertThat(shape(PromQl.parse("a - b - c"))).isEqualTo("((a - b) - c)");
    assertThat(shape(PromQl.parse("a ^ b ^ c"))).isEqualTo("(a ^ (b ^ c))");
    assertThat(shape(PromQl.parse("a or b and c unless d")))
        .isEqualTo("(a or ((b and c) unless d))");
    assertThat(shape(PromQl.parse("a > b + c or d"))).isEqualTo("((a > (b + c)) or d)");
    assertThat(shape(PromQl.parse("a * b atan2 c % d"))).isEqualTo("(((a * b) atan2 c) % d)");
    assertThat(shape(PromQl.parse("-a ^ b"))).isEqualTo("-(a ^ b)");
    assertThat(shape(PromQl.parse("-a * b"))).isEqualTo("(-a * b)");
    assertThat(shape(PromQl.parse("a ^ -b * c"))).isEqualTo("((a ^ -b) * c)");
    assertThat(shape(PromQl.parse("(a + b) * c"))).isEqualTo("((a + b) * c)");
    assertThat(shape(PromQl.parse("a AND b OR c"))).isEqualTo("((a and b) or c)");
  }

  @Test
  void keepsBoolAndVectorMatching() {
    Binary divide = (Binary) PromQl.parse("x / on(job) group_left(team) y");
    assertThat(divide.matching())
        .isEqualTo(
            new VectorMatching(
                VectorMatching.Cardinality.MANY_TO_ONE, List.of("job"), true, List.of("team")));
    Binary times = (Binary) PromQl.parse("x * ignoring(instance) group_right y");
    assertThat(times.matching())
        .isEqualTo(
            new VectorMatching(
                VectorMatching.Cardinality.ONE_TO_MANY, List.of("instance"), false, List.of()));
    Binary and = (Binary) PromQl.parse("x and y");
    assertThat(and.matching().cardinality()).isEqualTo(VectorMatching.Cardinality.MANY_TO_MANY);
    Binary greater = (Binary) PromQl.parse("x > bool 1");
    assertThat(greater.returnBool()).isTrue();
    assertThat(greater.matching()).isNull();
    assertThat(greater.type()).isEqualTo(ValueType.VECTOR);
    Binary scalars = (Binary) PromQl.parse("1 == bool 2");
    assertThat(scalars.type()).isEqualTo(ValueType.SCALAR);
    assertThat(scalars.position()).isZero();
  }

  @Test
  void keepsParenthesesUnaryOperatorsAndComments() {
    assertThat(PromQl.parse("(x)")).isEqualTo(new Paren(selector("x", 1), 0));
    assertThat(PromQl.parse("-x")).isEqualTo(new Unary("-", selector("x", 1), 0));
    assertThat(PromQl.parse("+(1)")).isEqualTo(new Unary("+", new Paren(number(1, 2), 1), 0));
    assertThat(PromQl.parse("# leading\nup # trailing ) ] }")).isEqualTo(selector("up", 10));
    assertThat(PromQl.parse("x{a=\"b\" # inside\n}"))
        .isEqualTo(
            new VectorSelector("x", List.of(new LabelMatcher("a", "=", "b")), null, null, 0));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "sum(rate(x[5m])))|17|unexpected right parenthesis ')'",
        "sum(rate(x[5m])|15|unclosed left parenthesis",
        "x[5m|4|unclosed left bracket",
        "1 +|3|unexpected end of input",
        "|0|no expression found in input",
        "foo bar|4|unexpected identifier \"bar\"",
        "sum(x bar)|6|unexpected identifier \"bar\" in aggregation",
        "sum(x) by job|10|unexpected identifier \"job\" in grouping opts, expected \"(\"",
        "sum by (job +) (x)|12|unexpected <op:+> in grouping opts, expected \",\" or \")\"",
        "x{a=b}|4|unexpected identifier \"b\" in label matching, expected string",
        "x{a}|3|unexpected \"}\" in label matching, expected label matching operator",
        "x offset 5|9|unexpected number \"5\" in offset, expected duration",
        "x @ 5m|4|unexpected duration \"5m\" in @, expected timestamp",
        "x[5m 5]|5|unexpected number \"5\" in subquery or range, expected \":\" or \"]\"",
        "rate(x)|5|expected type range vector in call to function \"rate\", got instant vector",
        "abs(x[5m])|4|expected type instant vector in call to function \"abs\", got range vector",
        "foo(x)|0|unknown function with name \"foo\"",
        "RATE(x[5m])|0|unknown function with name \"RATE\"",
        "floor(x, y)|0|expected 1 argument(s) in call to \"floor\", got 2",
        "round(x, 1, 2)|0|expected at most 2 argument(s) in call to \"round\", got 3",
        "label_join(x)|0|expected at least 3 argument(s) in call to \"label_join\", got 1",
        "rate(x[5m],)|10|trailing commas not allowed in function call args",
        "{job=\"\"}|0|vector selector must contain at least one non-empty matcher",
        "{job=~\".*\"}|0|vector selector must contain at least one non-empty matcher",
        "x{__name__=\"y\"}|0|metric name must not be set twice: \"x\" or \"y\"",
        "x[5mm]|2|bad duration syntax: \"5mm\"",
        "x[5m1h]|2|not a valid duration string: \"5m1h\"",
        "x[0s]|2|duration must be greater than 0",
        "x[5]|2|missing unit character in duration",
        "0deadbeef|0|bad number or duration syntax: \"0de\"",
        "x{a=~\"(\"}|2|error parsing regexp: missing closing ): `^(?:()$`",
        "x{a=~\"a**\"}|2|error parsing regexp: invalid nested repetition operator: `**`",
        "x[5m] + 1|0|binary expression must contain only scalar and instant vector types",
        "1 + \"a\"|4|binary expression must contain only scalar and instant vector types",
        "1 == 1|2|comparisons between scalars must use BOOL modifier",
        "x + bool y|2|bool modifier can only be used on comparison operators",
        "x and 1|0|set operator \"and\" not allowed in binary scalar expression",
        "x and on(a) group_left y|0|no grouping allowed for \"and\" operation",
        "1 + on(a) x|0|vector matching only allowed between instant vectors",
        "x + on(a) group_left(a) y|2|label \"a\" must not occur in ON and GROUP clause at once",
        "sum()|0|no arguments for aggregate expression provided",
        "topk(x)|0|wrong number of arguments for aggregate expression provided, expected 2, got 1",
        "topk(x, y)|5|expected type scalar in aggregation parameter, got instant vector",
        "count_values(5, x)|13|expected type string in aggregation parameter, got scalar",
        "sum(x[5m])|4|expected type instant vector in aggregation expression, got range vector",
        "-\"a\"|0|unary expression only allowed on expressions of type scalar or instant vector,"
            + " got \"string\"",
        "(x)[5m]|3|ranges only allowed for vector selectors",
        "x offset 5m [5m]|12|no offset modifiers allowed before range",
        "x @ 5 [5m]|6|no @ modifiers allowed before range",
        "x[5m][5m:]|0|subquery is only allowed on instant vector, got matrix instead",
        "x offset 1m offset 2m|0|offset may not be set multiple times",
        "rate(x[5m]) offset 1m|0|offset modifier must be preceded by an instant vector selector or"
            + " range vector selector or a subquery",
        "x @ 1 @ 2|0|@ <timestamp> may not be set multiple times",
        "x @ Inf|0|timestamp out of bounds for @ modifier: +Inf",
        "1e309|0|error parsing number: strconv.ParseFloat: parsing \"1e309\": value out of range",
        "\"\\q\"|0|unknown escape sequence U+0071 'q'",
        "\"abc|0|unterminated quoted string",
        "x =~ y|2|unexpected character after '=': '~'",
        "x $ y|2|unexpected character: '$'",
        "start()|5|unexpected \"(\"",
      })
  void reportsTheProblemWherePrometheusDoes(String expression, int position, String problem) {
    String input = expression == null ? "" : expression;
    assertThatThrownBy(() -> PromQl.parse(input))
        .isInstanceOfSatisfying(
            PromQlSyntaxException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(problem);
              assertThat(e.position()).isEqualTo(position);
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.column()).isEqualTo(position + 1);
              assertThat(e.getMessage())
                  .isEqualTo("1:" + (position + 1) + ": parse error: " + problem);
            });
  }

  @Test
  void countsLinesAndColumnsWithinTheExpression() {
    assertThatThrownBy(() -> PromQl.parse("sum(\n  rate(x)\n)"))
        .isInstanceOfSatisfying(
            PromQlSyntaxException.class,
            e -> {
              assertThat(e.position()).isEqualTo(12);
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isEqualTo(8);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "2:8: parse error: expected type range vector in call to function"
                          + " \"rate\", got instant vector");
            });
  }

  @Test
  void walksEveryNodeInPreOrder() {
    Expr root = PromQl.parse("sum(rate(x[5m])) / on(job) count(up offset 1h) > bool 0.5");
    assertThat(PromQl.walk(root).map(e -> e.getClass().getSimpleName()))
        .containsExactly(
            "Binary",
            "Binary",
            "Aggregate",
            "Call",
            "MatrixSelector",
            "VectorSelector",
            "Aggregate",
            "VectorSelector",
            "NumberLiteral");
    assertThat(
            PromQl.walk(PromQl.parse("rate(a[5m]) + irate(b[1m]) + c"))
                .filter(MatrixSelector.class::isInstance)
                .map(e -> ((MatrixSelector) e).selector().metricName()))
        .containsExactly("a", "b");
    assertThat(
            PromQl.walk(PromQl.parse("absent(up) or absent(other)"))
                .filter(e -> e instanceof Call call && call.function().equals("absent"))
                .count())
        .isEqualTo(2);
    Expr topk = PromQl.parse("topk(3, x)");
    assertThat(PromQl.walk(topk).map(Expr::position)).containsExactly(0, 5, 8);
  }

  @Test
  void formatsDurationsThePrometheusWay() {
    assertThat(PromQl.format(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(PromQl.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(PromQl.format(Duration.ofDays(14))).isEqualTo("2w");
    assertThat(PromQl.format(Duration.ofDays(15))).isEqualTo("15d");
    assertThat(PromQl.format(Duration.ofDays(365))).isEqualTo("1y");
    assertThat(PromQl.format(Duration.ofDays(366))).isEqualTo("366d");
    assertThat(PromQl.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
    assertThat(PromQl.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(PromQl.format(Duration.ofMinutes(-5))).isEqualTo("-5m");
    for (String text : List.of("5m", "1h30m", "2w", "1d12h", "1y", "10s", "250ms")) {
      MatrixSelector range = (MatrixSelector) PromQl.parse("x[" + text + "]");
      assertThat(PromQl.format(range.range())).isEqualTo(text);
    }
  }

  @Test
  void refusesExpressionsOverTheLengthLimit() {
    assertThat(PromQl.parse("x".repeat(PromQl.MAX_LENGTH))).isInstanceOf(VectorSelector.class);
    assertThatThrownBy(() -> PromQl.parse("x".repeat(PromQl.MAX_LENGTH + 1)))
        .isInstanceOf(PromQlSyntaxException.class)
        .hasMessageContaining("65536");
  }

  @Test
  void refusesNestingDeeperThanTheLimitWithoutOverflowingTheStack() {
    assertThat(PromQl.parse("(".repeat(127) + "1" + ")".repeat(127))).isInstanceOf(Paren.class);
    for (String deep :
        List.of(
            "(".repeat(129) + "1" + ")".repeat(129),
            "(".repeat(30_000) + "1" + ")".repeat(30_000),
            "-".repeat(60_000) + "1",
            "abs(".repeat(10_000) + "x" + ")".repeat(10_000),
            "x" + " + x".repeat(10_000),
            "x" + "^x".repeat(20_000),
            "sum(".repeat(10_000) + "x" + ")".repeat(10_000))) {
      assertThatThrownBy(() -> PromQl.parse(deep))
          .isInstanceOf(PromQlSyntaxException.class)
          .hasMessageContaining("128");
    }
  }

  @Test
  void checksHostileRegexesWithoutOverflowingTheStack() {
    assertThatThrownBy(() -> PromQl.parse("{a=~\"" + "(".repeat(20_000) + "\"}"))
        .hasMessageContaining("missing closing )");
    assertThatThrownBy(() -> PromQl.parse("{a=~\"" + "(".repeat(1_000) + ")".repeat(1_000) + "\"}"))
        .hasMessageContaining("expression nests too deeply");
    assertThat(PromQl.parse("{a=~\"" + "(?:".repeat(5_000) + "a" + ")".repeat(5_000) + "\"}"))
        .isInstanceOf(VectorSelector.class);
  }

  @Test
  void tellsWhetherALabelMatcherAcceptsAMissingLabel() {
    assertThat(new LabelMatcher("a", "=", "").matchesEmpty()).isTrue();
    assertThat(new LabelMatcher("a", "!=", "").matchesEmpty()).isFalse();
    assertThat(new LabelMatcher("a", "=~", "x|").matchesEmpty()).isTrue();
    assertThat(new LabelMatcher("a", "=~", "x+").matchesEmpty()).isFalse();
    assertThat(new LabelMatcher("a", "!~", ".*").matchesEmpty()).isFalse();
    assertThat(new LabelMatcher("a", "=~", "\\b").matchesEmpty()).isFalse();
    assertThat(new LabelMatcher("a", "=~", "(?i)^$").matchesEmpty()).isTrue();
  }

  private static double number(String text) {
    return ((NumberLiteral) PromQl.parse(text)).value();
  }

  private static NumberLiteral number(double value, int position) {
    return new NumberLiteral(value, position);
  }

  private static VectorSelector selector(String name) {
    return selector(name, 0);
  }

  private static VectorSelector selector(String name, int position) {
    return new VectorSelector(name, List.of(), null, null, position);
  }

  private static MatrixSelector matrix(String name, Duration range, int position) {
    return new MatrixSelector(selector(name, position), range, position);
  }

  /** The tree with explicit parentheses, for checking how operators bind. */
  private static String shape(Expr expr) {
    return switch (expr) {
      case Binary b -> "(" + shape(b.lhs()) + " " + b.op() + " " + shape(b.rhs()) + ")";
      case Unary u -> u.op() + shape(u.expr());
      case Paren p -> shape(p.expr());
      case VectorSelector v -> v.metricName();
      default -> expr.toString();
    };
  }

  private static List<String> lines(String file) throws IOException {
    try (InputStream in = PromQlTest.class.getResourceAsStream(FOLDER + file)) {
      assertThat(in).as(file).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
      if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
        lines.remove(lines.size() - 1);
      }
      return lines;
    }
  }
}
