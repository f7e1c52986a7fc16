package com.yarnnn.export.edge.export;

import com.yarnnn.export.edge.security.UserId;
import com.yarnnn.export.edge.contract.ContractExamples;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * {@code POST /api/integrations/export}: answers 202 once the export is durably queued. A caller that sends
 * {@code Prefer: wait=N} is answered when the export ends, if it ends within N seconds (30 at most).
 */
@RestController
@Tag(name = "exports")
class ExportRequestController {

    private static final String PATH = "/api/integrations/export";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ExportRequestService exports;
    private final WaitedExports waited;

    ExportRequestController(ExportRequestService exports, WaitedExports waited) {
        this.exports = exports;
        this.waited = waited;
    }

    /** Described with {@link #requestPreferring}: one operation, whose {@code Prefer} header is optional. */
    @Operation(hidden = true)
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ExportAccepted> request(UserId user, @Valid @RequestBody ExportRequestBody body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return WaitedExports.stillGoing(exports.request(user, body, idempotencyKey), null);
    }

    /** The same request with preferences: published exactly as without them, then answered as the caller prefers. */
    @Operation(operationId = "requestExport", summary = "Queue an export", description = """
            Answers 202 once the export is durably queued (Kafka gets it right after, or through the outbox while \
            the broker is down). A retry with the same `Idempotency-Key` and body gets the same export, delivered \
            once; the same key with another body is 422. With `Prefer: wait=N` (RFC 7240, N ≤ 30) the answer \
            waits for the export's end: 200 with the design's answer, 502 when it failed, else the usual 202.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ExportRequestBody.class), examples = {
                            @ExampleObject(name = "design", summary = "The design's request",
                                    value = ContractExamples.DESIGN_EXPORT_REQUEST),
                            @ExampleObject(name = "full", summary = "With this API's fields",
                                    value = ContractExamples.EXPORT_REQUEST)})),
            responses = {
                    @ApiResponse(responseCode = "202", description = "Queued; follow it at `status_url`",
                            headers = {@Header(name = "Location", description = "The export's status URL"),
                                    @Header(name = ContractExamples.PREFERENCE_APPLIED,
                                            description = "With `Prefer: wait=N`: the wait applied")},
                            content = @Content(schema = @Schema(implementation = ExportAccepted.class),
                                    examples = @ExampleObject(value = ContractExamples.EXPORT_ACCEPTED))),
                    @ApiResponse(responseCode = "200",
                            description = "With `Prefer: wait=N`: the export succeeded within N s (the design's answer)",
                            headers = @Header(name = ContractExamples.PREFERENCE_APPLIED,
                                    description = "The wait applied, at most 30 s"),
                            content = @Content(schema = @Schema(implementation = ExportDelivered.class),
                                    examples = @ExampleObject(value = ContractExamples.EXPORT_DELIVERED))),
                    @ApiResponse(responseCode = "502", ref = "ExportFailed"),
                    @ApiResponse(responseCode = "409", ref = "Conflict"),
                    @ApiResponse(responseCode = "413", ref = "ContentTooLarge"),
                    @ApiResponse(responseCode = "415", ref = "UnsupportedMediaType"),
                    @ApiResponse(responseCode = "422", ref = "Unprocessable")})
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, headers = "Prefer")
    DeferredResult<ResponseEntity<?>> requestPreferring(UserId user, @Valid @RequestBody ExportRequestBody body,
            @Parameter(description = "1 to 255 printable ASCII characters; the same key is the same export")
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            // present by the mapping's condition; optional in the contract, which describes both methods as one
            @Parameter(example = "wait=10", description = "`wait=N`: answer when the export ends, if within N s "
                    + "(at most 30); any other preference is ignored")
            @RequestHeader(name = "Prefer", required = false) List<String> prefer) {
        ExportAccepted accepted = exports.request(user, body, idempotencyKey);
        Optional<WaitPreference> wait = WaitPreference.of(prefer);
        if (wait.isEmpty()) {
            DeferredResult<ResponseEntity<?>> now = new DeferredResult<>();
            now.setResult(WaitedExports.stillGoing(accepted, null));
            return now;
        }
        return waited.answer(user, accepted, wait.get());
    }
}
