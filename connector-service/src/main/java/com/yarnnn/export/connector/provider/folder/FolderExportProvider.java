package com.yarnnn.export.connector.provider.folder;

import com.yarnnn.export.connector.failure.DeliveryException;
import com.yarnnn.export.connector.mcp.McpServerSpec;
import com.yarnnn.export.connector.mcp.McpSessionManager;
import com.yarnnn.export.connector.provider.DeliveryReceipt;
import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.connector.provider.ProviderDescriptor;
import com.yarnnn.export.schemas.event.ExportRequested;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the deliverable as a markdown file into a folder, through the real
 * {@code @modelcontextprotocol/server-filesystem} ({@code create_directory} + {@code write_file}). Needs no
 * credentials: the pipeline works out of the box with it.
 */
public class FolderExportProvider implements ExportProvider {

    public static final String ID = "folder";

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(ID, "Folder",
            "Save the deliverable as a Markdown file in a folder on the server", "folder", false);

    private final McpSessionManager mcp;
    private final Path root;
    private final McpServerSpec server;

    public FolderExportProvider(McpSessionManager mcp, FolderProperties properties) {
        this.mcp = mcp;
        this.root = properties.root();
        this.server = McpServerSpec.shared(ID, "node", List.of(properties.entry(), root.toString()));
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder export root " + root, e);
        }
    }

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void checkDestination(String destinationId) {
        FolderDestination.resolve(root, destinationId);
    }

    @Override
    public DeliveryReceipt deliver(ExportRequested request) {
        Path folder = FolderDestination.resolve(root, request.destinationId());
        Path file = folder.resolve(FolderMarkdown.fileName(request));
        call("create_directory", Map.of("path", folder.toString()));
        call("write_file", Map.of("path", file.toString(), "content", FolderMarkdown.render(request)));
        return new DeliveryReceipt(root.relativize(file).toString(), file.toUri().toString());
    }

    private void call(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = mcp.callTool(server, tool, arguments);
        if (Boolean.TRUE.equals(result.isError())) {
            throw new DeliveryException("folder_write_refused", "The folder server refused to " + tool.replace('_', ' ')
                    + ": " + text(result), false, null);
        }
    }

    private static String text(McpSchema.CallToolResult result) {
        return result.content().stream()
                .filter(McpSchema.TextContent.class::isInstance)
                .map(c -> ((McpSchema.TextContent) c).text())
                .collect(Collectors.joining(" "));
    }
}
