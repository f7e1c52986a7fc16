package com.yarnnn.export.localstack;

import com.yarnnn.export.fakes.gmail.FakeGmailApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * How many times an export arrived where it was sent, counted at the vendor fakes and in the export folder — what
 * a person would see, whatever the pipeline's own records say. Each export has a destination of its own, so
 * everything there is that export's.
 */
final class VendorDeliveries {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final VendorFakes fakes;
    private final Path exportRoot;

    VendorDeliveries(VendorFakes fakes, Path exportRoot) {
        this.fakes = fakes;
        this.exportRoot = exportRoot;
    }

    int count(SameKeyRetryingClient.PlannedExport export, UUID exportId) {
        return switch (export.provider()) {
            case "folder" -> folderFiles(export.destination(), exportId);
            case "slack" -> fakes.slack.messagesIn(export.destination());
            // a created page is a child_page block of its parent
            case "notion" -> fakes.notion.children(export.destination()).size();
            case "gmail" -> emailsTo(export.destination());
            default -> throw new IllegalArgumentException(export.provider());
        };
    }

    /** Files for the export in its folder: {@code <slug>-<first 8 of export id>.md}. */
    private int folderFiles(String folder, UUID exportId) {
        Path directory = exportRoot.resolve(folder);
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        String suffix = "-" + exportId.toString().substring(0, 8) + ".md";
        try (Stream<Path> files = Files.list(directory)) {
            return (int) files.filter(file -> file.getFileName().toString().endsWith(suffix)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends whose MIME message is addressed to the recipient. */
    private int emailsTo(String recipient) {
        return (int) fakes.gmail.requests().stream()
                .filter(r -> r.path().equals(FakeGmailApi.SEND_PATH))
                .map(r -> new String(Base64.getUrlDecoder().decode(JSON.readTree(r.body()).get("raw").asString()),
                        StandardCharsets.UTF_8))
                .filter(mime -> mime.contains(recipient))
                .count();
    }
}
