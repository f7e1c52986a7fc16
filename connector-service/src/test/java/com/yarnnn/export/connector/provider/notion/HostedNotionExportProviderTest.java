package com.yarnnn.export.connector.provider.notion;

import static com.yarnnn.export.schemas.event.ExportErrorCodes.NEEDS_REAUTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.yarnnn.export.connector.connection.ConnectionUnusableException;
import com.yarnnn.export.connector.connection.Destination;
import com.yarnnn.export.connector.failure.DeliveryException;
import com.yarnnn.export.connector.failure.McpCallException;
import com.yarnnn.export.connector.mcp.remote.RemoteMcpProperties;
import com.yarnnn.export.connector.mcp.remote.RemoteMcpSessions;
import com.yarnnn.export.connector.provider.DeliveryReceipt;
import com.yarnnn.export.connector.provider.RenewableConnection;
import com.yarnnn.export.fakes.hosted.HostedMcpRequest;
import com.yarnnn.export.fakes.hosted.HostedNotionMcp;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportTrigger;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The provider on transport {@code remote}, against {@link HostedNotionMcp} (a double of Notion's hosted MCP server
 * with its recorded tool schemas), through the real {@link RemoteMcpSessions}: the page's markdown is read back from
 * the double, and its pages and call counts show nothing was created twice.
 */
class HostedNotionExportProviderTest {

    static final String WORKSPACE = "W1";
    static final String TOKEN = "ntn_hosted_user_token_5b6c7d8e9f0a1b2c3d4e";
    static final String RENEWED = "ntn_hosted_user_token_renewed_0a1b2c3d4e5f";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final Duration SHORT_TIMEOUT = Duration.ofSeconds(2);

    private final HostedNotionMcp notion = HostedNotionMcp.start().workspace(WORKSPACE).token(TOKEN, WORKSPACE)
            .token(RENEWED, WORKSPACE);
    private final String parent = notion.addPage(WORKSPACE, "Reports", "Where the exports go");
    private final RemoteMcpSessions sessions = sessions(REQUEST_TIMEOUT);
    private final RenewableConnection connection = new RenewableConnection("notion", WORKSPACE, TOKEN, RENEWED);

    @AfterEach
    void stop() {
        sessions.destroy();
        notion.close();
    }

    private RemoteMcpSessions sessions(Duration requestTimeout) {
        return new RemoteMcpSessions(new RemoteMcpProperties(Map.of("notion", new RemoteMcpProperties.Server(
                URI.create(notion.url()), requestTimeout)), null, null, null, null, null), Clock.systemUTC());
    }

    @Test
    void createsOnePageWhoseMarkdownRendersTheDeliverable() {
        ExportRequested request = request("Quarterly review", """
                # Results

                Revenue grew **12%** and *costs* fell; see [the dashboard](https://example.com/q3?a=(1)).

                - first
                - second
                  1. nested `code`
                - [x] shipped

                > Quoted
                > on two lines

                > [!WARNING]
                > Mind the gap

                | Region | Sales |
                |---|---|
                | EU | 10 |
                | US |

                ```java
                int a = b[0] * 2; // <not escaped>
                ```

                ##### Deep heading
                Special: 5 * 3 < 20 | {x} ~y $z ^w [n]
                """);

        DeliveryReceipt receipt = provider().deliver(request);

        String ref = request.exportId().toString().substring(0, 8);
        assertThat(notion.children(WORKSPACE, parent)).singleElement().satisfies(page -> {
            assertThat(page.title()).isEqualTo("Quarterly review");
            assertThat(page.content()).isEqualTo(String.join("\n",
                    "<span color=\"gray\">*Exported from YARNNN · ref " + ref + "*</span>",
                    "# Results",
                    "Revenue grew **12%** and *costs* fell; see [the dashboard](https://example.com/q3?a=%281%29).",
                    "- first",
                    "- second",
                    "\t1. nested `code`",
                    "- [x] shipped",
                    "> Quoted on two lines",
                    "<callout icon=\"⚠️\" color=\"yellow_bg\">",
                    "\t**WARNING**",
                    "\tMind the gap",
                    "</callout>",
                    "<table header-row=\"true\">",
                    "\t<tr>",
                    "\t\t<td>Region</td>",
                    "\t\t<td>Sales</td>",
                    "\t</tr>",
                    "\t<tr>",
                    "\t\t<td>EU</td>",
                    "\t\t<td>10</td>",
                    "\t</tr>",
                    "\t<tr>",
                    "\t\t<td>US</td>",
                    "\t\t<td></td>",
                    "\t</tr>",
                    "</table>",
                    "```java",
                    "int a = b[0] * 2; // <not escaped>",
                    "```",
                    "#### Deep heading",
                    "Special: 5 \\* 3 \\< 20 \\| \\{x\\} \\~y \\$z \\^w \\[n\\]"));
            assertThat(receipt).isEqualTo(new DeliveryReceipt(page.id(), page.url()));
        });
        assertThat(notion.callCount("notion-create-pages")).isEqualTo(1);
        assertThat(notion.requests()).extracting(HostedMcpRequest::token).containsOnly(TOKEN);
    }

