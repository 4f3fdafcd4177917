package dev.sremcp.domain.promql;

import static dev.sremcp.domain.promql.ValueType.MATRIX;
import static dev.sremcp.domain.promql.ValueType.SCALAR;
import static dev.sremcp.domain.promql.ValueType.STRING;
import static dev.sremcp.domain.promql.ValueType.VECTOR;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The built-in functions of PromQL 2.42 with their argument and return types. */
final class Functions {

  /**
   * A function's signature. {@code variadic} is 0 for a fixed argument list, a positive number for
   * that many optional trailing arguments, and -1 for any number of repeats of the last type.
   */
  record Function(String name, List<ValueType> argTypes, int variadic, ValueType returnType) {}

  private static final Map<String, Function> ALL = new HashMap<>();

  static {
    for (String name :
        words(
            "abs absent acos acosh asin asinh atan atanh ceil cos cosh deg exp floor"
                + " histogram_count histogram_sum ln log10 log2 rad sgn sin sinh sort sort_desc"
                + " sqrt tan tanh timestamp")) {
      add(name, 0, VECTOR, VECTOR);
    }
    for (String name :
        words(
            "absent_over_time avg_over_time changes count_over_time delta deriv idelta increase"
                + " irate last_over_time max_over_time min_over_time present_over_time rate"
                + " resets stddev_over_time stdvar_over_time sum_over_time")) {
      add(name, 0, VECTOR, MATRIX);
    }
    for (String name :
        words("days_in_month day_of_month day_of_week day_of_year hour minute month year")) {
      add(name, 1, VECTOR, VECTOR);
    }
    add("clamp", 0, VECTOR, VECTOR, SCALAR, SCALAR);
    add("clamp_max", 0, VECTOR, VECTOR, SCALAR);
    add("clamp_min", 0, VECTOR, VECTOR, SCALAR);
    add("histogram_fraction", 0, VECTOR, SCALAR, SCALAR, VECTOR);
    add("histogram_quantile", 0, VECTOR, SCALAR, VECTOR);
    add("holt_winters", 0, VECTOR, MATRIX, SCALAR, SCALAR);
    add("label_replace", 0, VECTOR, VECTOR, STRING, STRING, STRING, STRING);
    add("label_join", -1, VECTOR, VECTOR, STRING, STRING, STRING);
    add("pi", 0, SCALAR);
    add("predict_linear", 0, VECTOR, MATRIX, SCALAR);
    add("quantile_over_time", 0, VECTOR, SCALAR, MATRIX);
    add("round", 1, VECTOR, VECTOR, SCALAR);
    add("scalar", 0, SCALAR, VECTOR);
    add("time", 0, SCALAR);
    add("vector", 0, VECTOR, SCALAR);
  }

  private Functions() {}

  private static String[] words(String text) {
    return text.split(" ");
  }

  private static void add(String name, int variadic, ValueType returns, ValueType... args) {
    ALL.put(name, new Function(name, List.of(args), variadic, returns));
  }

  /** The function with this exact (case-sensitive) name, or null. */
  static Function get(String name) {
    return ALL.get(name);
  }
}
