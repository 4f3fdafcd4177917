package dev.sremcp.domain.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangeKindTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ConfigCat (config \"payouts\"): setting enableInstantPayouts changed from false to true"
            + " for 100% of users | FLAG",
        "Statsig: gate new_checkout_flow rolled out to 50% of users | FLAG",
        "setting enable_async_ledger false -> true | FLAG",
        "kubectl apply configmap docs-api-config: AUTHZ_FAIL_OPEN_READS false -> true | CONFIG",
        "Argo Rollouts: canary set weight 20% for checkout 4.1.0 | DEPLOY",
        "Heroku release v812: payouts deploy 3e91c0d | DEPLOY",
        "terraform apply: aws_sqs_queue.payout_events visibility_timeout_seconds 30 -> 60 | CONFIG",
        "Braze: campaign 'Summer Flash' sent (push + email), 2,130,441 recipients | CAMPAIGN",
        "Deploy notification-service 2.3.1 -> 2.4.0 (fix push notifications) | DEPLOY",
        "Split: treatment allocation for split 'tips' changed: on 10% / off 90% -> on 50% / off"
            + " 50% | FLAG",
        "kubectl -n quotes set env deployment/quote-api LOG_LEVEL=info - triggers rolling restart"
            + " | CONFIG",
        "kubectl -n quotes set image deployment/quote-api app=quotes/api:3.2.1 | DEPLOY",
        "kubectl set image deployment/label-printer label-printer=acme/label-printer:3.2.0"
            + " | DEPLOY",
        "kubectl patch deployment checkout --patch image=checkout:2.41.0 | DEPLOY",
        "Deploy treatment-planner 4.2.0 -> 4.3.0 | DEPLOY",
        "Argo CD: checkout synced to 2.41.0 (was 2.40.3) | DEPLOY",
        "kubectl set resources deployment/api --limits=cpu: 0.5 -> 1.5 | CONFIG",
        "Argo CD: checkout synced to 2.41.0: configmap/checkout-env configured | DEPLOY",
        "Argo CD: tune 'GC_RATIO 0.5 -> 0.7' - configmap/x-env configured | CONFIG",
        "Argo CD: application 'article-api' synced 'tune: WORKER_THREADS 8 -> 6' - ConfigMap"
            + " article-api-env configured, Deployment article-api restarted | CONFIG",
      })
  void aChangeWithoutAKindIsReadFromItsDescription(String description, Change.Kind kind) {
    assertThat(Change.Kind.of(null, description)).isEqualTo(kind);
  }
}
