package com.yarnnn.export.edge.export;

import com.yarnnn.export.edge.security.UserId;
import com.yarnnn.export.edge.status.ExportQueries;
import com.yarnnn.export.edge.status.ExportStatusView;
import com.yarnnn.export.edge.status.StatusStreams;
import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportState;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Answers an accepted export once it ends, for a caller that asked to wait ({@code Prefer: wait=N}), or with the
 * usual 202 when the wait runs out. It waits on the status stream the SSE route uses, so no thread is held: the
 * answer is written by whichever thread hears the terminal state (or the timeout).
 */
@Component
class WaitedExports {

    static final String PREFERENCE_APPLIED = "Preference-Applied";

    private final StatusStreams streams;
    private final ExportQueries queries;

    WaitedExports(StatusStreams streams, ExportQueries queries) {
        this.streams = streams;
        this.queries = queries;
    }

    DeferredResult<ResponseEntity<?>> answer(UserId user, ExportAccepted accepted, WaitPreference preference) {
        AtomicReference<ExportState> last = new AtomicReference<>(accepted.status());
        DeferredResult<ResponseEntity<?>> answer = new DeferredResult<>(preference.duration().toMillis(),
                () -> stillGoing(ExportAccepted.of(accepted.exportId(), last.get()), preference));
        ExportStatusView owned = queries.owned(user.value(), accepted.exportId());
        StatusStreams.Watch watch = streams.watch(owned, view -> {
            last.set(view.status());
            if (view.status().isTerminal()) {
                answer.setResult(ended(view, preference));
            }
            return !answer.isSetOrExpired();
        });
        answer.onCompletion(watch::close);
        answer.onError(error -> watch.close());
        return answer;
    }

    /** The usual answer: accepted, to be followed at its status URL. */
    static ResponseEntity<ExportAccepted> stillGoing(ExportAccepted accepted, WaitPreference preference) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.accepted().location(URI.create(accepted.statusUrl()));
        if (preference != null) {
            answer.header(PREFERENCE_APPLIED, preference.applied());
        }
        return answer.body(accepted);
    }

    private static ResponseEntity<?> ended(ExportStatusView view, WaitPreference preference) {
        String statusUrl = ExportAccepted.of(view.exportId(), view.status()).statusUrl();
        if (view.status() == ExportState.SUCCEEDED) {
            return ResponseEntity.ok().header(PREFERENCE_APPLIED, preference.applied())
                    .body(new ExportDelivered(true, view.externalId(), view.externalUrl(), view.exportId(),
                            view.status(), statusUrl));
        }
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).header(PREFERENCE_APPLIED, preference.applied())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(failed(view, statusUrl));
    }

    /**
     * A failed export as a problem: 502, since the destination (or the way to it) refused what the request was
     * right to ask, with the design's {@code success: false} and {@code error} beside the export's error code.
     */
    private static ProblemDetail failed(ExportStatusView view, String statusUrl) {
        ExportError error = view.error() != null ? view.error()
                : new ExportError("export_failed", "The export ended " + view.status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, error.message());
        problem.setTitle("Export " + view.status().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        problem.setProperty("success", false);
        problem.setProperty("error", error.message());
        problem.setProperty("error_code", error.code());
        problem.setProperty("export_id", view.exportId());
        problem.setProperty("export_status", view.status());
        problem.setProperty("status_url", statusUrl);
        return problem;
    }
}
