package com.yarnnn.export.edge.status;

import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportOutcome;
import com.yarnnn.export.schemas.event.ExportStarted;
import com.yarnnn.export.schemas.event.ExportSucceeded;
import java.util.ArrayList;
import java.util.List;

/**
 * An export's view moved forward by one outcome event, as the projector will write it: the stream shows each
 * state as it happens, even one the projection has already passed by the time it could be read.
 */
final class LiveExport {

    private LiveExport() {
    }

    static ExportStatusView apply(ExportStatusView view, ExportOutcome outcome) {
        ExportSucceeded success = outcome instanceof ExportSucceeded s ? s : null;
        ExportError error = outcome.errorOrNull();
        boolean terminal = outcome.state().isTerminal();
        List<ExportAttempt> attempts = new ArrayList<>(view.attempts());
        if (outcome.showsInHistory()) {
            attempts.add(new ExportAttempt(outcome.state(), outcome.attempt(), error,
                    success != null ? success.externalUrl() : null, outcome.occurredAt()));
        }
        return new ExportStatusView(view.exportId(), view.providerId(), view.destinationId(), view.destinationName(),
                view.deliverableId(), view.deliverableVersionId(), view.title(), view.trigger(), outcome.state(),
                Math.max(view.attempt(), outcome.attempt()), error,
                success != null ? success.externalId() : view.externalId(),
                success != null ? success.externalUrl() : view.externalUrl(),
                view.createdAt(),
                view.startedAt() != null || !(outcome instanceof ExportStarted) ? view.startedAt() : outcome.occurredAt(),
                terminal ? outcome.occurredAt() : null,
                outcome.occurredAt().isAfter(view.updatedAt()) ? outcome.occurredAt() : view.updatedAt(),
                outcome.nextAttemptAtOrNull(),
                List.copyOf(attempts));
    }
}
