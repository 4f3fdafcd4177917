package dev.sremcp.domain.promql;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the types in a parsed tree in the same order as Prometheus's checkAST, so that the first
 * problem found is the one Prometheus reports.
 */
final class TypeChecker {

  private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
  private static final Set<String> SET_OPERATORS = Set.of("and", "or", "unless");

  private final String input;
  private final Map<Binary, Parser.BinaryInfo> binaryInfo;

  TypeChecker(String input, Map<Binary, Parser.BinaryInfo> binaryInfo) {
    this.input = input;
    this.binaryInfo = binaryInfo;
  }

  private PromQlSyntaxException error(int position, String problem) {
    return new PromQlSyntaxException(input, position, problem);
  }

  /** Returns the expression's type, or throws at the first type error. */
  ValueType check(Expr expr) {
    switch (expr) {
      case Aggregate aggregate -> {
        expectType(aggregate.expr(), ValueType.VECTOR, "aggregation expression");
        switch (aggregate.op()) {
          case "topk", "bottomk", "quantile" ->
              expectType(aggregate.param(), ValueType.SCALAR, "aggregation parameter");
          case "count_values" ->
              expectType(aggregate.param(), ValueType.STRING, "aggregation parameter");
          default -> {
            // no parameter
          }
        }
      }
      case Binary binary -> checkBinary(binary);
      case Call call -> checkCall(call);
      case Paren paren -> check(paren.expr());
      case Unary unary -> {
        ValueType type = check(unary.expr());
        if (type != ValueType.SCALAR && type != ValueType.VECTOR) {
          throw error(
              unary.position(),
              "unary expression only allowed on expressions of type scalar or instant vector,"
                  + " got "
                  + GoText.quote(type.documentedName()));
        }
      }
      case Subquery subquery -> {
        ValueType type = check(subquery.expr());
        if (type != ValueType.VECTOR) {
          throw error(
              subquery.position(),
              "subquery is only allowed on instant vector, got " + type.shortName() + " instead");
        }
      }
      case MatrixSelector matrix -> check(matrix.selector());
      case VectorSelector selector -> checkSelector(selector);
      case NumberLiteral number -> {
        // a terminal
      }
      case StringLiteral string -> {
        // a terminal
      }
    }
    return expr.type();
  }

  private void expectType(Expr expr, ValueType want, String context) {
    ValueType type = check(expr);
    if (type != want) {
      throw error(
          expr.position(),
          "expected type "
              + want.documentedName()
              + " in "
              + context
              + ", got "
              + type.documentedName());
    }
  }

  private void checkCall(Call call) {
    Functions.Function function = Functions.get(call.function());
    List<ValueType> argTypes = function.argTypes();
    int declared = argTypes.size();
    int given = call.args().size();
    String name = GoText.quote(function.name());
    if (function.variadic() == 0) {
      if (declared != given) {
        throw error(
            call.position(),
            "expected " + declared + " argument(s) in call to " + name + ", got " + given);
      }
    } else {
      int required = declared - 1;
      if (required > given) {
        throw error(
            call.position(),
            "expected at least " + required + " argument(s) in call to " + name + ", got " + given);
      }
      int most = required + function.variadic();
      if (function.variadic() > 0 && most < given) {
        throw error(
            call.position(),
            "expected at most " + most + " argument(s) in call to " + name + ", got " + given);
      }
    }
    for (int i = 0; i < given; i++) {
      int typeIndex = i;
      if (i >= declared) {
        if (function.variadic() == 0) {
          break;
        }
        typeIndex = declared - 1;
      }
      expectType(call.args().get(i), argTypes.get(typeIndex), "call to function " + name);
    }
  }

  private void checkBinary(Binary binary) {
    ValueType lt = check(binary.lhs());
    ValueType rt = check(binary.rhs());
    Parser.BinaryInfo info = binaryInfo.get(binary);
    int opPosition = info != null ? info.operatorPosition() : binary.position();
    String op = binary.op();
    boolean comparison = COMPARISONS.contains(op);
    boolean setOperator = SET_OPERATORS.contains(op);
    if (binary.returnBool() && !comparison) {
      throw error(opPosition, "bool modifier can only be used on comparison operators");
    }
    if (comparison
        && !binary.returnBool()
        && binary.lhs().type() == ValueType.SCALAR
        && binary.rhs().type() == ValueType.SCALAR) {
      throw error(opPosition, "comparisons between scalars must use BOOL modifier");
    }
    VectorMatching.Cardinality cardinality;
    List<String> labels;
    if (info != null) {
      cardinality = info.cardinality();
      labels = info.labels();
      if (info.on()) {
        for (String label : labels) {
          if (info.include().contains(label)) {
            throw error(
                opPosition,
                "label " + GoText.quote(label) + " must not occur in ON and GROUP clause at once");
          }
        }
      }
    } else if (binary.matching() != null) {
      cardinality = binary.matching().cardinality();
      labels = binary.matching().labels();
    } else {
      cardinality = VectorMatching.Cardinality.ONE_TO_ONE;
      labels = List.of();
    }
    if (setOperator && cardinality == VectorMatching.Cardinality.ONE_TO_ONE) {
      cardinality = VectorMatching.Cardinality.MANY_TO_MANY;
    }
    String onlyScalarsAndVectors =
        "binary expression must contain only scalar and instant vector types";
    if (lt != ValueType.SCALAR && lt != ValueType.VECTOR) {
      throw error(binary.lhs().position(), onlyScalarsAndVectors);
    }
    if (rt != ValueType.SCALAR && rt != ValueType.VECTOR) {
      throw error(binary.rhs().position(), onlyScalarsAndVectors);
    }
    if (lt != ValueType.VECTOR || rt != ValueType.VECTOR) {
      if (!labels.isEmpty()) {
        throw error(binary.position(), "vector matching only allowed between instant vectors");
      }
    } else if (setOperator) {
      if (cardinality == VectorMatching.Cardinality.ONE_TO_MANY
          || cardinality == VectorMatching.Cardinality.MANY_TO_ONE) {
        throw error(
            binary.position(), "no grouping allowed for " + GoText.quote(op) + " operation");
      }
      if (cardinality != VectorMatching.Cardinality.MANY_TO_MANY) {
        throw error(binary.position(), "set operations must always be many-to-many");
      }
    }
    if ((lt == ValueType.SCALAR || rt == ValueType.SCALAR) && setOperator) {
      throw error(
          binary.position(),
          "set operator " + GoText.quote(op) + " not allowed in binary scalar expression");
    }
  }

  private void checkSelector(VectorSelector selector) {
    if (selector.metricName() != null) {
      for (LabelMatcher matcher : selector.matchers()) {
        if (matcher.name().equals("__name__")) {
          throw error(
              selector.position(),
              "metric name must not be set twice: "
                  + GoText.quote(selector.metricName())
                  + " or "
                  + GoText.quote(matcher.value()));
        }
      }
      return;
    }
    for (LabelMatcher matcher : selector.matchers()) {
      if (!matcher.matchesEmpty()) {
        return;
      }
    }
    throw error(selector.position(), "vector selector must contain at least one non-empty matcher");
  }
}
