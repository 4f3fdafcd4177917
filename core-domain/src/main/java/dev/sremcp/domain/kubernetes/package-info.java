/**
 * Kubernetes manifests: {@code review_kubernetes}, kube-linter's and kube-score's checks over a
 * bundle of objects read with the line-keeping YAML parser, and the checks that compare the objects
 * with each other (Services, Ingresses, HPAs, PDBs and NetworkPolicies against the workloads they
 * select; ConfigMaps, Secrets and ServiceAccounts against those that use them).
 */
package dev.sremcp.domain.kubernetes;
