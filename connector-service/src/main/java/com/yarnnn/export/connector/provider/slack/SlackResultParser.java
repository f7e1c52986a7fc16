package com.yarnnn.export.connector.provider.slack;

import com.yarnnn.export.connector.connection.Destination;
import com.yarnnn.export.connector.failure.DeliveryException;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code server-slack} tool result. The server never sets {@code isError}: its text is the raw Slack Web
 * API response ({@code {"ok":false,"error":"channel_not_found"}} on failure) or, when its handler threw,
 * {@code {"error":"fetch failed"}}. Anything but {@code ok: true} becomes a classified {@link DeliveryException}.
 */
final class SlackResultParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SlackResultParser() {
    }

    /** The Slack response of a successful call. */
    static JsonNode parse(McpSchema.CallToolResult result) {
        String text = result.content().stream()
                .filter(McpSchema.TextContent.class::isInstance)
                .map(c -> ((McpSchema.TextContent) c).text())
                .collect(Collectors.joining());
        JsonNode body = read(text);
        if (body.path("ok").asBoolean(false) && !Boolean.TRUE.equals(result.isError())) {
            return body;
        }
        if (body.has("ok")) {
            throw SlackApiErrors.refused(body.path("error").asString(""), body);
        }
        throw SlackApiErrors.serverFailed(body.path("error").asString(""));
    }

    /** A posted message ({@code chat.postMessage}'s answer; the hosted server adds {@code message_link}). */
    static SlackTools.Posted posted(JsonNode body, String channel) {
        return new SlackTools.Posted(body.path("channel").asString(channel), body.path("ts").asString(""),
                link(body.path("message_link")));
    }

    /** The {@code messages} of a history ({@code conversations.history}'s shape; the hosted server adds links). */
    static List<SlackTools.Message> messages(JsonNode body) {
        List<SlackTools.Message> messages = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            messages.add(new SlackTools.Message(message.path("ts").asString(""), message.path("text").asString(""),
                    link(message.path("permalink"))));
        }
        return messages;
    }

    /** How many replies a thread holds: {@code messages} lists its parent first. */
    static int replyCount(JsonNode thread) {
        return Math.max(0, thread.path("messages").size() - 1);
    }

    /** A page of {@code channels} with {@code response_metadata.next_cursor}. */
    static SlackTools.ChannelPage channelPage(JsonNode body) {
        List<Destination> channels = new ArrayList<>();
        for (JsonNode channel : body.path("channels")) {
            String id = channel.path("id").asString("");
            if (!id.isEmpty()) {
                channels.add(new Destination(id, "#" + channel.path("name").asString(id), "channel"));
            }
        }
        return new SlackTools.ChannelPage(channels, body.path("response_metadata").path("next_cursor").asString(""));
    }

    private static String link(JsonNode link) {
        String url = link.asString("");
        return url.isEmpty() ? null : url;
    }

    private static JsonNode read(String text) {
        try {
            JsonNode body = JSON.readTree(text);
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (JacksonException e) {
            // falls through: the server answered something that is not a Slack response
        }
        throw new DeliveryException("slack_unexpected_response",
                "The Slack connector answered something that is not a Slack response", false, null);
    }
}
