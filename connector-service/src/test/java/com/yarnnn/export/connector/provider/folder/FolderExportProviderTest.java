package com.yarnnn.export.connector.provider.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yarnnn.export.connector.mcp.McpProperties;
import com.yarnnn.export.connector.mcp.McpSessionManager;
import com.yarnnn.export.connector.provider.DeliveryReceipt;
import com.yarnnn.export.connector.provider.InvalidDestinationException;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportTrigger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Against the real npm {@code server-filesystem}. */
class FolderExportProviderTest {

    private static final Path SERVERS = Path.of(System.getProperty("yarnnn.mcp.servers-dir", "../infra/mcp-servers"));

    @TempDir
    Path root;

    private final McpSessionManager mcp = new McpSessionManager(new McpProperties(SERVERS, null, null, null, null));

    @AfterEach
    void stopServers() {
        mcp.destroy();
    }

    @Test
    void writesTheDeliverableWithFrontMatterAndHeading() throws IOException {
        ExportRequested request = request("reports/weekly", "Weekly: Q4 \"numbers\"", "Body with **bold**\n\n[1, 2]");

        DeliveryReceipt receipt = provider().deliver(request);

        String shortId = request.exportId().toString().substring(0, 8);
        Path file = root.resolve("reports/weekly/weekly-q4-numbers-" + shortId + ".md");
        assertThat(receipt.externalId()).isEqualTo("reports/weekly/weekly-q4-numbers-" + shortId + ".md");
        assertThat(receipt.externalUrl()).isEqualTo(file.toUri().toString());
        assertThat(Files.readString(file)).isEqualTo("""
                ---
                title: "Weekly: Q4 \\"numbers\\""
                export_id: %s
                deliverable_version_id: %s
                requested_at: 2026-11-25T10:15:30Z
                ---

                # Weekly: Q4 "numbers"

                Body with **bold**

                [1, 2]
                """.formatted(request.exportId(), request.deliverableVersionId()));
    }

    @Test
    void deliveringTheSameExportAgainLeavesOneFile() throws IOException {
        ExportRequested request = request("reports", "Report", "v1");
        FolderExportProvider provider = provider();

        provider.deliver(request);
        provider.deliver(request);

        try (Stream<Path> files = Files.list(root.resolve("reports"))) {
            assertThat(files).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside", "/etc", "a/../../b", "", " ", "a//b", ".hidden", "a/b/c/d/e/f/g/h/i"})
    void refusesDestinationsOutsideTheRoot(String destination) {
        assertThatThrownBy(() -> provider().checkDestination(destination))
                .isInstanceOf(InvalidDestinationException.class);
    }

    private FolderExportProvider provider() {
        return new FolderExportProvider(mcp, new FolderProperties(root, null));
    }

    private static ExportRequested request(String destination, String title, String content) {
        return new ExportRequested(ExportRequested.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "folder", null, destination, null, UUID.randomUUID(), title, content,
                ExportTrigger.MANUAL, 1, Instant.parse("2026-11-25T10:15:30Z"));
    }
}
