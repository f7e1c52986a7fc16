package com.yarnnn.export.edge.export;

import com.yarnnn.export.edge.security.UserId;
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
class ExportRequestController {

    private static final String PATH = "/api/integrations/export";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ExportRequestService exports;
    private final WaitedExports waited;

    ExportRequestController(ExportRequestService exports, WaitedExports waited) {
        this.exports = exports;
        this.waited = waited;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ExportAccepted> request(UserId user, @Valid @RequestBody ExportRequestBody body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return WaitedExports.stillGoing(exports.request(user, body, idempotencyKey), null);
    }

    /** The same request with preferences: published exactly as without them, then answered as the caller prefers. */
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, headers = "Prefer")
    DeferredResult<ResponseEntity<?>> requestPreferring(UserId user, @Valid @RequestBody ExportRequestBody body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @RequestHeader("Prefer") List<String> prefer) {
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
