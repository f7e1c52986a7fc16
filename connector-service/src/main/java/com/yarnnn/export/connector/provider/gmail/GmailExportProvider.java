package com.yarnnn.export.connector.provider.gmail;

import com.yarnnn.export.connector.connection.ActiveConnection;
import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.failure.DeliveryException;
import com.yarnnn.export.connector.mcp.McpServerSpec;
import com.yarnnn.export.connector.mcp.McpSessionManager;
import com.yarnnn.export.connector.provider.DeliveryReceipt;
import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.connector.provider.ProviderConnections;
import com.yarnnn.export.connector.provider.ProviderDescriptor;
import com.yarnnn.export.connector.provider.RateBudget;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Emails the deliverable from the user's Gmail account through the project's own Gmail MCP server
 * ({@code gmail-mcp-server}: stdio only, no listener, no telemetry, no files). The server runs per connection and
 * holds only the connection's current access token; a refreshed token gives a new spec, so a new server.
 * The destination id is the recipients, comma-separated.
 */
public class GmailExportProvider implements ExportProvider {

    public static final String ID = "gmail";

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(ID, "Gmail",
            "Email the deliverable from your Gmail account, formatted, to the addresses you choose", "gmail", true);
    /** A small JVM that starts fast: the server holds one session and does one HTTP call at a time. */
    private static final List<String> JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xmx128m", "-Xss512k");

    private final McpSessionManager mcp;
    private final ProviderConnections connections;
    private final GmailProperties properties;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    public GmailExportProvider(McpSessionManager mcp, ConnectionAccess connections, GmailProperties properties) {
        this.mcp = mcp;
        this.connections = new ProviderConnections(ID, connections, "Connect a Gmail account to export by email");
        this.properties = properties;
    }

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void checkDestination(String destinationId) {
        GmailRecipients.parse(destinationId);
    }

    /** Gmail allows 150 sends a minute and 2,000 a day per user. */
    @Override
    public List<RateBudget> budgets(ExportRequested request) {
        return List.of(new RateBudget("gmail:minute:" + request.connectionId(), "this mailbox", 150,
                        Duration.ofMinutes(1)),
                new RateBudget("gmail:day:" + request.connectionId(), "this mailbox", 2_000, Duration.ofDays(1)));
    }

    /**
     * Sends one email. Receipt: Gmail's message id and a link to it in the account's Sent mail
     * ({@code https://mail.google.com/mail/u/<account email>/#sent/<id>}).
     */
    @Override
    public DeliveryReceipt deliver(ExportRequested request) {
        List<String> recipients = GmailRecipients.parse(request.destinationId());
        ActiveConnection active = connections.open(request.connectionId());
        DeliverableEmail email = DeliverableEmail.of(request);
        JsonNode sent = GmailToolAnswer.successOrThrow(mcp.callTool(server(active), "send_message",
                Map.of("to", recipients, "subject", email.subject(), "text", email.text(), "html", email.html(),
                        "export_ref", request.exportId().toString())));
        String messageId = sent.path("id").asString("");
        if (messageId.isEmpty()) {
            throw new DeliveryException("gmail_unexpected_answer", "Gmail accepted the email but returned no message id",
                    false, null);
        }
        return new DeliveryReceipt(messageId,
                "https://mail.google.com/mail/u/" + active.connection().accountId() + "/#sent/" + messageId);
    }

    /** One {@code users.getProfile} call: proves the token is accepted. */
    @Override
    public void validateConnection(ActiveConnection connection) {
        GmailToolAnswer.successOrThrow(mcp.callTool(server(connection), "get_profile", Map.of()));
    }

    private McpServerSpec server(ActiveConnection connection) {
        Map<String, String> env = new HashMap<>();
        env.put("GMAIL_ACCESS_TOKEN", connection.accessToken().reveal());
        if (properties.apiBaseUrl() != null) {
            env.put("GMAIL_API_BASE_URL", properties.apiBaseUrl().toString());
        }
        List<String> args = new ArrayList<>(JVM_OPTIONS);
        args.addAll(List.of("-jar", properties.serverJar()));
        return connections.server(connection, java, args, env);
    }
}
