package com.yarnnn.export.edge.approval;

import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.edge.connection.ConnectionRequiredException;
import com.yarnnn.export.edge.connection.UserConnections;
import com.yarnnn.export.edge.deliverable.DeliverableOwners;
import com.yarnnn.export.edge.export.ExportQueue;
import com.yarnnn.export.edge.export.ExportRequestRejectedException;
import com.yarnnn.export.edge.export.ExportRequestRules;
import com.yarnnn.export.edge.preference.ExportPreference;
import com.yarnnn.export.edge.preference.ExportPreferenceRepository;
import com.yarnnn.export.schemas.event.DeliverableApproved;
import com.yarnnn.export.schemas.event.ExportError;
import com.yarnnn.export.schemas.event.ExportRequested;
import com.yarnnn.export.schemas.event.ExportTrigger;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.util.IdGenerator;

/**
 * Turns an approved version into one export per auto-export preference of its owner. Each export's id comes from
 * (version, provider, destination), and an id that has a row already is skipped, so the same approval handled
 * twice (a duplicate event, or a retry after a crash between two publishes) queues each export once. A
 * preference that cannot be exported (no connection, one that needs re-authorising, content the pipeline cannot
 * carry) becomes a FAILED export with the reason, where its owner sees it.
 */
@Service
class AutoExporter {

    private static final Logger log = LoggerFactory.getLogger(AutoExporter.class);
    private static final int MAX_TITLE = 500;

    private final ExportPreferenceRepository preferences;
    private final DeliverableOwners owners;
    private final ProviderRegistry providers;
    private final UserConnections connections;
    private final ExportRequestRules rules;
    private final ExportQueue queue;
    private final Clock clock;
    private final IdGenerator ids;

    AutoExporter(ExportPreferenceRepository preferences, DeliverableOwners owners, ProviderRegistry providers,
            UserConnections connections, ExportRequestRules rules, ExportQueue queue, Clock clock, IdGenerator ids) {
        this.preferences = preferences;
        this.owners = owners;
        this.providers = providers;
        this.connections = connections;
        this.rules = rules;
        this.queue = queue;
        this.clock = clock;
        this.ids = ids;
    }

    void export(DeliverableApproved approval) {
        if (approval.title().isBlank() || approval.content().isBlank()) {
            throw new InvalidApprovalException("Approval " + approval.eventId() + " has a blank title or content");
        }
        owners.record(approval.deliverableId(), approval.userId());
        int queued = 0;
        for (ExportPreference preference : preferences.autoExports(approval.deliverableId(), approval.userId())) {
            if (exportTo(approval, preference)) {
                queued++;
            }
        }
        log.info("Approval of version {} of deliverable {}: {} auto-export(s) queued now", approval.versionId(),
                approval.deliverableId(), queued);
    }

    /** @return whether the export was queued now (not before, and not refused) */
    private boolean exportTo(DeliverableApproved approval, ExportPreference preference) {
        Optional<ExportProvider> provider = providers.find(preference.providerId());
        UUID connectionId = null;
        ExportError refusal = null;
        if (provider.isEmpty()) {
            refusal = new ExportError("unknown_provider", "The provider '" + preference.providerId()
                    + "' is no longer available");
        } else if (provider.get().descriptor().requiresConnection()) {
            try {
                connectionId = connections.requireActive(approval.userId(), preference.providerId());
            } catch (ConnectionRequiredException e) {
                refusal = new ExportError(e.code(), e.getBody().getDetail());
            }
        }
        if (refusal == null) {
            try {
                rules.checkContent(approval.content());
            } catch (ExportRequestRejectedException e) {
                refusal = new ExportError("content_rejected", e.getBody().getDetail());
            }
        }
        ExportRequested request = request(approval, preference, connectionId);
        if (refusal != null) {
            queue.refuse(request, preference.destinationName(), refusal);
            return false;
        }
        return queue.queue(request, preference.destinationName());
    }

    private ExportRequested request(DeliverableApproved approval, ExportPreference preference, UUID connectionId) {
        String title = approval.title().strip();
        return new ExportRequested(ExportRequested.SCHEMA_VERSION, ids.generateId(),
                approval.exportIdFor(preference.providerId(), preference.destinationId()), approval.userId(),
                preference.providerId(), connectionId, preference.destinationId(), approval.deliverableId(),
                approval.versionId(), title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title,
                approval.content(), ExportTrigger.APPROVAL, 1, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }
}
