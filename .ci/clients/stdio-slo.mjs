// The official TS SDK v2 client over stdio, calling slo_report with real arguments.
// Usage (from the mcp-clients install folder): node stdio-slo.mjs legacy|auto|modern -- COMMAND ARGS...
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';

const argv = process.argv.slice(2);
const mode = argv[0];
const [command, ...args] = argv.slice(argv.indexOf('--') + 1);
const versionNegotiation =
  mode === 'modern' ? { mode: { pin: '2026-07-28' } } : mode === 'auto' ? { mode: 'auto' } : { mode: 'legacy' };
const client = new Client({ name: 'sre-mcp-ci-stdio', version: '1.0.0' }, { versionNegotiation });
const transport = new StdioClientTransport({ command, args, stderr: 'inherit' });
try {
  await client.connect(transport);
  const result = await client.callTool({
    name: 'slo_report',
    arguments: { target: 99.9, window: '30d', good: 999500, total: 1000000 }
  });
  console.log(`era=${client.getProtocolEra()} ${JSON.stringify(result.structuredContent.errorBudget)}`);
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await client.close();
}
