package com.yarnnn.export.connector.provider.slack;

import com.yarnnn.export.connector.connection.ActiveConnection;
import com.yarnnn.export.connector.connection.Destination;
import java.util.List;

/**
 * The Slack calls {@link SlackExportProvider} makes, whichever MCP server carries them: the npm
 * {@code server-slack} per connection ({@link StdioSlackTools}) or Slack's hosted server ({@link HostedSlackTools}).
 * Each call is made for the connection given, with its token; a Slack error is thrown as {@link SlackApiErrors}
 * classifies it.
 */
interface SlackTools {

    /** A posted message: where it is, its {@code ts}, and its permalink if the server gave one. */
    record Posted(String channel, String ts, String link) {
    }

    /** A top-level message of a channel: its {@code ts}, text, and permalink if the server gave one. */
    record Message(String ts, String text, String link) {
    }

    /** One page of the workspace's channels, and the cursor of the next ({@code ""} after the last). */
    record ChannelPage(List<Destination> channels, String nextCursor) {
    }

    /** Which transport this is, as configured ({@code yarnnn.providers.slack.transport}). */
    SlackProperties.Transport transport();

    /** Posts a top-level message. */
    Posted postMessage(ActiveConnection connection, String channel, String text);

    /** Posts a reply in the thread of {@code threadTs}. */
    void reply(ActiveConnection connection, String channel, String threadTs, String text);

    /** The channel's latest top-level messages, newest first, at most {@code limit}. */
    List<Message> recentMessages(ActiveConnection connection, String channel, int limit);

    /** How many replies the thread of {@code ts} holds (its parent not counted). */
    int threadReplyCount(ActiveConnection connection, String channel, String ts);

    /** A page of the workspace's channels; {@code cursor} {@code ""} for the first. */
    ChannelPage channelsPage(ActiveConnection connection, String cursor);

    /** The cheapest call that proves the connection's token. */
    void validate(ActiveConnection connection);
}
