package com.yarnnn.export.edge.requeue;

import com.yarnnn.export.edge.export.ExportAccepted;
import com.yarnnn.export.edge.security.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/exports/{id}/retry}: the owner sends a FAILED or DEAD_LETTERED export again. */
@RestController
@Tag(name = "exports")
class ExportRetryController {

    private final OwnerRetries retries;

    ExportRetryController(OwnerRetries retries) {
        this.retries = retries;
    }

    @Operation(operationId = "retryExport", summary = "Send a FAILED or DEAD_LETTERED export again, under the same id",
            description = "The attempt counter goes on; a new round of retries starts. 409 for any other status.",
            responses = {
                    @ApiResponse(responseCode = "202", description = "Queued again",
                            headers = @Header(name = "Location", description = "The export's status URL"),
                            content = @Content(schema = @Schema(implementation = ExportAccepted.class))),
                    @ApiResponse(responseCode = "404", ref = "NotFound"),
                    @ApiResponse(responseCode = "409", ref = "Conflict")})
    @PostMapping("/api/exports/{id}/retry")
    ResponseEntity<ExportAccepted> retry(UserId user, @PathVariable UUID id) {
        ExportAccepted accepted = retries.retry(id, user.value());
        return ResponseEntity.accepted().location(URI.create(accepted.statusUrl())).body(accepted);
    }
}
