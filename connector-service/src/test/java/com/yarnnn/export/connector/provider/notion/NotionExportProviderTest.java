package com.yarnnn.export.connector.provider.notion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.yarnnn.export.connector.connection.ActiveConnection;
import com.yarnnn.export.connector.connection.Connection;
import com.yarnnn.export.connector.connection.ConnectionAccess;
import com.yarnnn.export.connector.connection.ConnectionStatus;
import com.yarnnn.export.connector.connection.Destination;
import com.yarnnn.export.connector.credential.Secret;
import com.yarnnn.export.connector.failure.DeliveryException;
import com.yarnnn.export.connector.mcp.McpProperties;
import com.yarnnn.export.connector.mcp.McpSessionManager;
import com.yarnnn.export.connector.provider.DeliveryReceipt;
import com.yarnnn.export.connector.provider.InvalidDestinationException;
import com.yarnnn.export.fakes.notion.FakeNotionApi;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportTrigger;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real npm {@code @notionhq/notion-mcp-server} against a fake Notion API on loopback. */
@ExtendWith(OutputCaptureExtension.class)
class NotionExportProviderTest {

    private static final Logger log = LoggerFactory.getLogger(NotionExportProviderTest.class);
    private static final Path SERVERS = Path.of(System.getProperty("yarnnn.mcp.servers-dir", "../infra/mcp-servers"));
    private static final String TOKEN = "ntn_test_4f9a1c77d2e84b0c9e6a3b5d8f7e2a1c";
    private static final String REVOKED_TOKEN = "ntn_revoked_0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final String PARENT = "2f3e7a1c-5b7d-4e8f-9a0b-1c2d3e4f5a6b";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final UUID CONNECTION = UUID.randomUUID();
    private static final UUID REVOKED_CONNECTION = UUID.randomUUID();

    private static FakeNotionApi notion;
    private static McpSessionManager mcp;
    private static NotionExportProvider provider;
    private static ConnectionAccess connections;

    @BeforeAll
    static void start() throws IOException {
        notion = FakeNotionApi.start(TOKEN);
        // the operator override repoints the real server at the fake, as an operator would at a proxy
        McpProperties.ServerOverride override = new McpProperties.ServerOverride(null, null,
                Map.of("BASE_URL", notion.baseUrl()));
        mcp = new McpSessionManager(new McpProperties(SERVERS, null, null, null, Map.of("notion", override)));
        connections = id -> new ActiveConnection(new Connection(id, UUID.randomUUID(), "notion",
                "workspace-1", "Acme", Map.of(), ConnectionStatus.ACTIVE, Instant.parse("2026-11-01T00:00:00Z")),
                Secret.of(id.equals(REVOKED_CONNECTION) ? REVOKED_TOKEN : TOKEN));
        provider = new NotionExportProvider(mcp, connections, new NotionProperties(null, 120));
    }

    @AfterAll
    static void stop() {
        mcp.destroy();
        notion.close();
    }

    @BeforeEach
    void resetFake() {
        notion.reset();
    }

    @Test
    void exportsADocumentAsANewChildPageInOneRequest() throws IOException {
        ExportRequested request = request("Weekly report — week 48", read("notion-weekly-report.md"));

        DeliveryReceipt receipt = provider.deliver(request);

        List<FakeNotionApi.Request> sent = notion.requests();
        assertThat(sent).extracting(FakeNotionApi.Request::method, FakeNotionApi.Request::path)
                .containsExactly(tuple("POST", "/v1/pages"));
        FakeNotionApi.Request create = sent.get(0);
        assertThat(create.headers()).containsEntry("authorization", "Bearer " + TOKEN)
                .containsEntry("notion-version", "2025-09-03");
        assertThat(create.body().path("parent").path("page_id").asString()).isEqualTo(PARENT);
        assertThat(create.body().path("properties").path("title").get(0).path("text").path("content").asString())
                .isEqualTo("Weekly report — week 48");
        JsonNode reference = create.body().path("children").get(0);
        assertThat(reference.path("type").asString()).isEqualTo("paragraph");
        assertThat(reference.path("paragraph").path("rich_text").get(0).path("text").path("content").asString())
                .isEqualTo("Exported from YARNNN · ref " + request.exportId().toString().substring(0, 8));
        assertThat(create.body().path("children")).hasSize(expectedBlocks(request).size());
        assertThat(JSON.writeValueAsString(create.body().path("children"))).isEqualTo(JSON.writeValueAsString(expectedBlocks(request)));

        assertThat(notion.children(receipt.externalId())).hasSize(expectedBlocks(request).size());
        assertThat(receipt.externalUrl())
                .isEqualTo("https://www.notion.so/Weekly-report-week-48-" + receipt.externalId().replace("-", ""));
    }

