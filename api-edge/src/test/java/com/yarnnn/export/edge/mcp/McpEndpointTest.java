package com.yarnnn.export.edge.mcp;

import static com.yarnnn.export.edge.McpTestClients.call;
import static com.yarnnn.export.edge.McpTestClients.folderExport;
import static com.yarnnn.export.edge.McpTestClients.structured;
import static com.yarnnn.export.edge.McpTestClients.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yarnnn.export.edge.ApiEdgeIntegrationTest;
import com.yarnnn.export.edge.McpTestClients;
import com.yarnnn.export.edge.TestTokens;
import com.yarnnn.export.edge.TopicProbe;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /mcp} with the MCP Java SDK's Streamable HTTP client, on the running api-edge (no worker runs here, so an
 * export stays QUEUED): the tools, their errors, per-user isolation, and the protected resource's token checks.
 */
class McpEndpointTest extends ApiEdgeIntegrationTest {

    private static final String INITIALIZE = """
            {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18",
             "capabilities": {}, "clientInfo": {"name": "curl", "version": "1"}}}""";

    private final HttpClient http = HttpClient.newHttpClient();

    private String resource() {
        return McpTestClients.resource(port());
    }

    private String tokenFor(UUID user) {
        return McpTestClients.tokenFor(port(), user);
    }

    private McpSyncClient client(String token) {
        return McpTestClients.connect(port(), token);
    }

    @Test
    void listsTheToolsWithSchemasAndHonestAnnotations() {
        try (McpSyncClient client = client(tokenFor(UUID.randomUUID()))) {
            Map<String, Tool> tools = client.listTools().tools().stream()
                    .collect(Collectors.toMap(Tool::name, tool -> tool));

            assertThat(tools).containsOnlyKeys("list_integrations", "list_destinations", "export_deliverable",
                    "get_export", "list_exports", "retry_export");
            assertThat(tools.values()).allSatisfy(tool -> {
                assertThat(tool.inputSchema()).isNotNull();
                assertThat(tool.outputSchema()).isNotNull();
            });
            assertThat(tools.get("get_export").annotations().readOnlyHint()).isTrue();
            assertThat(tools.get("export_deliverable").annotations().readOnlyHint()).isFalse();
            assertThat(tools.get("export_deliverable").annotations().openWorldHint()).isTrue();
            assertThat(tools.get("export_deliverable").annotations().idempotentHint()).isFalse();
            assertThat(tools.get("retry_export").annotations().destructiveHint()).isFalse();
            assertThat(client.listResourceTemplates().resourceTemplates())
                    .extracting(template -> template.uriTemplate()).containsExactly("yarnnn://exports/{export_id}");
        }
    }

