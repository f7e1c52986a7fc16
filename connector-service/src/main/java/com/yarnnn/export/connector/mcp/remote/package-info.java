/**
 * The second MCP transport: tool calls to the vendors' hosted, multi-tenant MCP servers over Streamable HTTP
 * ({@link com.yarnnn.export.connector.mcp.remote.RemoteMcpSessions}), with the connection's OAuth token on every
 * request. No process per connection: one MCP client per (server, connection), all on one {@code HttpClient}.
 * HTTP failures become the library's failure types (see {@code RemoteFailures}). It knows no provider and no OAuth
 * client: the caller hands it the connection's tokens as a {@link com.yarnnn.export.connector.mcp.remote.TokenSource}.
 */
package com.yarnnn.export.connector.mcp.remote;
