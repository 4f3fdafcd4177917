-- The same bytes to a bare Javalin route that parses and writes back JSON: the floor.
-- Body identical to Requests.SLO_CALL in the benchmarks module.
wrk.method = "POST"
wrk.body = '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"slo_report","arguments":{"target":99.9,"window":"30d","good":999500,"total":1000000},"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{},"io.modelcontextprotocol/clientInfo":{"name":"bench","version":"1"}}}}'
wrk.headers["Content-Type"] = "application/json"