    @Test
    void a401RenewsTheTokenOnceAndThePageIsCreatedOnce() {
        notion.faults().nextToolCalls(1).unauthorized();

        DeliveryReceipt receipt = provider().deliver(request("Report", "text"));

        assertThat(connection.refreshes()).isEqualTo(1);
        assertThat(notion.children(WORKSPACE, parent)).singleElement()
                .satisfies(page -> assertThat(receipt.externalId()).isEqualTo(page.id()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(notion.requests())
                .filteredOn(r -> "notion-create-pages".equals(r.tool()))
                .extracting(HostedMcpRequest::token).containsExactly(TOKEN, RENEWED));
        assertThat(notion.callCount("notion-create-pages")).isEqualTo(1);
    }

    @Test
    void aRevokedTokenThatCannotBeRenewedNeedsReauthorisation() {
        notion.revoke(TOKEN);
        connection.renewsTo(TOKEN); // the refresh is refused: the same token comes back

        ConnectionUnusableException failure = catchThrowableOfType(ConnectionUnusableException.class,
                () -> provider().deliver(request("Report", "text")));

        assertThat(failure.code()).isEqualTo(NEEDS_REAUTH);
        assertThat(failure.getMessage()).doesNotContain(TOKEN);
        assertThat(notion.children(WORKSPACE, parent)).isEmpty();
    }

    @Test
    void a429PassesOnItsRetryAfterExactly() {
        notion.faults().nextToolCalls(1).rateLimited(Duration.ofSeconds(7));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> provider().deliver(request("Report", "text")));

        assertThat(failure.code()).isEqualTo("rate_limited");
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(notion.children(WORKSPACE, parent)).isEmpty();
    }

    @Test
    void notionsRateLimitToolErrorPassesOnItsRetryAfterSeconds() {
        notion.rateLimitNextToolCalls(1, 12, "workspace_limit");

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> provider().deliver(request("Report", "text")));

