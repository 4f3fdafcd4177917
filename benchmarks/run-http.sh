#!/usr/bin/env bash
# wrk against one server process holding /mcp and /echo, alternating, after a warm-up:
#   throughput at 16 connections: /echo with the request's bytes, /echo with bytes as large as the
#   MCP response, and /mcp tools/call slo_report;
#   latency at 1 connection (no queueing): the same three.
# Prints wrk's own reports; docs/benchmarks.md records them.
#   benchmarks/run-http.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
port=18932
jdk="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
[ -f benchmarks/target/benchmarks.jar ] || ./mvnw -q -B -DskipTests -pl benchmarks -am package
"$jdk/bin/java" -cp benchmarks/target/benchmarks.jar dev.sremcp.benchmarks.HttpBenchmarkServer "$port" &
server=$!
trap 'kill $server' EXIT
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done

run() { # run LABEL CONNECTIONS SCRIPT PATH
  echo "# $1"
  wrk -t1 -c"$2" -d"${seconds}s" --latency -s "benchmarks/wrk/$3" "http://127.0.0.1:$port$4"
}
echo "# warm-up"
for script in mcp-slo-report.lua:/mcp echo.lua:/echo echo-response-size.lua:/echo; do
  wrk -t1 -c16 -d10s -s "benchmarks/wrk/${script%%:*}" "http://127.0.0.1:$port${script##*:}" >/dev/null
done
for round in 1 2; do
  run "round $round, 16 connections: /echo, the request's bytes" 16 echo.lua /echo
  run "round $round, 16 connections: /echo, bytes as large as the MCP response" 16 echo-response-size.lua /echo
  run "round $round, 16 connections: /mcp tools/call slo_report" 16 mcp-slo-report.lua /mcp
done
run "1 connection: /echo, the request's bytes" 1 echo.lua /echo
run "1 connection: /echo, bytes as large as the MCP response" 1 echo-response-size.lua /echo
run "1 connection: /mcp tools/call slo_report" 1 mcp-slo-report.lua /mcp
