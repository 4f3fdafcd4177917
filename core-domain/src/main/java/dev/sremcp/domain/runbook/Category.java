package dev.sremcp.domain.runbook;

import dev.sremcp.domain.promql.Binary;
import dev.sremcp.domain.promql.LabelMatcher;
import dev.sremcp.domain.promql.PromQl;
import dev.sremcp.domain.promql.VectorSelector;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an alert measures, recognised from its metric names, functions and name; each category has
 * its own likely causes and first checks. The first that matches wins, most specific first.
 */
enum Category {
  ERROR_BUDGET_BURN("error-budget-burn", "error-budget burn"),
  CERTIFICATE("certificate", "certificate expiry"),
  DISK_FILL("disk-fill-prediction", "fill prediction"),
  KUBERNETES("kubernetes", "Kubernetes workload"),
  AVAILABILITY("availability", "availability"),
  LATENCY("latency", "latency"),
  ERROR_RATIO("error-ratio", "error ratio"),
  SATURATION("saturation", "saturation"),
  GENERIC("generic", "generic");

  private static final Pattern BURN_METRIC =
      Pattern.compile(".*(burn_?rate|sli_error|slo_error|^slo:).*");
  private static final Pattern CERT_METRIC =
      Pattern.compile(
          ".*(ssl_earliest_cert_expiry|x509|cert_expir|certificate_expiration|cert_not_after).*");
  private static final Pattern LATENCY_METRIC =
      Pattern.compile(".*(duration|latency|response_time|_seconds_bucket).*");
  private static final Pattern ERROR_METRIC =
      Pattern.compile(".*(error|fail|5xx|exception|rejected).*");
  private static final Pattern SATURATION_WORDS =
      Pattern.compile(
          ".*(cpu|memory|mem_|_mem|disk|filesystem|fs_|inode|connection|conns|queue|pool|thread"
              + "|saturat|load1|load5|load15|fds|swap|throttl|backlog|lag).*");
  private static final Set<String> STATUS_LABELS =
      Set.of("code", "status", "status_code", "response_code", "http_status", "grpc_code");

  private final String id;
  private final String title;

  Category(String id, String title) {
    this.id = id;
    this.title = title;
  }

  /** The wire name, e.g. {@code error-ratio}. */
  String id() {
    return id;
  }

  /** The name in prose, e.g. {@code error ratio}. */
  String title() {
    return title;
  }

  static Category of(String alert, Shape shape) {
    String name = alert.toLowerCase(Locale.ROOT);
    List<String> metrics = shape.metrics().stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
    if (name.contains("burn")
        || name.contains("errorbudget")
        || name.contains("error_budget")
        || any(metrics, BURN_METRIC)
        || writesObjective(shape)) {
      return ERROR_BUDGET_BURN;
    }
    if (any(metrics, CERT_METRIC) || name.contains("cert")) {
      return CERTIFICATE;
    }
    if (shape.calls("predict_linear")) {
      return DISK_FILL;
    }
    if (shape.calls("absent") || shape.calls("absent_over_time")) {
      return AVAILABILITY;
    }
    if (metrics.stream().anyMatch(m -> m.startsWith("kube_"))) {
      return KUBERNETES;
    }
    if (metrics.contains("up")
        || metrics.contains("probe_success")
        || name.endsWith("down")
        || name.contains("unreachable")
        || name.contains("absent")) {
      return AVAILABILITY;
    }
    if (name.startsWith("kube") || name.contains("crashloop")) {
      return KUBERNETES;
    }
    if (shape.calls("histogram_quantile")
        || any(metrics, LATENCY_METRIC)
        || name.contains("latency")
        || name.contains("slow")) {
      return LATENCY;
    }
    if (statusMatcher(shape)
        || any(metrics, ERROR_METRIC)
        || name.contains("error")
        || name.contains("5xx")
        || name.contains("fail")) {
      return ERROR_RATIO;
    }
    if (any(metrics, SATURATION_WORDS) || SATURATION_WORDS.matcher(name).matches()) {
      return SATURATION;
    }
    return GENERIC;
  }

  /** A matcher on a status label that picks server errors, such as {@code code=~"5.."}. */
  static LabelMatcher statusMatcher(VectorSelector selector) {
    for (LabelMatcher matcher : selector.matchers()) {
      if (STATUS_LABELS.contains(matcher.name())
          && (matcher.op().equals("=") || matcher.op().equals("=~"))) {
        return matcher;
      }
    }
    return null;
  }

  private static boolean statusMatcher(Shape shape) {
    return shape.selectors().stream()
        .map(Category::statusMatcher)
        .anyMatch(m -> m != null && (m.value().startsWith("5") || m.value().contains("rror")));
  }

  /** A threshold written with the objective, as in {@code 14.4 * (1 - 0.999)}. */
  private static boolean writesObjective(Shape shape) {
    return PromQl.walk(shape.root())
        .anyMatch(
            e -> {
              if (e instanceof Binary binary
                  && binary.op().equals("-")
                  && Double.valueOf(1).equals(Shape.constant(binary.lhs()))) {
                Double used = Shape.constant(binary.rhs());
                return used != null && used > 0.5 && used < 1;
              }
              return false;
            });
  }

  private static boolean any(List<String> metrics, Pattern pattern) {
    return metrics.stream().anyMatch(m -> pattern.matcher(m).matches());
  }
}