        assertThat(failure.code()).isEqualTo("rate_limited");
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(12));
        assertThat(notion.children(WORKSPACE, parent)).isEmpty();
    }

    @Test
    void a5xxPassesAndTheNextAttemptCreatesThePageOnce() {
        HostedNotionExportProvider provider = provider();
        ExportRequested request = request("Report", "text");
        notion.faults().nextToolCalls(1).unavailable();

        McpCallException failure = catchThrowableOfType(McpCallException.class, () -> provider.deliver(request));
        assertThat(failure.code()).isEqualTo("server_unavailable");
        assertThat(notion.children(WORKSPACE, parent)).isEmpty();

        provider.redeliver(request);

        assertThat(notion.children(WORKSPACE, parent)).hasSize(1);
    }

    @Test
    void aDroppedSessionIsReplacedAndThePageCreatedOnce() {
        HostedNotionExportProvider provider = provider();
        provider.deliver(request("First", "text"));
        assertThat(notion.faults().dropAllSessions()).isEqualTo(1);

        provider.deliver(request("Second", "text"));

        assertThat(notion.children(WORKSPACE, parent)).extracting(HostedNotionMcp.Page::title)
                .containsExactly("First", "Second");
        assertThat(notion.callCount("notion-create-pages")).isEqualTo(2);
        assertThat(notion.sessionsStarted()).isEqualTo(2);
    }

    @Test
    void aCreateThatTimedOutAfterNotionMadeThePageIsFoundByRedeliveryThoughSearchHasNotIndexedIt() {
        RemoteMcpSessions impatient = sessions(SHORT_TIMEOUT);
        try {
            HostedNotionExportProvider provider = provider(impatient);
            ExportRequested request = request("Report", "text");
            provider.validateConnection(connection.active()); // the session is up before the timed call
            notion.searchIndexLag(Duration.ofMinutes(5));
            notion.faults().nextCallsOf("notion-create-pages", 1).hang(SHORT_TIMEOUT.plusSeconds(1));

            McpCallException failure = catchThrowableOfType(McpCallException.class, () -> provider.deliver(request));
            assertThat(failure.code()).isEqualTo("timeout");
            await().atMost(Duration.ofSeconds(10)).until(() -> notion.children(WORKSPACE, parent).size() == 1);

            DeliveryReceipt receipt = provider.redeliver(request);

            HostedNotionMcp.Page page = notion.children(WORKSPACE, parent).get(0);
            assertThat(notion.children(WORKSPACE, parent)).as("no second page").hasSize(1);
            assertThat(receipt).isEqualTo(new DeliveryReceipt(page.id(), page.url()));
            assertThat(notion.callCount("notion-create-pages")).isEqualTo(1);
        } finally {
            impatient.destroy();
        }
    }

    @Test
    void redeliveryFindsACompletePageBySearchAndCreatesOneWhenThereIsNone() {
        HostedNotionExportProvider provider = provider();
        ExportRequested request = request("Report", "text");
        DeliveryReceipt first = provider.deliver(request);
        notion.addPage(WORKSPACE, parent, "Report", "Exported from YARNNN · ref 00000000\nanother export");

        assertThat(provider.redeliver(request)).isEqualTo(first);
        assertThat(notion.callCount("notion-create-pages")).isEqualTo(1);
        assertThat(notion.callCount("notion-search")).isEqualTo(1);

        provider.redeliver(request("Report", "other text"));
        assertThat(notion.children(WORKSPACE, parent)).hasSize(3);
        assertThat(notion.callCount("notion-create-pages")).isEqualTo(2);
    }

    @Test
    void aPageWithTheReferenceElsewhereIsNotTakenForTheExport() {
        ExportRequested request = request("Report", "text");
        String elsewhere = notion.addPage(WORKSPACE, "Elsewhere", "");
        notion.addPage(WORKSPACE, elsewhere, "Report", "Exported from YARNNN · ref "
                + request.exportId().toString().substring(0, 8));

        provider().redeliver(request);

        assertThat(notion.children(WORKSPACE, parent)).hasSize(1);
    }

    @Test
    void anUnknownOrUnsharedDestinationIsAFinalObjectNotFound() {
        ExportRequested request = request("Report", "text", UUID.randomUUID().toString());

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> provider().redeliver(request));

        assertThat(failure.code()).isEqualTo("object_not_found");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("not shared with the YARNNN integration");
        assertThat(notion.pages(WORKSPACE)).hasSize(1);
    }

    @Test
    void notionsValidationErrorIsFinal() {
        McpSchema.CallToolResult refused = McpSchema.CallToolResult.builder()
                .structuredContent(Map.of("error", Map.of("code", "validation_error", "status", 400,
                        "message", "content is not valid")))
                .addTextContent("{\"error\":{\"code\":\"validation_error\"}}").isError(true).build();

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> HostedNotionResults.parse(refused));

        assertThat(failure.code()).isEqualTo("validation_error");
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.getMessage()).contains("content is not valid");
    }

    @Test
    void aDeliverableOverNotionsRequestLimitIsRefusedFinallyWithoutACall() {
        String huge = "word ".repeat(HostedNotionExportProvider.MAX_REQUEST_BYTES / 5 + 1);

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> provider().deliver(request("Report", huge)));

        assertThat(failure.code()).isEqualTo("notion_page_too_large");
        assertThat(failure.retryable()).isFalse();
        assertThat(notion.callCount("notion-create-pages")).isZero();
    }

    @Test
    void listsThePagesTheConnectionSeesAndValidatesIt() {
        String other = notion.addPage(WORKSPACE, "Team notes", "");

        List<Destination> destinations = provider().destinations(connection.active());
        provider().validateConnection(connection.active());

        assertThat(destinations).containsExactlyInAnyOrder(new Destination(parent, "Reports", "page"),
                new Destination(other, "Team notes", "page"));
        assertThat(notion.callCount("notion-search")).isEqualTo(2);
    }

    private HostedNotionExportProvider provider() {
        return provider(sessions);
    }

    private HostedNotionExportProvider provider(RemoteMcpSessions through) {
        return new HostedNotionExportProvider(through, connection,
                new NotionProperties(null, null, NotionProperties.Transport.REMOTE));
    }

    private ExportRequested request(String title, String content) {
        return request(title, content, parent);
    }

    private ExportRequested request(String title, String content, String destination) {
        return new ExportRequested(ExportRequested.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "notion", connection.id(), destination, null, UUID.randomUUID(), title, content,
                ExportTrigger.MANUAL, 1, Instant.parse("2026-11-25T10:15:30Z"));
    }
}