    @Test
    void aLongDocumentIsAppendedInOrderAtMostAHundredBlocksPerRequest() throws IOException {
        ExportRequested request = request("Q4 2026 Business Review", read("notion-quarterly-review.md"));

        DeliveryReceipt receipt = provider.deliver(request);

        List<FakeNotionApi.Request> sent = notion.requests();
        assertThat(sent).hasSizeGreaterThan(1);
        assertThat(sent.get(0).path()).isEqualTo("/v1/pages");
        assertThat(sent.subList(1, sent.size())).allSatisfy(append -> {
            assertThat(append.method()).isEqualTo("PATCH");
            assertThat(append.path()).isEqualTo("/v1/blocks/" + receipt.externalId() + "/children");
        });
        List<JsonNode> all = new ArrayList<>();
        for (FakeNotionApi.Request call : sent) {
            assertThat(call.body().path("children").size()).isBetween(1, 100);
            call.body().path("children").forEach(all::add);
        }
        assertThat(JSON.writeValueAsString(all)).isEqualTo(JSON.writeValueAsString(expectedBlocks(request)));
    }

    @Test
    void textThatLooksLikeJsonArrivesAsText() {
        provider.deliver(request("Numbers", "[1, 2]\n\n{\"a\": 1}\n\n\"[3]\""));

        JsonNode children = notion.requests().get(0).body().path("children");
        assertThat(List.of(1, 2, 3)).allSatisfy(i -> {
            JsonNode content = children.get(i).path("paragraph").path("rich_text").get(0).path("text").path("content");
            assertThat(content.isString()).as("content of paragraph %d is %s", i, content).isTrue();
        });
        assertThat(children.get(1).path("paragraph").path("rich_text").get(0).path("text").path("content").asString())
                .isEqualTo("\u200B[1, 2]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "400|validation_error|body.children[3].code.language should be `\"abap\"`|false|Notion refused the export: body.children[3].code.language",
            "404|object_not_found|Could not find page with ID: 2f3e7a1c. Make sure the relevant pages are shared.|false|Share the page with the YARNNN integration",
            "429|rate_limited|You have been rate limited. Please try again in a few minutes.|true|rate-limiting"})
    void notionErrorsFailForGoodOrAreRetried(int status, String code, String message, boolean retryable, String says) {
        notion.failNext("POST", status, code, message);

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> provider.deliver(request("Report", "text")));

        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.retryable()).isEqualTo(retryable);
        assertThat(failure.getMessage()).contains(says);
    }

    @Test
    void aRevokedTokenNeedsTheUserToReconnect() {
        ExportRequested request = request("Report", "text", REVOKED_CONNECTION);

        DeliveryException failure = catchThrowableOfType(DeliveryException.class, () -> provider.deliver(request));

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.code()).isEqualTo("needs_reauth");
        assertThat(notion.requests().get(0).headers()).containsEntry("authorization", "Bearer " + REVOKED_TOKEN);
    }

    @Test
    void aRetryAfterAFailedAppendCompletesTheSamePage() throws IOException {
        ExportRequested request = request("Q4 2026 Business Review", read("notion-quarterly-review.md"));
        notion.failNext("PATCH", 429, "rate_limited", "You have been rate limited.");

        assertThatThrownBy(() -> provider.deliver(request)).isInstanceOf(DeliveryException.class)
                .matches(e -> ((DeliveryException) e).retryable());
        DeliveryReceipt receipt = provider.deliver(request);

        assertThat(notion.requests()).filteredOn(r -> r.path().equals("/v1/pages")).hasSize(1);
        assertThat(notion.requests()).anyMatch(r -> r.method().equals("GET")
                && r.path().startsWith("/v1/blocks/" + receipt.externalId() + "/children"));
        assertThat(JSON.writeValueAsString(notion.children(receipt.externalId())))
                .isEqualTo(JSON.writeValueAsString(expectedBlocks(request)));
    }

    @Test
    void aLaterAttemptInAnotherProcessFindsThePageByItsReferenceAndCompletesIt() throws IOException {
        ExportRequested request = request("Q4 2026 Business Review", read("notion-quarterly-review.md"));
        notion.failNext("PATCH", 429, "rate_limited", "You have been rate limited.");
        assertThatThrownBy(() -> provider.deliver(request)).isInstanceOf(DeliveryException.class);
        NotionExportProvider restarted = new NotionExportProvider(mcp, connections, new NotionProperties(null, 120));

        DeliveryReceipt receipt = restarted.redeliver(request);

        assertThat(notion.requests()).filteredOn(r -> r.path().equals("/v1/pages")).hasSize(1);
        assertThat(JSON.writeValueAsString(notion.children(receipt.externalId())))
                .isEqualTo(JSON.writeValueAsString(expectedBlocks(request)));
    }

    @Test
    void aLaterAttemptCreatesThePageWhenNoEarlierOneDid() {
        ExportRequested request = request("Report", "text");

        DeliveryReceipt receipt = provider.redeliver(request);

        assertThat(notion.requests()).filteredOn(r -> r.path().equals("/v1/pages")).hasSize(1);
        assertThat(receipt.externalUrl()).startsWith("https://www.notion.so/");
    }

    @Test
    void unreachableNotionIsWorthRetrying() {
        McpSessionManager elsewhere = new McpSessionManager(new McpProperties(SERVERS, null, null, null, Map.of("notion",
                new McpProperties.ServerOverride(null, null, Map.of("BASE_URL", "http://127.0.0.1:9")))));
        try {
            NotionExportProvider cutOff = new NotionExportProvider(elsewhere, id -> connection(id, TOKEN),
                    new NotionProperties(null, null));

            DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                    () -> cutOff.deliver(request("Report", "text")));

            assertThat(failure.retryable()).isTrue();
            assertThat(failure.code()).isEqualTo("notion_unreachable");
        } finally {
            elsewhere.destroy();
        }
    }

    @Test
    void listsThePagesTheIntegrationCanSeePageByPage() {
        notion.addSearchablePages(150);

        List<Destination> destinations = provider.destinations(connection(CONNECTION, TOKEN));

        assertThat(destinations).hasSize(120);
        assertThat(destinations.get(0)).isEqualTo(new Destination(
                UUID.nameUUIDFromBytes("page-1".getBytes(StandardCharsets.UTF_8)).toString(), "Team page 1", "page"));
        List<FakeNotionApi.Request> searches = notion.requests();
        assertThat(searches).hasSize(2).allSatisfy(search -> assertThat(search.path()).isEqualTo("/v1/search"));
        assertThat(searches.get(0).body().path("filter").path("value").asString()).isEqualTo("page");
        assertThat(searches.get(0).body().path("page_size").asInt()).isEqualTo(100);
        assertThat(searches.get(1).body().path("start_cursor").asString()).isEqualTo("cursor-100");
    }

    @Test
    void validatesTheConnectionWithTheBotUser() {
        provider.validateConnection(connection(CONNECTION, TOKEN));

        assertThat(notion.requests()).extracting(FakeNotionApi.Request::path).containsExactly("/v1/users/me");
        assertThatThrownBy(() -> provider.validateConnection(connection(REVOKED_CONNECTION, REVOKED_TOKEN)))
                .isInstanceOf(DeliveryException.class).hasMessageContaining("reconnect");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2f3e7a1c5b7d4e8f9a0b1c2d3e4f5a6b", "2F3E7A1C-5B7D-4E8F-9A0B-1C2D3E4F5A6B",
            "https://www.notion.so/acme/Weekly-Reports-2f3e7a1c5b7d4e8f9a0b1c2d3e4f5a6b?pvs=4",
            "https://acme.notion.site/2f3e7a1c5b7d4e8f9a0b1c2d3e4f5a6b#section"})
    void acceptsPageIdsAndLinks(String destination) {
        assertThat(NotionPageId.parse(destination)).isEqualTo(PARENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "reports", "2f3e7a1c5b7d4e8f9a0b1c2d3e4f5a6", "https://example.com/2f3e7a1c5b7d4e8f9a0b1c2d3e4f5a6b",
            "http://www.notion.so/2f3e7a1c5b7d4e8f9a0b1c2d3e4f5a6b", "https://www.notion.so/acme/Weekly-Reports"})
    void refusesAnythingElse(String destination) {
        assertThatThrownBy(() -> provider.checkDestination(destination)).isInstanceOf(InvalidDestinationException.class);
    }

    @Test
    void theTokenAppearsInNoLogLineAndNoErrorMessage(CapturedOutput output) {
        List<String> messages = new ArrayList<>();
        provider.deliver(request("Report", "text"));
        notion.failNext("POST", 400, "validation_error", "body failed validation");
        messages.add(catchThrowableOfType(DeliveryException.class, () -> provider.deliver(request("Report", "x"))).getMessage());
        messages.add(catchThrowableOfType(DeliveryException.class,
                () -> provider.deliver(request("Report", "x", REVOKED_CONNECTION))).getMessage());

        assertThat(output.getAll()).contains("Export").doesNotContain(TOKEN).doesNotContain(REVOKED_TOKEN);
        assertThat(messages).hasSize(2).allSatisfy(message ->
                assertThat(message).doesNotContain(TOKEN).doesNotContain(REVOKED_TOKEN));
    }

    @Test
    void firstExportStartsTheServerLaterOnesReuseIt() throws IOException {
        UUID fresh = UUID.randomUUID();
        String report = read("notion-weekly-report.md");
        long start = System.nanoTime();
        provider.deliver(request("Cold", report, fresh));
        long cold = System.nanoTime() - start;
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            start = System.nanoTime();
            provider.deliver(request("Warm " + i, report, fresh));
            warm.add((System.nanoTime() - start) / 1_000_000);
        }
        log.info("Notion export of a {}-character report: first (server start) {} ms, warm {} ms",
                report.length(), cold / 1_000_000, warm);

        assertThat(notion.requests()).filteredOn(r -> r.path().equals("/v1/pages")).hasSize(6);
        assertThat(mcp.liveSessions()).filteredOn(s -> s.spec().key().equals("notion:" + fresh)).hasSize(1);
    }

    /** The page's blocks as planned, to compare with what reached Notion. */
    private static List<Map<String, Object>> expectedBlocks(ExportRequested request) {
        return NotionRequests.json(NotionRequests.topLevel(NotionExportProvider.pageBlocks(request)));
    }

    private static ActiveConnection connection(UUID id, String token) {
        return new ActiveConnection(new Connection(id, UUID.randomUUID(), "notion", "workspace-1", "Acme", Map.of(),
                ConnectionStatus.ACTIVE, Instant.parse("2026-11-01T00:00:00Z")), Secret.of(token));
    }

    private static ExportRequested request(String title, String content) {
        return request(title, content, CONNECTION);
    }

    private static ExportRequested request(String title, String content, UUID connectionId) {
        return new ExportRequested(ExportRequested.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "notion", connectionId, PARENT.replace("-", ""), null, UUID.randomUUID(), title,
                content, ExportTrigger.MANUAL, 1, Instant.parse("2026-11-25T10:15:30Z"));
    }

    private static String read(String document) throws IOException {
        try (InputStream in = NotionExportProviderTest.class.getResourceAsStream("/markdown/" + document)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
