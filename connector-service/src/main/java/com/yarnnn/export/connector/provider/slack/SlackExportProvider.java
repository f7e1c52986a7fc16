package com.yarnnn.export.connector.provider.slack;

import static com.yarnnn.export.schemas.event.ExportErrorCodes.NEEDS_REAUTH;

import com.yarnnn.export.connector.connection.ActiveConnection;
import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.connection.ConnectionUnusableException;
import com.yarnnn.export.connector.connection.Destination;
import com.yarnnn.export.connector.failure.DeliveryException;
import com.yarnnn.export.connector.mcp.McpServerSpec;
import com.yarnnn.export.connector.mcp.McpSessionManager;
import com.yarnnn.export.connector.provider.DeliveryReceipt;
import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.connector.provider.ExportReference;
import com.yarnnn.export.connector.provider.ProviderConnections;
import com.yarnnn.export.connector.provider.ProviderDescriptor;
import com.yarnnn.export.connector.provider.RateBudget;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Posts the deliverable to a Slack channel through the real {@code @modelcontextprotocol/server-slack}: the first
 * message with {@code slack_post_message}, the rest of a long deliverable as replies in its thread with
 * {@code slack_reply_to_thread}. The server takes the bot token from its environment, so each connection has
 * its own session (key {@code slack:<connection id>}); a new token replaces it.
 */
public class SlackExportProvider implements ExportProvider {

    public static final String ID = "slack";

    static final int MAX_DESTINATIONS = 1_000;
    private static final int CHANNELS_PER_PAGE = 200;
    /** How far back a later attempt looks for what an earlier one posted. */
    private static final int HISTORY_SCAN = 100;

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(ID, "Slack",
            "Post the deliverable to a Slack channel; long ones continue in the message's thread", "slack", true);

    private final McpSessionManager mcp;
    private final ProviderConnections connections;
    private final SlackProperties properties;
    private final SlackThreadComposer composer;

    public SlackExportProvider(McpSessionManager mcp, ConnectionAccess connections, SlackProperties properties) {
        this.mcp = mcp;
        this.connections = new ProviderConnections(ID, connections, "Connect a Slack workspace to export to Slack");
        this.properties = properties;
        this.composer = new SlackThreadComposer(properties.maxMessageChars());
    }

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void checkDestination(String destinationId) {
        SlackChannelId.require(destinationId);
    }

    /** About one message a second per channel (short bursts pass), and a ceiling per workspace. */
    @Override
    public List<RateBudget> budgets(ExportRequested request) {
        return List.of(
                new RateBudget("slack:channel:" + request.connectionId() + ":" + request.destinationId(),
                        "this channel", 1, Duration.ofSeconds(1)),
                new RateBudget("slack:workspace:" + request.connectionId(), "this workspace", 100,
                        Duration.ofMinutes(1)));
    }

    @Override
    public DeliveryReceipt deliver(ExportRequested request) {
        return post(target(request), request);
    }

    /**
     * Looks in the channel's recent history for the first message of this export (by its reference): when an
     * earlier attempt posted it, only the replies its thread still lacks are posted; otherwise the export is posted.
     */
    @Override
    public DeliveryReceipt redeliver(ExportRequested request) {
        Target target = target(request);
        String reference = ExportReference.of(request.exportId());
        JsonNode history = call(target.server(), "slack_get_channel_history",
                Map.of("channel_id", target.channel(), "limit", HISTORY_SCAN));
        for (JsonNode message : history.path("messages")) {
            if (message.path("text").asString("").contains(reference)) {
                String ts = message.path("ts").asString();
                int posted = call(target.server(), "slack_get_thread_replies",
                        Map.of("channel_id", target.channel(), "thread_ts", ts)).path("messages").size();
                return replyFrom(target, ts, compose(request), Math.max(1, posted));
            }
        }
        return post(target, request);
    }

    private record Target(String channel, ActiveConnection connection, McpServerSpec server) {
    }

    private Target target(ExportRequested request) {
        String channel = SlackChannelId.require(request.destinationId());
        ActiveConnection connection = connections.open(request.connectionId());
        return new Target(channel, connection, server(connection));
    }

    private List<String> compose(ExportRequested request) {
        return composer.compose(request.title(), request.content(), request.exportId());
    }

    private DeliveryReceipt post(Target target, ExportRequested request) {
        List<String> messages = compose(request);
        JsonNode parent = call(target.server(), "slack_post_message",
                Map.of("channel_id", target.channel(), "text", messages.get(0)));
        String ts = parent.path("ts").asString("");
        if (ts.isEmpty()) {
            throw new DeliveryException("slack_unexpected_response",
                    "Slack accepted the message but did not say where it is", false, null);
        }
        Target postedIn = new Target(parent.path("channel").asString(target.channel()), target.connection(),
                target.server());
        return replyFrom(postedIn, ts, messages, 1);
    }

    private DeliveryReceipt replyFrom(Target target, String ts, List<String> messages, int first) {
        for (String reply : messages.subList(Math.min(first, messages.size()), messages.size())) {
            call(target.server(), "slack_reply_to_thread",
                    Map.of("channel_id", target.channel(), "thread_ts", ts, "text", reply));
        }
        return new DeliveryReceipt(target.channel() + "/" + ts,
                SlackPermalink.of(target.connection().connection(), target.channel(), ts));
    }

    /** The workspace's public channels (what the server's {@code conversations.list} returns), by name. */
    @Override
    public boolean listsDestinations() {
        return true;
    }

    @Override
    public List<Destination> destinations(ActiveConnection connection) {
        McpServerSpec server = server(connection);
        Map<String, Destination> channels = new LinkedHashMap<>();
        String cursor = "";
        do {
            Map<String, Object> arguments = cursor.isEmpty() ? Map.of("limit", CHANNELS_PER_PAGE)
                    : Map.of("limit", CHANNELS_PER_PAGE, "cursor", cursor);
            JsonNode page = call(server, "slack_list_channels", arguments);
            for (JsonNode channel : page.path("channels")) {
                String id = channel.path("id").asString("");
                if (!id.isEmpty() && channels.size() < MAX_DESTINATIONS) {
                    channels.putIfAbsent(id, new Destination(id, "#" + channel.path("name").asString(id), "channel"));
                }
            }
            cursor = page.path("response_metadata").path("next_cursor").asString("");
        } while (!cursor.isEmpty() && channels.size() < MAX_DESTINATIONS);
        List<Destination> sorted = new ArrayList<>(channels.values());
        sorted.sort(Comparator.comparing(Destination::name));
        return sorted;
    }

    /** The server has no {@code auth.test}: listing one channel is the cheapest call that proves the token. */
    @Override
    public void validateConnection(ActiveConnection connection) {
        call(server(connection), "slack_list_channels", Map.of("limit", 1));
    }

    private JsonNode call(McpServerSpec server, String tool, Map<String, Object> arguments) {
        return SlackResultParser.parse(mcp.callTool(server, tool, arguments));
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
