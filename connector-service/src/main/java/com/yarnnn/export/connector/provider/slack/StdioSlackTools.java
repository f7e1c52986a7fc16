package com.yarnnn.export.connector.provider.slack;

import static com.yarnnn.export.schemas.event.ExportErrorCodes.NEEDS_REAUTH;

import com.yarnnn.export.connector.connection.ActiveConnection;
import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionUnusableException;
import com.yarnnn.export.connector.mcp.McpServerSpec;
import com.yarnnn.export.connector.mcp.McpSessionManager;
import com.yarnnn.export.connector.provider.ProviderConnections;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The calls through the real {@code @modelcontextprotocol/server-slack}: {@code slack_post_message},
 * {@code slack_reply_to_thread}, {@code slack_get_channel_history}, {@code slack_get_thread_replies},
 * {@code slack_list_channels}. The server takes the bot token from its environment, so each connection has its own
 * session (key {@code slack:<connection id>}); a new token replaces it.
 */
final class StdioSlackTools implements SlackTools {

    private static final int CHANNELS_PER_PAGE = 200;

    private final McpSessionManager mcp;
    private final ProviderConnections connections;
    private final SlackProperties properties;

    StdioSlackTools(McpSessionManager mcp, ProviderConnections connections, SlackProperties properties) {
        this.mcp = mcp;
        this.connections = connections;
        this.properties = properties;
    }

    @Override
    public SlackProperties.Transport transport() {
        return SlackProperties.Transport.STDIO;
    }

    @Override
    public Posted postMessage(ActiveConnection connection, String channel, String text) {
        JsonNode posted = call(connection, "slack_post_message", Map.of("channel_id", channel, "text", text));
        return SlackResultParser.posted(posted, channel);
    }

    @Override
    public void reply(ActiveConnection connection, String channel, String threadTs, String text) {
        call(connection, "slack_reply_to_thread", Map.of("channel_id", channel, "thread_ts", threadTs, "text", text));
    }

    @Override
    public List<Message> recentMessages(ActiveConnection connection, String channel, int limit) {
        JsonNode history = call(connection, "slack_get_channel_history", Map.of("channel_id", channel,
                "limit", limit));
        return SlackResultParser.messages(history);
    }

    /** {@code conversations.replies} lists the parent first, then its replies. */
    @Override
    public int threadReplyCount(ActiveConnection connection, String channel, String ts) {
        return SlackResultParser.replyCount(call(connection, "slack_get_thread_replies",
                Map.of("channel_id", channel, "thread_ts", ts)));
    }

    /** The workspace's public channels, as the server's {@code conversations.list} returns them. */
    @Override
    public ChannelPage channelsPage(ActiveConnection connection, String cursor) {
        Map<String, Object> arguments = cursor.isEmpty() ? Map.of("limit", CHANNELS_PER_PAGE)
                : Map.of("limit", CHANNELS_PER_PAGE, "cursor", cursor);
        return SlackResultParser.channelPage(call(connection, "slack_list_channels", arguments));
    }

    /** The server has no {@code auth.test}: listing one channel is the cheapest call that proves the token. */
    @Override
    public void validate(ActiveConnection connection) {
        call(connection, "slack_list_channels", Map.of("limit", 1));
    }

    private JsonNode call(ActiveConnection connection, String tool, Map<String, Object> arguments) {
        return SlackResultParser.parse(mcp.callTool(server(connection), tool, arguments));
    }

    private McpServerSpec server(ActiveConnection active) {
        Connection connection = active.connection();
        if (connection.accountId() == null || connection.accountId().isBlank()) {
            throw new ConnectionUnusableException(NEEDS_REAUTH,
                    "The Slack connection does not name its workspace; reconnect Slack");
        }
        return connections.server(active, "node", List.of(properties.entry()),
                Map.of("SLACK_BOT_TOKEN", active.accessToken().reveal(), "SLACK_TEAM_ID", connection.accountId()));
    }
}
