/**
 * Benchmarks: {@link dev.sremcp.benchmarks.EngineBenchmark} (JMH) times the engine's
 * parse-dispatch-serialize path without HTTP; {@link dev.sremcp.benchmarks.HttpBenchmarkServer}
 * serves {@code /mcp} beside a bare JSON echo route, for wrk to compare in one process. Figures and
 * commands are in {@code docs/benchmarks.md}.
 */
package dev.sremcp.benchmarks;
