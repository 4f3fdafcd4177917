#!/usr/bin/env bash
# The log issue's speed and memory script. Prints raw reports; docs/benchmarks.md records them.
#   1. Speed: the eight LogHub-2k logs of ../shared/benchmarks concatenated and repeated to 200 MB,
#      read by a plain Java line loop (LineLoop, the physical limit) and by
#      `sre-mcp analyze analyze_logs` at -Xmx256m, each as a whole process under /usr/bin/time -v,
#      one after the other in the same run; MB/s and the ratio follow.
#   2. Size: the same logs repeated to 2 GB, analyzed at -Xmx256m.
#   benchmarks/run-logs.sh [WORKDIR]     (default: a temporary folder, removed at the end)
set -euo pipefail
cd "$(dirname "$0")/.."
jdk="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$jdk/bin/java"
data="../shared/benchmarks/loghub-2k"
[ -d "$data" ] || { echo "needs $data beside the checkout"; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time: apt-get install time"; exit 1; }
[ -f benchmarks/target/benchmarks.jar ] || ./mvnw -q -B -DskipTests -pl benchmarks -am package
[ -f host-javalin/target/sre-mcp.jar ] || ./mvnw -q -B -DskipTests -pl host-javalin -am package
work="${1:-$(mktemp -d)}"
[ -n "${1:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"

grow() { # grow FILE BYTES: the eight logs, concatenated and repeated until FILE holds BYTES
  : >"$1"
  while [ "$(stat -c %s "$1")" -lt "$2" ]; do cat "$data"/*/*_2k.log >>"$1"; done
}

timed() { # timed LABEL FILE COMMAND...: runs COMMAND, prints wall time, MB/s and peak RSS
  local label="$1" file="$2"; shift 2
  /usr/bin/time -v "$@" >"$work/out.txt" 2>"$work/time.txt"
  local wall rss bytes
  wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt" | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }')"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")"
  bytes="$(stat -c %s "$file")"
  awk -v l="$label" -v w="$wall" -v r="$rss" -v b="$bytes" \
    'BEGIN { printf "%-28s %8.2f s %8.1f MB/s  peak RSS %6.0f MB\n", l, w, b/1e6/w, r/1024 }'
  echo "$wall" >"$work/$label.wall"
}

echo "# $(date -u +%FT%TZ), $(nproc) cores, $("$java" -version 2>&1 | head -1)"
grow "$work/200mb.log" 200000000
echo "# 1. speed over $(stat -c %s "$work/200mb.log") bytes, $(wc -l <"$work/200mb.log") lines"
for run in 1 2 3; do
  timed "line-loop-$run" "$work/200mb.log" "$java" -Xmx256m -cp benchmarks/target/benchmarks.jar dev.sremcp.benchmarks.LineLoop "$work/200mb.log"
  timed "analyze_logs-$run" "$work/200mb.log" "$java" -Xmx256m -jar host-javalin/target/sre-mcp.jar analyze analyze_logs "$work/200mb.log" --json --fail-on none
done
head -c 600 "$work/out.txt"; echo
loop="$(cat "$work"/line-loop-*.wall | sort -n | sed -n 2p)"
mine="$(cat "$work"/analyze_logs-*.wall | sort -n | sed -n 2p)"
awk -v a="$mine" -v b="$loop" 'BEGIN { printf "median of 3: analyze_logs %.2f s, line loop %.2f s: analyze_logs takes %.1fx the line loop\n", a, b, a/b }'

echo "# 2. a 2 GB log at -Xmx256m"
grow "$work/2gb.log" 2000000000
rm -f "$work/200mb.log"
timed "analyze_logs-2gb" "$work/2gb.log" "$java" -Xmx256m -jar host-javalin/target/sre-mcp.jar analyze analyze_logs "$work/2gb.log" --fail-on none
grep -E "Exit status" "$work/time.txt"
head -3 "$work/out.txt" | cut -c1-300
