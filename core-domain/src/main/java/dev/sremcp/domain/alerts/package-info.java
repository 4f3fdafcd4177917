/**
 * Prometheus rule files: {@code review_alert_rules}, the structure {@code promtool check rules}
 * enforces (with PromQL parsed by {@link dev.sremcp.domain.promql.PromQl}) and the practices pint
 * checks, plus consistency with a given SLO.
 */
package dev.sremcp.domain.alerts;
