package dev.sremcp.domain.runbook;

import dev.sremcp.domain.promql.Aggregate;
import dev.sremcp.domain.promql.AtModifier;
import dev.sremcp.domain.promql.Binary;
import dev.sremcp.domain.promql.Call;
import dev.sremcp.domain.promql.Expr;
import dev.sremcp.domain.promql.LabelMatcher;
import dev.sremcp.domain.promql.MatrixSelector;
import dev.sremcp.domain.promql.NumberLiteral;
import dev.sremcp.domain.promql.Paren;
import dev.sremcp.domain.promql.PromQl;
import dev.sremcp.domain.promql.StringLiteral;
import dev.sremcp.domain.promql.Subquery;
import dev.sremcp.domain.promql.Unary;
import dev.sremcp.domain.promql.VectorMatching;
import dev.sremcp.domain.promql.VectorSelector;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes a PromQL tree back as text that parses to the same tree: parentheses are nodes of their
 * own, so writing each node as it stands keeps precedence; comments and spacing are not kept.
 */
final class QueryText {

  private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  private QueryText() {}

  static String of(Expr expr) {
    StringBuilder out = new StringBuilder();
    write(out, expr);
    return out.toString();
  }

  private static void write(StringBuilder out, Expr expr) {
    switch (expr) {
      case NumberLiteral number -> out.append(number(number.value()));
      case StringLiteral string -> out.append(quote(string.value()));
      case VectorSelector selector -> {
        selector(out, selector);
        modifiers(out, selector.at(), selector.offset());
      }
      case MatrixSelector matrix -> {
        selector(out, matrix.selector());
        out.append('[').append(PromQl.format(matrix.range())).append(']');
        modifiers(out, matrix.selector().at(), matrix.selector().offset());
      }
      case Subquery subquery -> {
        write(out, subquery.expr());
        out.append('[').append(PromQl.format(subquery.range())).append(':');
        if (subquery.step() != null) {
          out.append(PromQl.format(subquery.step()));
        }
        out.append(']');
        modifiers(out, subquery.at(), subquery.offset());
      }
      case Call call -> {
        out.append(call.function()).append('(');
        list(out, call.args());
        out.append(')');
      }
      case Aggregate aggregate -> {
        out.append(aggregate.op());
        if (aggregate.without() || !aggregate.grouping().isEmpty()) {
          out.append(aggregate.without() ? " without (" : " by (");
          out.append(String.join(", ", aggregate.grouping())).append(") ");
        }
        out.append('(');
        if (aggregate.param() != null) {
          write(out, aggregate.param());
          out.append(", ");
        }
        write(out, aggregate.expr());
        out.append(')');
      }
      case Binary binary -> {
        write(out, binary.lhs());
        out.append(' ').append(binary.op());
        if (binary.returnBool()) {
          out.append(" bool");
        }
        matching(out, binary);
        out.append(' ');
        write(out, binary.rhs());
      }
      case Unary unary -> {
        out.append(unary.op());
        write(out, unary.expr());
      }
      case Paren paren -> {
        out.append('(');
        write(out, paren.expr());
        out.append(')');
      }
    }
  }

  private static void list(StringBuilder out, List<Expr> items) {
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      write(out, items.get(i));
    }
  }

  private static void matching(StringBuilder out, Binary binary) {
    VectorMatching matching = binary.matching();
    if (matching == null) {
      return;
    }
    boolean grouped =
        matching.cardinality() == VectorMatching.Cardinality.MANY_TO_ONE
            || matching.cardinality() == VectorMatching.Cardinality.ONE_TO_MANY;
    if (matching.on()) {
      out.append(" on(").append(String.join(", ", matching.labels())).append(')');
    } else if (!matching.labels().isEmpty() || grouped) {
      out.append(" ignoring(").append(String.join(", ", matching.labels())).append(')');
    }
    if (grouped) {
      out.append(
          matching.cardinality() == VectorMatching.Cardinality.MANY_TO_ONE
              ? " group_left"
              : " group_right");
      if (!matching.include().isEmpty()) {
        out.append('(').append(String.join(", ", matching.include())).append(')');
      }
    }
  }

  private static void selector(StringBuilder out, VectorSelector selector) {
    String name = selector.metricName();
    List<LabelMatcher> matchers = selector.matchers();
    boolean plainName = name != null && METRIC.matcher(name).matches();
    if (plainName) {
      out.append(name);
    }
    if (!matchers.isEmpty() || !plainName) {
      out.append('{');
      boolean first = true;
      if (name != null && !plainName) {
        out.append("__name__=").append(quote(name));
        first = false;
      }
      for (LabelMatcher matcher : matchers) {
        out.append(first ? "" : ", ").append(matcher.name()).append(matcher.op());
        out.append(quote(matcher.value()));
        first = false;
      }
      out.append('}');
    }
  }

  private static void modifiers(StringBuilder out, AtModifier at, Duration offset) {
    if (at != null) {
      out.append(" @ ");
      switch (at.kind()) {
        case START -> out.append("start()");
        case END -> out.append("end()");
        case TIMESTAMP ->
            out.append(
                BigDecimal.valueOf(at.timestampMillis(), 3).stripTrailingZeros().toPlainString());
      }
    }
    if (offset != null) {
      out.append(" offset ").append(PromQl.format(offset));
    }
  }

  /** A number as PromQL reads it back: plain decimals, or {@code Inf} and {@code NaN}. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Inf" : "-Inf";
    }
    double magnitude = Math.abs(value);
    if (value == 0 || (magnitude >= 1e-6 && magnitude < 1e15)) {
      String plain = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
      return plain.equals("-0") ? "0" : plain;
    }
    return Double.toString(value).toLowerCase(Locale.ROOT);
  }

  /** A double-quoted PromQL string. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
