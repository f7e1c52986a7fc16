// A third-party MCP client of api-edge's /mcp, on the official TypeScript SDK (@modelcontextprotocol/sdk, pinned in
// ../package.json): connects over Streamable HTTP with a bearer token, lists the tools, calls export_deliverable with
// a progress token (the SDK's onprogress) collecting every progress notification's message, then calls get_export
// with the export_id it returned.
//
//   node clients/export-with-progress.mjs <url> <token> <json-arguments>
//   node clients/export-with-progress.mjs http://127.0.0.1:8080/mcp "$JWT" '{"provider":"slack","destination_id":"C1","content":"hi","wait_seconds":10}'
//
// Prints one JSON object on stdout, {tools, progress, result, export}: the tool names, the progress messages in order
// (null for a notification without one), export_deliverable's structuredContent and get_export's. On any error
// (connection, HTTP status, JSON-RPC error, a tool result with isError, no structuredContent) it prints a message on
// stderr and exits 1.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const EXPORT_TOOL = 'export_deliverable';
const STATUS_TOOL = 'get_export';

function fail(message) {
  process.stderr.write(`export-with-progress: ${message}\n`, () => process.exit(1));
}

async function callForStructuredContent(client, name, args, options) {
  const result = await client.callTool({ name, arguments: args }, undefined, options);
  if (result.isError) {
    const text = (result.content ?? []).filter((c) => c.type === 'text').map((c) => c.text).join('\n');
    throw new Error(`${name} returned isError: ${text || JSON.stringify(result)}`);
  }
  if (!result.structuredContent) {
    throw new Error(`${name} returned no structuredContent: ${JSON.stringify(result)}`);
  }
  return result.structuredContent;
}

async function main() {
  const [url, token, json] = process.argv.slice(2);
  if (!url || !token || json === undefined) {
    throw new Error('usage: export-with-progress.mjs <url> <token> <json-arguments>');
  }
  const args = JSON.parse(json);
  if (args === null || typeof args !== 'object' || Array.isArray(args)) {
    throw new Error('<json-arguments> must be a JSON object');
  }

  const client = new Client({ name: 'yarnnn-export-with-progress', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  try {
    const tools = [];
    let cursor;
    do {
      const page = await client.listTools(cursor ? { cursor } : undefined);
      tools.push(...page.tools.map((t) => t.name));
      cursor = page.nextCursor;
    } while (cursor);

    const progress = [];
    const result = await callForStructuredContent(client, EXPORT_TOOL, args, {
      onprogress: (p) => progress.push(p.message ?? null),
      resetTimeoutOnProgress: true,
    });
    if (!result.export_id) {
      throw new Error(`${EXPORT_TOOL} returned no export_id: ${JSON.stringify(result)}`);
    }
    const exported = await callForStructuredContent(client, STATUS_TOOL, { export_id: result.export_id });

    const out = JSON.stringify({ tools, progress, result, export: exported }) + '\n';
    await new Promise((resolve) => process.stdout.write(out, resolve));
  } finally {
    // ends the stateful session (DELETE); a server that does not allow it answers 405, which the SDK accepts
    await transport.terminateSession().catch(() => {});
    await client.close().catch(() => {});
  }
}

function describe(err) {
  if (!(err instanceof Error)) return String(err);
  // StreamableHTTPError carries the HTTP status as code, McpError the JSON-RPC error code; fetch's cause says why
  const code = err.code !== undefined ? ` (code ${err.code})` : '';
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `${err.message}${code}${cause}`;
}

main().then(
  () => process.exit(0),
  (err) => fail(describe(err)),
);
