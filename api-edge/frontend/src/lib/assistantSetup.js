// What an AI assistant needs to reach YARNNN's MCP server (docs/mcp-server.md): the endpoint and its configuration.

/** Where the snippets put the token until one is created. */
export const TOKEN_PLACEHOLDER = '<token>';

/** The MCP endpoint on the server that serves this page; a token for it names this URL as its audience. */
export function mcpEndpoint(origin) {
  return `${origin}/mcp`;
}

/** Claude Code connects over Streamable HTTP itself. */
export function claudeCodeCommand(endpoint, token = TOKEN_PLACEHOLDER) {
  return `claude mcp add --transport http yarnnn ${endpoint} --header "Authorization: Bearer ${token}"`;
}

/** Claude Desktop (and other stdio-only clients) through the mcp-remote bridge. */
export function claudeDesktopConfig(endpoint, token = TOKEN_PLACEHOLDER) {
  const config = {
    mcpServers: {
      yarnnn: { command: 'npx', args: ['mcp-remote', endpoint, '--header', `Authorization: Bearer ${token}`] },
    },
  };
  return JSON.stringify(config, null, 2);
}
