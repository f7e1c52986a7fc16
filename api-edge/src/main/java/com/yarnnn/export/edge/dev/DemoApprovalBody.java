package com.yarnnn.export.edge.dev;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** What the product would approve: a version of the caller's deliverable. */
record DemoApprovalBody(
        @NotNull(message = "deliverable_id is required (a UUID)")
        UUID deliverableId,
        UUID versionId,
        @NotBlank(message = "title is required and must not be blank")
        @Size(max = 500, message = "title must be at most 500 characters")
        String title,
        @NotBlank(message = "content is required and must not be blank")
        String content) {
}
