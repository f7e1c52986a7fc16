package com.yarnnn.export.localstack;

import com.yarnnn.export.connector.connection.ConnectionStore;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.fakes.gmail.FakeGmailApi;
import com.yarnnn.export.fakes.notion.FakeNotionApi;
import com.yarnnn.export.fakes.slack.FakeSlackApi;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Local fakes of the Slack, Notion and Gmail APIs, the settings that point the real MCP servers at them (the
 * operators' override mechanism, no code), and a user's connections to them as an OAuth callback would save them.
 */
final class VendorFakes implements AutoCloseable {

    static final String SLACK_TOKEN = "xoxb-e2e-" + UUID.randomUUID();
    static final String NOTION_TOKEN = "ntn_e2e_" + UUID.randomUUID().toString().replace("-", "");
    static final String GMAIL_TOKEN = "ya29.e2e-" + UUID.randomUUID();

    final FakeSlackApi slack;
    final FakeNotionApi notion;
    final FakeGmailApi gmail;

    VendorFakes() throws IOException {
        this(List.of());
    }

    /** Slack answers these workspaces' bot tokens too, besides the test user's. */
    VendorFakes(List<String> moreSlackWorkspaces) throws IOException {
        List<String> slackTokens = new ArrayList<>(List.of(SLACK_TOKEN));
        slackTokens.addAll(moreSlackWorkspaces);
        slack = new FakeSlackApi(slackTokens);
        notion = FakeNotionApi.start(NOTION_TOKEN);
        gmail = FakeGmailApi.start();
    }

    Map<String, Object> properties() {
        Path servers = Path.of(System.getProperty("yarnnn.mcp.servers-dir")).toAbsolutePath();
        Map<String, Object> properties = new HashMap<>();
        properties.put("yarnnn.mcp.servers.slack.env.NODE_OPTIONS",
                "--import=" + servers.resolve("slack-fetch-redirect.mjs"));
        properties.put("yarnnn.mcp.servers.slack.env.SLACK_API_BASE_URL", slack.baseUrl());
        properties.put("yarnnn.mcp.servers.notion.env.BASE_URL", notion.baseUrl());
        properties.put("yarnnn.providers.gmail.api-base-url", gmail.baseUrl());
        return properties;
    }

    void connect(ConnectionStore connections, UUID user) {
        connections.save(new ConnectionStore.NewConnection(user, "slack", "T0E2ETEAM", "Acme",
                Map.of("team_id", "T0E2ETEAM", "team_name", "Acme", "team_domain", "acme"), Secret.of(SLACK_TOKEN),
                null, null, "chat:write,channels:read"));
        connections.save(new ConnectionStore.NewConnection(user, "notion", "ws-e2e", "Acme wiki",
                Map.of("workspace_id", "ws-e2e"), Secret.of(NOTION_TOKEN), null, null, null));
        connections.save(new ConnectionStore.NewConnection(user, "gmail", FakeGmailApi.ACCOUNT, FakeGmailApi.ACCOUNT,
                Map.of("email", FakeGmailApi.ACCOUNT), Secret.of(GMAIL_TOKEN), Secret.of("1//refresh-e2e"),
                Instant.now().plus(Duration.ofHours(1)), "https://www.googleapis.com/auth/gmail.send"));
    }

    @Override
    public void close() {
        slack.close();
        notion.close();
        gmail.close();
    }
}
