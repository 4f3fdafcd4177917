#!/usr/bin/env bash
# Rewrites the golden answers of the host contract (McpHostContract) from a real run of the
# Javalin host: the 2026-07-28 tools/list result (without its _meta, which carries the version)
# and the structured content of tools/call slo_report. Run it after changing a tool's schema or
# output on purpose, then read the diff before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
port=18935
golden=testkit/src/main/resources/dev/sremcp/testkit/host
./sre-mcp serve --port "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.3; done
meta='"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}'
post() { # post METHOD NAME PARAMS
  curl -fs -X POST "http://127.0.0.1:$port/mcp" -H 'Content-Type: application/json' \
    -H 'MCP-Protocol-Version: 2026-07-28' -H "Mcp-Method: $1" ${2:+-H "Mcp-Name: $2"} \
    -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":{$3$meta}}"
}
post tools/list "" "" \
  | python3 -c 'import json,sys; r=json.load(sys.stdin)["result"]; r.pop("_meta"); print(json.dumps(r, indent=2))' \
  >"$golden/tools-list.result.json"
post tools/call slo_report '"name":"slo_report","arguments":{"target":99.9,"window":"30d","good":999500,"total":1000000},' \
  | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["result"]["structuredContent"], indent=2))' \
  >"$golden/slo-report.structured.json"
git --no-pager diff --stat -- "$golden"
