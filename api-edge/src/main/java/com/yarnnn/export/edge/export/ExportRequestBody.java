package com.yarnnn.export.edge.export;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * The body of {@code POST /api/integrations/export}; its JSON names are snake_case. Without a title one is taken from
 * the content ({@link ExportTitle}); without a version the export is ad hoc (no approval matches it).
 */
public record ExportRequestBody(
        @NotBlank(message = "provider_id is required")
        @Size(max = 100, message = "provider_id must be at most 100 characters")
        String providerId,
        @NotBlank(message = "destination_id is required")
        @Size(max = 1000, message = "destination_id must be at most 1000 characters")
        String destinationId,
        @NotBlank(message = "content is required and must not be blank")
        String content,
        @Size(max = 500, message = "title must be at most 500 characters")
        String title,
        UUID deliverableVersionId,
        UUID deliverableId,
        @Size(max = 500, message = "destination_name must be at most 500 characters")
        String destinationName) {
}
