package com.yarnnn.export.fakes.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HostedSlackMcpTest {

    private HostedSlackMcp slack;
    private McpSyncClient client;

    @BeforeEach
    void start() {
        slack = HostedSlackMcp.start();
        slack.workspace("T1", "acme")
                .channel("T1", "C1", "general")
                .channel("T1", "C2", "exports", false, "Reports from YARNNN", "Deliverables land here")
                .channel("T1", "G1", "secret-plans", true, "", "")
                .token("xoxp-ann", "T1", "U1");
        slack.workspace("T2", "other").channel("T2", "C9", "elsewhere").token("xoxp-bob", "T2", "U9");
        client = McpTestClients.client(slack.url(), "xoxp-ann");
        client.initialize();
    }

    @AfterEach
    void stop() {
        client.close();
        slack.close();
    }

    @Test
    void theToolsAreListedWithTheRecordedSchemas() throws Exception {
        List<McpSchema.Tool> tools = client.listTools().tools();

        assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrderElementsOf(HostedSlackMcp.TOOLS);
        McpTestClients.assertServedAsRecorded(tools, "slack", "https://mcp.slack.com/mcp");
        McpSchema.Tool send = tools.stream().filter(t -> t.name().equals("slack_send_message")).findFirst()
                .orElseThrow();
        assertThat(send.inputSchema().get("required")).isEqualTo(List.of("channel_id", "message"));
        assertThat(send.annotations().readOnlyHint()).isFalse();
    }

    @Test
    void aPostedMessageAndItsThreadAreReadBack() {
        JsonNode parent = McpTestClients.text(McpTestClients.call(client, "slack_send_message",
                Map.of("channel_id", "C2", "message", "*Weekly report*\nref 1a2b3c4d")));

        assertThat(parent.get("ok").asBoolean()).isTrue();
        String ts = parent.get("ts").asString();
        assertThat(ts).matches("\\d{10}\\.\\d{6}");
        assertThat(parent.get("message_link").asString())
                .isEqualTo("https://acme.slack.com/archives/C2/p" + ts.replace(".", ""));

        JsonNode reply = McpTestClients.text(McpTestClients.call(client, "slack_send_message",
                Map.of("channel_id", "C2", "message", "part 2", "thread_ts", ts)));
        String replyTs = reply.get("ts").asString();
        assertThat(replyTs).isGreaterThan(ts);
        assertThat(reply.get("message_link").asString()).isEqualTo("https://acme.slack.com/archives/C2/p"
                + replyTs.replace(".", "") + "?thread_ts=" + ts + "&cid=C2");

        JsonNode history = McpTestClients.text(McpTestClients.call(client, "slack_read_channel",
                Map.of("channel_id", "C2")));
        assertThat(history.get("messages")).hasSize(1);
        assertThat(history.get("messages").get(0).get("text").asString()).isEqualTo("*Weekly report*\nref 1a2b3c4d");
        assertThat(history.get("messages").get(0).get("reply_count").asInt()).isEqualTo(1);
        assertThat(history.get("messages").get(0).get("user").asString()).isEqualTo("U1");

        JsonNode thread = McpTestClients.text(McpTestClients.call(client, "slack_read_thread",
                Map.of("channel_id", "C2", "message_ts", ts)));
        assertThat(thread.get("messages")).extracting(m -> m.get("text").asString())
                .containsExactly("*Weekly report*\nref 1a2b3c4d", "part 2");

        assertThat(slack.messages("T1", "C2")).extracting(HostedSlackMcp.Message::ts).containsExactly(ts);
        assertThat(slack.thread("T1", "C2", ts)).extracting(HostedSlackMcp.Message::text)
                .containsExactly("*Weekly report*\nref 1a2b3c4d", "part 2");
        assertThat(slack.callCount("slack_send_message")).isEqualTo(2);
    }

    @Test
    void anEarlierPostIsFoundBySearchingItsReference() {
        McpTestClients.call(client, "slack_send_message", Map.of("channel_id", "C2", "message", "Report\nref 9f8e7d6c"));
        McpTestClients.call(client, "slack_send_message", Map.of("channel_id", "C1", "message", "ref 9f8e7d6c elsewhere"));
        McpTestClients.call(client, "slack_send_message", Map.of("channel_id", "G1", "message", "ref 9f8e7d6c private"));

        JsonNode everywhere = McpTestClients.text(McpTestClients.call(client, "slack_search_public",
                Map.of("query", "\"ref 9f8e7d6c\"")));
        assertThat(everywhere.get("messages")).extracting(m -> m.get("channel_id").asString())
                .containsExactlyInAnyOrder("C1", "C2");

        JsonNode inChannel = McpTestClients.text(McpTestClients.call(client, "slack_search_public",
                Map.of("query", "9f8e7d6c in:<#C2>")));
        assertThat(inChannel.get("messages")).hasSize(1);
        assertThat(inChannel.get("messages").get(0).get("permalink").asString()).startsWith(
                "https://acme.slack.com/archives/C2/p");

        JsonNode channels = McpTestClients.text(McpTestClients.call(client, "slack_search_channels",
                Map.of("query", "deliverables")));
        assertThat(channels.get("channels")).extracting(c -> c.get("id").asString()).containsExactly("C2");
    }

    @Test
    void slackErrorsAreErrorResultsHoldingSlacksJson() {
        McpSchema.CallToolResult missing = McpTestClients.call(client, "slack_send_message",
                Map.of("channel_id", "C404", "message", "x"));
        assertThat(missing.isError()).isTrue();
        assertThat(McpTestClients.text(missing).toString()).isEqualTo("{\"ok\":false,\"error\":\"channel_not_found\"}");

        slack.maxMessageChars(10);
        assertThat(McpTestClients.text(McpTestClients.call(client, "slack_send_message",
                Map.of("channel_id", "C1", "message", "x".repeat(11)))).get("error").asString())
                .isEqualTo("msg_too_long");
        assertThat(McpTestClients.text(McpTestClients.call(client, "slack_send_message",
                Map.of("channel_id", "C1", "message", "x", "thread_ts", "1.000001"))).get("error").asString())
                .isEqualTo("thread_not_found");

        slack.failNextCallsOf("slack_send_message", 1, "ratelimited");
        McpSchema.CallToolResult limited = McpTestClients.call(client, "slack_send_message",
                Map.of("channel_id", "C1", "message", "x"));
        assertThat(limited.isError()).isTrue();
        assertThat(McpTestClients.text(limited).get("error").asString()).isEqualTo("ratelimited");
        assertThat(McpTestClients.call(client, "slack_send_message", Map.of("channel_id", "C1", "message", "x"))
                .isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(slack.messages("T1", "C1")).hasSize(1);
    }

    @Test
    void argumentsOutsideTheRecordedSchemaAreRefusedByTheMcpLayer() {
        McpSchema.CallToolResult noMessage = McpTestClients.call(client, "slack_send_message", Map.of("channel_id", "C1"));

        assertThat(noMessage.isError()).isTrue();
        assertThat(((McpSchema.TextContent) noMessage.content().get(0)).text()).contains("message");
        assertThat(slack.allMessages("T1")).isEmpty();
    }

    @Test
    void eachTokenSeesItsOwnWorkspace() {
        try (McpSyncClient bob = McpTestClients.client(slack.url(), "xoxp-bob")) {
            assertThat(McpTestClients.text(McpTestClients.call(bob, "slack_send_message",
                    Map.of("channel_id", "C1", "message", "x"))).get("error").asString())
                    .isEqualTo("channel_not_found");
            McpTestClients.call(bob, "slack_send_message", Map.of("channel_id", "C9", "message", "hi from T2"));
        }
        assertThat(slack.messages("T2", "C9")).extracting(HostedSlackMcp.Message::user).containsExactly("U9");
        assertThat(slack.allMessages("T1")).isEmpty();
    }

    @Test
    void aCanvasIsCreatedAndReadBack() {
        JsonNode created = McpTestClients.text(McpTestClients.call(client, "slack_create_canvas",
                Map.of("title", "Q3 report", "content", "## Summary\nAll good")));
        String id = created.get("canvas_id").asString();
        assertThat(created.get("canvas_url").asString()).isEqualTo("https://acme.slack.com/docs/T1/" + id);

        JsonNode read = McpTestClients.text(McpTestClients.call(client, "slack_read_canvas", Map.of("canvas_id", id)));
        assertThat(read.get("markdown").asString()).isEqualTo("## Summary\nAll good");
        assertThat(slack.canvases("T1")).extracting(HostedSlackMcp.Canvas::title).containsExactly("Q3 report");
    }
}
