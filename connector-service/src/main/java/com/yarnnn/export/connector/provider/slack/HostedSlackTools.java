package com.yarnnn.export.connector.provider.slack;

import com.yarnnn.export.connector.connection.ActiveConnection;
import com.yarnnn.export.connector.mcp.remote.RemoteMcpSessions;
import com.yarnnn.export.connector.mcp.remote.RemoteServer;
import com.yarnnn.export.connector.provider.ProviderConnections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The calls through Slack's hosted MCP server ({@code yarnnn.mcp.remote.servers.slack.url}, {@code
 * https://mcp.slack.com/mcp}) with the connection's user token, through {@link RemoteMcpSessions}: one client per
 * connection, no process. Its tools and arguments differ from the npm server's: the message is {@code message}, a
 * reply is {@code slack_send_message} with {@code thread_ts}, a thread is read by {@code message_ts}. Results carry
 * Slack's JSON as the npm server's do, errors with {@code isError}: {@link SlackResultParser} reads both.
 */
final class HostedSlackTools implements SlackTools {

    /** {@code slack_search_channels} answers at most 20 at a time. */
    private static final int CHANNELS_PER_PAGE = 20;
    /** {@code slack_read_thread} reads up to 1,000 messages at once. */
    private static final int THREAD_READ = 1_000;

    private final RemoteMcpSessions sessions;
    private final RemoteServer server;
    private final ProviderConnections connections;

    /**
     * @throws IllegalArgumentException when no {@code yarnnn.mcp.remote.servers.slack.url} is configured
     */
    HostedSlackTools(RemoteMcpSessions sessions, ProviderConnections connections) {
        this.sessions = sessions;
        this.server = sessions.server(SlackExportProvider.ID);
        this.connections = connections;
    }

    @Override
    public SlackProperties.Transport transport() {
        return SlackProperties.Transport.REMOTE;
    }

    @Override
    public Posted postMessage(ActiveConnection connection, String channel, String text) {
        JsonNode posted = call(connection, "slack_send_message", Map.of("channel_id", channel, "message", text));
        return SlackResultParser.posted(posted, channel);
    }

    @Override
    public void reply(ActiveConnection connection, String channel, String threadTs, String text) {
        call(connection, "slack_send_message", Map.of("channel_id", channel, "message", text, "thread_ts", threadTs));
    }

    /**
     * {@code slack_read_channel}, not {@code slack_search_public}: the history holds a message the moment it is
     * posted, while search finds it only once Slack has indexed it (an attempt retried seconds after a failure could
     * miss its own first message and post the export twice); search also leaves out private channels, needs the
     * {@code search:read.public} scope on top of what posting needs, and answers at most 20 messages at a time.
     */
    @Override
    public List<Message> recentMessages(ActiveConnection connection, String channel, int limit) {
        JsonNode history = call(connection, "slack_read_channel", Map.of("channel_id", channel,
                "limit", Math.min(limit, 100)));
        return SlackResultParser.messages(history);
    }

    /** {@code slack_read_thread} lists the parent first, then its replies. */
    @Override
    public int threadReplyCount(ActiveConnection connection, String channel, String ts) {
        return SlackResultParser.replyCount(call(connection, "slack_read_thread",
                Map.of("channel_id", channel, "message_ts", ts, "limit", THREAD_READ)));
    }

    /**
     * {@code slack_search_channels} with an empty query: the public channels that are not archived, 20 a page.
     * (The hosted server documents no listing tool; that an empty query matches every channel at Slack is the
     * double's behaviour, not yet checked against Slack.)
     */
    @Override
    public ChannelPage channelsPage(ActiveConnection connection, String cursor) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("query", "");
        arguments.put("channel_types", "public_channel");
        arguments.put("limit", CHANNELS_PER_PAGE);
        if (!cursor.isEmpty()) {
            arguments.put("cursor", cursor);
        }
        return SlackResultParser.channelPage(call(connection, "slack_search_channels", arguments));
    }

    /** One channel found proves the token (a refused one answers 401 first). */
    @Override
    public void validate(ActiveConnection connection) {
        call(connection, "slack_search_channels", Map.of("query", "", "limit", 1));
    }

    private JsonNode call(ActiveConnection connection, String tool, Map<String, Object> arguments) {
        return SlackResultParser.parse(sessions.callTool(server, connection.connection().id(),
                connections.tokens(connection), tool, arguments));
    }
}
