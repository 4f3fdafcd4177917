package dev.sremcp.domain.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mechanisms errors name, as the software prints them. */
class SignaturesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ERROR:  no more connections allowed (max_client_conn) | RESOURCE_SATURATION",
        "FATAL: sorry, too many clients already | RESOURCE_SATURATION",
        "Stripe.StripeException: An unknown error occurred | DEPENDENCY_OUTAGE",
        "Stripe::APIConnectionError: Could not connect to Stripe | DEPENDENCY_OUTAGE",
        "TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout"
            + " of 20 seconds elapsing. | DEPENDENCY_OUTAGE",
        "Polly.CircuitBreaker.BrokenCircuitException: The circuit is now open | DEPENDENCY_OUTAGE",
        "dial tcp: lookup payments.internal on 10.0.0.10:53: no such host | DNS_FAILURE",
      })
  void anErrorNamesItsMechanism(String error, Cause cause) {
    assertThat(Signatures.inError(error)).contains(cause);
  }

  @Test
  void aProvidersAnswerAboutTheRequestIsNotTheProviderFailing() {
    assertThat(Signatures.inError("stripe.error.CardError: Your card was declined")).isEmpty();
    assertThat(Signatures.inError("Stripe.StripeException: No such customer: 'cus_123'")).isEmpty();
  }

  @Test
  void aProbeOfThePodItselfTimingOutIsNotADependencyFailing() {
    String kubelet =
        "kubelet[3112]: I0905 03:08:20.973430 3112 prober.go:107] \"Probe failed\""
            + " probeType=\"Liveness\" pod=\"logistics/rates-68d5\" output=\"Get"
            + " \\\"http://10.1.2.3:8080/healthz\\\": context deadline exceeded\"";
    assertThat(Signatures.inError(kubelet)).isEqualTo(Optional.empty());
    assertThat(Signatures.inError("upstream request: context deadline exceeded"))
        .contains(Cause.DEPENDENCY_OUTAGE);
  }

  @Test
  void anExportersJobIsNotTheServiceItsSeriesAreAbout() {
    assertThat(IncidentInput.service(Map.of("job", "yace", "region", "eu-west-1"))).isNull();
    assertThat(IncidentInput.service(Map.of("job", "node-exporter"))).isNull();
    assertThat(IncidentInput.service(Map.of("job", "checkout"))).isEqualTo("checkout");
    assertThat(IncidentInput.service(Map.of("job", "invoice-exporter")))
        .isEqualTo("invoice-exporter");
    assertThat(IncidentInput.service(Map.of("job", "yace", "service", "orders-db")))
        .isEqualTo("orders-db");
  }
}
