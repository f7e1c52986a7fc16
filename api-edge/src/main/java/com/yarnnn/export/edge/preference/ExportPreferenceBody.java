package com.yarnnn.export.edge.preference;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body that saves a preference; its JSON names are snake_case. */
record ExportPreferenceBody(
        @NotBlank(message = "provider_id is required")
        @Size(max = 100, message = "provider_id must be at most 100 characters")
        String providerId,
        @NotBlank(message = "destination_id is required")
        @Size(max = 1000, message = "destination_id must be at most 1000 characters")
        String destinationId,
        @Size(max = 500, message = "destination_name must be at most 500 characters")
        String destinationName,
        @NotNull(message = "auto_export is required (true or false)")
        Boolean autoExport) {
}
