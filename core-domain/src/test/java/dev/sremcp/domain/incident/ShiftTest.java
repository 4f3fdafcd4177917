package dev.sremcp.domain.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShiftTest {

  private static Series series(String name, String query, Map<String, String> labels, double... v) {
    long[] seconds = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      seconds[i] = 1_750_000_000L + i * 60L;
    }
    return new Series(name, query, labels, seconds, v);
  }

  private static Shift.Kind kind(String name, Map<String, String> labels) {
    return Shift.Kind.of(series(name, null, labels, 1, 1, 1));
  }

  @Test
  void aStatusLabelSaysWhetherRequestsAreErrorsOrTraffic() {
    String requests = "kong_http_requests_total";
    assertThat(kind(requests, Map.of("code", "429"))).isEqualTo(Shift.Kind.ERRORS);
    assertThat(kind(requests, Map.of("code", "503"))).isEqualTo(Shift.Kind.ERRORS);
    assertThat(kind(requests, Map.of("grpc_code", "Unavailable"))).isEqualTo(Shift.Kind.ERRORS);
    assertThat(kind(requests, Map.of("code", "200"))).isEqualTo(Shift.Kind.TRAFFIC);
    assertThat(kind(requests, Map.of("code", "404"))).isEqualTo(Shift.Kind.OTHER);
    assertThat(kind(requests, Map.of())).isEqualTo(Shift.Kind.TRAFFIC);
    // CloudWatch through YACE: RequestCount and HTTPCode_ELB_5XX_Count
    assertThat(kind("aws_applicationelb_request_count_sum", Map.of()))
        .isEqualTo(Shift.Kind.TRAFFIC);
    assertThat(kind("aws_applicationelb_httpcode_elb_5_xx_count_sum", Map.of()))
        .isEqualTo(Shift.Kind.ERRORS);
  }

  @Test
  void namesAreReadAsWordsNotAsPartsOfWords() {
    // "destination_workload" holds "load", which is not a CPU load
    assertThat(
            Shift.Kind.of(
                series(
                    "q",
                    "sum(rate(istio_requests_total{destination_workload=\"app-api\"}[1m]))",
                    Map.of(),
                    1,
                    1,
                    1)))
        .isEqualTo(Shift.Kind.TRAFFIC);
    assertThat(kind("node_load5", Map.of())).isEqualTo(Shift.Kind.CPU);
    assertThat(kind("up", Map.of("job", "authz"))).isEqualTo(Shift.Kind.AVAILABILITY);
    assertThat(kind("probe_success", Map.of())).isEqualTo(Shift.Kind.AVAILABILITY);
    assertThat(kind("node_cpu_seconds_total", Map.of("mode", "steal"))).isEqualTo(Shift.Kind.STEAL);
    assertThat(kind("node_cpu_seconds_total", Map.of("mode", "iowait"))).isEqualTo(Shift.Kind.DISK);
    assertThat(kind("container_fs_writes_bytes_total", Map.of("pod", "x")))
        .isEqualTo(Shift.Kind.DISK);
  }

  @Test
  void aQueueOfOneIsACountNotASaturatedRatio() {
    double[] queue = new double[40];
    double[] ratio = new double[40];
    for (int i = 0; i < queue.length; i++) {
      queue[i] = i >= 20 ? 1 : 0;
      ratio[i] = i >= 20 ? 0.97 : 0.4 + i % 2 / 100.0;
    }
    Shift count =
        Shift.of(series("dotnet_threadpool_queue_length", null, Map.of("pod", "p"), queue))
            .orElseThrow();
    Shift share =
        Shift.of(series("pool_connections_usage", null, Map.of("pod", "p"), ratio)).orElseThrow();

    assertThat(count.rising()).isTrue();
    assertThat(count.saturated()).isFalse();
    assertThat(share.saturated()).isTrue();
  }

  @Test
  void aShiftThatEndedIsMeasuredWhileItLasted() {
    // 14 calm points, 8 at five times the level, then calm again
    double[] v = new double[40];
    for (int i = 0; i < v.length; i++) {
      v[i] = i >= 14 && i < 22 ? 60 + i % 3 : 12 + i % 2;
    }
    Shift shift =
        Shift.of(series("nginx_ingress_controller_requests", null, Map.of(), v)).orElseThrow();

    assertThat(shift.rising()).isTrue();
    assertThat(shift.factor()).isGreaterThan(4);
    assertThat(shift.from().getEpochSecond()).isEqualTo(1_750_000_000L + 14 * 60L);
  }
}
