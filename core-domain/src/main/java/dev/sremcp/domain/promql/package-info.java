/** A PromQL parser that reports syntax and type errors the way Prometheus 2.42 does. */
package dev.sremcp.domain.promql;