    @Test
    void anExportRequestedByAToolIsQueuedLikeOneFromTheHttpApiAndFollowedByGetExport() {
        UUID user = UUID.randomUUID();
        try (McpSyncClient client = client(tokenFor(user)); TopicProbe topic = folderTopic()) {
            Map<TopicPartition, Long> before = topic.endOffsets();
            Map<String, Object> arguments = folderExport();
            arguments.put("idempotency_key", "assistant-" + UUID.randomUUID());

            Map<String, Object> accepted = structured(call(client, "export_deliverable", arguments));
            Map<String, Object> again = structured(call(client, "export_deliverable", arguments));
            Map<String, Object> followed = structured(call(client, "get_export",
                    Map.of("export_id", accepted.get("export_id"))));

            assertThat(accepted.get("status")).isEqualTo("QUEUED");
            assertThat(again.get("export_id")).as("the same key and arguments").isEqualTo(accepted.get("export_id"));
            assertThat(followed).containsEntry("export_id", accepted.get("export_id"))
                    .containsEntry("provider_id", "folder")
                    .containsEntry("title", "Weekly report")
                    .containsEntry("status_url", "/api/exports/" + accepted.get("export_id"))
                    .containsEntry("resource_uri", "yarnnn://exports/" + accepted.get("export_id"));
            assertThat(statusRows(user)).isEqualTo(1);
            assertThat(topic.recordsSince(before, 1)).extracting(ConsumerRecord::key).hasSize(1);

            TextResourceContents resource = (TextResourceContents) client.readResource(
                    new ReadResourceRequest("yarnnn://exports/" + accepted.get("export_id"))).contents().get(0);
            assertThat(resource.mimeType()).isEqualTo("application/json");
            assertThat(resource.text()).contains("\"status\":\"QUEUED\"");

            Map<String, Object> listed = structured(call(client, "list_exports", Map.of("status", "QUEUED")));
            assertThat((List<?>) listed.get("exports")).hasSize(1);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void integrationsAndDestinationsAreListedAsTheHttpApiListsThem() {
        try (McpSyncClient client = client(tokenFor(UUID.randomUUID()))) {
            List<Map<String, Object>> integrations = (List<Map<String, Object>>) structured(
                    call(client, "list_integrations", Map.of())).get("integrations");
            CallToolResult slackDestinations = call(client, "list_destinations", Map.of("provider", "slack"));
            CallToolResult folderDestinations = call(client, "list_destinations", Map.of("provider", "folder"));

            assertThat(integrations).extracting(integration -> integration.get("id"))
                    .contains("folder", "slack", "notion", "gmail");
            assertThat(integrations).filteredOn(integration -> "folder".equals(integration.get("id")))
                    .singleElement().satisfies(folder -> assertThat(folder).containsEntry("connected", true));
            assertThat(integrations).filteredOn(integration -> "slack".equals(integration.get("id")))
                    .singleElement().satisfies(slack -> assertThat(slack).containsEntry("connected", false));
            assertThat(slackDestinations.isError()).isTrue();
            assertThat(text(slackDestinations)).contains("Slack").contains("HTTP 409");
            assertThat(folderDestinations.isError()).isTrue();
            assertThat(text(folderDestinations)).contains("typed in").contains("HTTP 400");
        }
    }

    @Test
    void badArgumentsAreToolErrorsInTheHttpApisWords() {
        try (McpSyncClient client = client(tokenFor(UUID.randomUUID()))) {
            Map<String, Object> noContent = folderExport();
            noContent.remove("content");
            Map<String, Object> unknownProvider = folderExport();
            unknownProvider.put("provider", "fax");

            CallToolResult missing = call(client, "export_deliverable", noContent);
            CallToolResult unknown = call(client, "export_deliverable", unknownProvider);
            CallToolResult notAnId = call(client, "get_export", Map.of("export_id", "42"));
            CallToolResult retryOfNothing = call(client, "retry_export", Map.of("export_id", UUID.randomUUID().toString()));

            assertThat(missing.isError()).isTrue();
            assertThat(text(missing)).contains("content is required");
            assertThat(unknown.isError()).isTrue();
            assertThat(text(unknown)).contains("fax").contains("HTTP 400");
            assertThat(notAnId.isError()).isTrue();
            assertThat(text(notAnId)).contains("export_id must be a UUID");
            assertThat(retryOfNothing.isError()).isTrue();
            assertThat(text(retryOfNothing)).contains("HTTP 404");
        }
    }

    @Test
    void anotherUsersExportIsNotFound() {
        Object exportId;
        try (McpSyncClient owner = client(tokenFor(UUID.randomUUID()))) {
            exportId = structured(call(owner, "export_deliverable", folderExport())).get("export_id");
        }
        try (McpSyncClient other = client(tokenFor(UUID.randomUUID()))) {
            CallToolResult seen = call(other, "get_export", Map.of("export_id", exportId));
            CallToolResult retried = call(other, "retry_export", Map.of("export_id", exportId));

            assertThat(seen.isError()).isTrue();
            assertThat(text(seen)).contains("HTTP 404");
            assertThat(retried.isError()).isTrue();
            assertThat(text(retried)).contains("HTTP 404");
            assertThatThrownBy(() -> other.readResource(new ReadResourceRequest("yarnnn://exports/" + exportId)))
                    .isInstanceOf(McpError.class);
            assertThat((List<?>) structured(call(other, "list_exports", Map.of())).get("exports")).isEmpty();
        }
    }

    @Test
    void aRequestWithoutATokenIsToldWhereTheResourceMetadataIs() throws Exception {
        HttpResponse<String> response = post(null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(
                "Bearer resource_metadata=\"http://localhost:" + port()
                        + "/.well-known/oauth-protected-resource/mcp\"");
    }

    @Test
    void tokensForAnotherAudienceExpiredOrForgedAreRefused() throws Exception {
        UUID user = UUID.randomUUID();
        String noAudience = TestTokens.forUser(user);
        String otherAudience = TestTokens.sign(TestTokens.SECRET,
                claims -> claims.subject(user.toString()).audience("https://other.example/mcp"));
        String expired = TestTokens.sign(TestTokens.SECRET, claims -> claims.subject(user.toString())
                .audience(resource()).expirationTime(java.util.Date.from(java.time.Instant.parse("2020-01-01T00:00:00Z"))));
        String forged = TestTokens.sign("another-secret-of-more-than-32-bytes-long!!",
                claims -> claims.subject(user.toString()).audience(resource()));

        for (String token : List.of(noAudience, otherAudience, expired, forged)) {
            HttpResponse<String> response = post(token);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
                    .contains("error=\"invalid_token\"").contains("resource_metadata=");
            assertThat(response.body()).doesNotContain(token);
        }
        assertThat(post(otherAudience).body()).contains("audience");
        assertThat(post(tokenFor(user)).statusCode()).isEqualTo(200);
    }

    @Test
    void theProtectedResourceMetadataNamesTheResource() throws Exception {
        // RFC 9728 §3.1: the well-known path goes between the host and the resource's path
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port()
                + "/.well-known/oauth-protected-resource/mcp")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode metadata = JsonMapper.builder().build().readTree(response.body());
        assertThat(metadata.path("resource").asString()).isEqualTo(resource());
        assertThat(metadata.path("bearer_methods_supported").get(0).asString()).isEqualTo("header");
        assertThat(metadata.path("scopes_supported").toString()).as(response.body()).isEqualTo("[\"exports\"]");
    }

    private HttpResponse<String> post(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(resource()))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
