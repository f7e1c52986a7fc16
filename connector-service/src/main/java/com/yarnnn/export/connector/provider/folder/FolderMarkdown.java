package com.yarnnn.export.connector.provider.folder;

import com.yarnnn.export.connector.provider.ExportReference;
import com.yarnnn.export.schemas.EventJson;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.util.Locale;

/**
 * The file a folder export writes: YAML front matter naming the export, the title as a heading, then the
 * deliverable's markdown. The name is derived from the title and export id, so a retry overwrites its own file.
 */
final class FolderMarkdown {

    private static final int MAX_SLUG = 60;

    private FolderMarkdown() {
    }

    static String render(ExportRequested request) {
        StringBuilder out = new StringBuilder("---\n");
        out.append("title: ").append(EventJson.mapper().writeValueAsString(request.title())).append('\n');
        out.append("export_id: ").append(request.exportId()).append('\n');
        if (request.deliverableId() != null) {
            out.append("deliverable_id: ").append(request.deliverableId()).append('\n');
        }
        if (request.deliverableVersionId() != null) {
            out.append("deliverable_version_id: ").append(request.deliverableVersionId()).append('\n');
        }
        out.append("requested_at: ").append(request.requestedAt()).append('\n');
        out.append("---\n\n# ").append(request.title().strip()).append("\n\n").append(request.content());
        if (!request.content().endsWith("\n")) {
            out.append('\n');
        }
        return out.toString();
    }

    static String fileName(ExportRequested request) {
        String slug = request.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-$", "");
        }
        return (slug.isEmpty() ? "deliverable" : slug) + "-" + ExportReference.shortId(request.exportId()) + ".md";
    }
}
