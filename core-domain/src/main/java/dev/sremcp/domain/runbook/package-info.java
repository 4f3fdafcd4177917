/**
 * {@code generate_runbook}: Markdown runbooks for the alerting rules of Prometheus rule files, each
 * derived from the rule's parsed PromQL ({@link dev.sremcp.domain.promql.PromQl}), labels and
 * annotations, with queries that parse, causes and checks by category, and escalation by severity.
 */
package dev.sremcp.domain.runbook;
