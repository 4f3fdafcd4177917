#!/usr/bin/env bash
# The accounts issue's load script. Prints raw reports; docs/benchmarks.md records them.
#   1. HTTP, wrk: tools/call slo_report on the foundation's bare /mcp (no accounts), then on
#      ./sre-mcp serve with an API key (embedded PostgreSQL, in-process limits), then the same with
#      Redis limits: throughput at 16 connections, admission overhead at 1 connection.
#   2. Overload, OverloadBenchmark: the admission path at a quarter of capacity and at twice
#      capacity, in two tier mixes, with in-process limits and with Redis.
#   benchmarks/run-admission.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
jdk="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$jdk/bin/java"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
command -v redis-server >/dev/null || { echo "redis-server is needed: apt-get install redis-server"; exit 1; }
[ -f benchmarks/target/benchmarks.jar ] || ./mvnw -q -B -DskipTests -pl benchmarks -am package
[ -f host-javalin/target/sre-mcp.jar ] || ./mvnw -q -B -DskipTests -pl host-javalin -am package
work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

redis_port=18940
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
pids+=($!)

wait_for() { for _ in $(seq 1 150); do curl -fs "$1" >/dev/null && return 0; sleep 0.2; done; echo "no answer from $1"; exit 1; }

wrk_runs() { # wrk_runs LABEL PORT [KEY]
  local auth=()
  [ -n "${3:-}" ] && auth=(-H "Authorization: Bearer $3")
  wrk -t1 -c16 -d10s "${auth[@]}" -s benchmarks/wrk/mcp-slo-report.lua "http://127.0.0.1:$2/mcp" >/dev/null
  echo "# $1, 16 connections"
  wrk -t1 -c16 -d"${seconds}s" --latency "${auth[@]}" -s benchmarks/wrk/mcp-slo-report.lua "http://127.0.0.1:$2/mcp"
  echo "# $1, 1 connection"
  wrk -t1 -c1 -d"${seconds}s" --latency "${auth[@]}" -s benchmarks/wrk/mcp-slo-report.lua "http://127.0.0.1:$2/mcp"
}

# 1a. The foundation's bare figure: /mcp with no accounts, in the benchmark server.
"$java" -cp benchmarks/target/benchmarks.jar dev.sremcp.benchmarks.HttpBenchmarkServer 18932 2>"$work/bare.log" &
bare=$!; pids+=($bare)
wait_for http://127.0.0.1:18932/healthz
wrk_runs "bare /mcp (foundation, no accounts)" 18932
kill "$bare"; wait "$bare" 2>/dev/null || true

# 1b and 1c. ./sre-mcp serve, metered: a custom account whose limits are out of the way, so that
# every call is admitted and charged (quota reserved and committed, usage and audit rows written).
cat >"$work/tiers.properties" <<TIERS
custom.hourly=2000000000
custom.burst=2000000000
custom.inflight=1000
TIERS
metered() { # metered LABEL PORT [REDIS_URL]
  local home="$work/home-$2"
  SREMCP_HOME="$home" SREMCP_TIERS_FILE="$work/tiers.properties" SREMCP_REDIS_URL="${3:-}" \
    "$java" -jar host-javalin/target/sre-mcp.jar serve --port "$2" 2>"$work/serve-$2.log" &
  local server=$!; pids+=($server)
  wait_for "http://127.0.0.1:$2/healthz"
  local key
  key=$(SREMCP_HOME="$home" SREMCP_TIERS_FILE="$work/tiers.properties" \
    "$java" -jar host-javalin/target/sre-mcp.jar admin create-account --email "load-$2@example.com" --tier custom --json \
    | sed -E 's/.*"apiKey":"([^"]+)".*/\1/')
  wrk_runs "$1" "$2" "$key"
  echo "# $1: usage rows charged"
  curl -fs -H "Authorization: Bearer $key" "http://127.0.0.1:$2/v1/usage" | head -c 300; echo
  kill "$server"; wait "$server" 2>/dev/null || true
}
metered "metered /mcp, embedded PostgreSQL, in-process limits" 18933
metered "metered /mcp, embedded PostgreSQL, Redis limits" 18934 "redis://127.0.0.1:$redis_port"

# 2. Overload: a quarter of capacity, then twice capacity, on the admission path.
overload() { "$java" -cp benchmarks/target/benchmarks.jar dev.sremcp.benchmarks.OverloadBenchmark --seconds "$seconds" "$@" 2>>"$work/overload.log"; }
for mix in enterprise=0.10,professional=0.20,starter=0.20,free=0.50 enterprise=0.05,professional=0.10,starter=0.25,free=0.60; do
  overload --mix "$mix"
  overload --mix "$mix" --redis "redis://127.0.0.1:$redis_port"
done
