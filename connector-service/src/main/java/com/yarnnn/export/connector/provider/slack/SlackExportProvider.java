package com.yarnnn.export.connector.provider.slack;

import com.yarnnn.export.connector.connection.ActiveConnection;
import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.connection.Destination;
import com.yarnnn.export.connector.failure.DeliveryException;
import com.yarnnn.export.connector.mcp.McpSessionManager;
import com.yarnnn.export.connector.mcp.remote.RemoteMcpSessions;
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
import java.util.function.Function;

/**
 * Posts the deliverable to a Slack channel: the first message, then the rest of a long deliverable as replies in its
 * thread. The calls go through {@link SlackTools}: the npm {@code server-slack}, one process per connection with the
 * bot token ({@code yarnnn.providers.slack.transport=stdio}, the default), or Slack's hosted MCP server with the
 * connection's user token ({@code remote}). The delivery rules here are the same for both; the text is written in
 * the format each server takes ({@link SlackMarkup}).
 */
public class SlackExportProvider implements ExportProvider {

    public static final String ID = "slack";

    static final int MAX_DESTINATIONS = 1_000;
    /** How far back a later attempt looks for what an earlier one posted. */
    private static final int HISTORY_SCAN = 100;
    private static final String CONNECT_FIRST = "Connect a Slack workspace to export to Slack";

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(ID, "Slack",
            "Post the deliverable to a Slack channel; long ones continue in the message's thread", "slack", true);

    private final SlackTools tools;
    private final ProviderConnections connections;
    private final SlackThreadComposer composer;

    /** Through the npm {@code server-slack}, one per connection (transport {@code stdio}). */
    public SlackExportProvider(McpSessionManager mcp, ConnectionAccess connections, SlackProperties properties) {
        this(connections, properties, providerConnections -> new StdioSlackTools(mcp, providerConnections, properties));
    }

    /**
     * Through Slack's hosted MCP server (transport {@code remote}).
     *
     * @throws IllegalArgumentException when no {@code yarnnn.mcp.remote.servers.slack.url} is configured
     */
    public SlackExportProvider(RemoteMcpSessions remote, ConnectionAccess connections, SlackProperties properties) {
        this(connections, properties, providerConnections -> new HostedSlackTools(remote, providerConnections));
    }

    private SlackExportProvider(ConnectionAccess connections, SlackProperties properties,
            Function<ProviderConnections, SlackTools> tools) {
        this.connections = new ProviderConnections(ID, connections, CONNECT_FIRST);
        this.tools = tools.apply(this.connections);
        this.composer = new SlackThreadComposer(properties.maxMessageChars(), SlackMarkup.of(this.tools.transport()));
    }

    /** The transport the calls go through. */
    public SlackProperties.Transport transport() {
        return tools.transport();
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
        for (SlackTools.Message message : tools.recentMessages(target.connection(), target.channel(), HISTORY_SCAN)) {
            if (message.text().contains(reference)) {
                int replies = tools.threadReplyCount(target.connection(), target.channel(), message.ts());
                return replyFrom(target, new SlackTools.Posted(target.channel(), message.ts(), message.link()),
                        compose(request), 1 + replies);
            }
        }
        return post(target, request);
    }

    private record Target(String channel, ActiveConnection connection) {
    }

    private Target target(ExportRequested request) {
        String channel = SlackChannelId.require(request.destinationId());
        return new Target(channel, connections.open(request.connectionId()));
    }

    private List<String> compose(ExportRequested request) {
        return composer.compose(request.title(), request.content(), request.exportId());
    }

    private DeliveryReceipt post(Target target, ExportRequested request) {
        List<String> messages = compose(request);
        SlackTools.Posted parent = tools.postMessage(target.connection(), target.channel(), messages.get(0));
        if (parent.ts().isEmpty()) {
            throw new DeliveryException("slack_unexpected_response",
                    "Slack accepted the message but did not say where it is", false, null);
        }
        return replyFrom(target, parent, messages, 1);
    }

    private DeliveryReceipt replyFrom(Target target, SlackTools.Posted parent, List<String> messages, int first) {
        for (String reply : messages.subList(Math.min(first, messages.size()), messages.size())) {
            tools.reply(target.connection(), parent.channel(), parent.ts(), reply);
        }
        String url = parent.link() != null ? parent.link()
                : SlackPermalink.of(target.connection().connection(), parent.channel(), parent.ts());
        return new DeliveryReceipt(parent.channel() + "/" + parent.ts(), url);
    }

    /** The workspace's public channels, by name. */
    @Override
    public boolean listsDestinations() {
        return true;
    }

    @Override
    public List<Destination> destinations(ActiveConnection connection) {
        Map<String, Destination> channels = new LinkedHashMap<>();
        String cursor = "";
        do {
            SlackTools.ChannelPage page = tools.channelsPage(connection, cursor);
            for (Destination channel : page.channels()) {
                if (channels.size() < MAX_DESTINATIONS) {
                    channels.putIfAbsent(channel.id(), channel);
                }
            }
            cursor = page.nextCursor();
        } while (!cursor.isEmpty() && channels.size() < MAX_DESTINATIONS);
        List<Destination> sorted = new ArrayList<>(channels.values());
        sorted.sort(Comparator.comparing(Destination::name));
        return sorted;
    }

    @Override
    public void validateConnection(ActiveConnection connection) {
        tools.validate(connection);
    }
}
