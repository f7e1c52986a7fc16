package com.yarnnn.export.schemas.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * What happened to one attempt of an export. Published by export-consumer to {@code export.outcomes},
 * keyed by export id, and folded by the projector into {@code export_log} and {@code export_status}.
 * The {@code type} property names the record.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(ExportStarted.class),
        @JsonSubTypes.Type(ExportSucceeded.class),
        @JsonSubTypes.Type(ExportFailed.class),
        @JsonSubTypes.Type(ExportRetrying.class),
        @JsonSubTypes.Type(ExportWaiting.class),
        @JsonSubTypes.Type(ExportDeadLettered.class),
        @JsonSubTypes.Type(ExportRequeued.class)
})
public sealed interface ExportOutcome
        permits ExportStarted, ExportSucceeded, ExportFailed, ExportRetrying, ExportWaiting, ExportDeadLettered,
        ExportRequeued {

    int SCHEMA_VERSION = 1;

    int schemaVersion();

    /** Unique per event; a re-emitted outcome keeps its id, so the projector can drop the copy. */
    UUID eventId();

    ExportRef export();

    int attempt();

    Instant occurredAt();

    @JsonIgnore
    ExportState state();

    /** The error of a failed attempt, or null. */
    @JsonIgnore
    default ExportError errorOrNull() {
        return null;
    }

    /** When the export is looked at again, for an export that waits or retries; else null. */
    @JsonIgnore
    default Instant nextAttemptAtOrNull() {
        return null;
    }

    /** Whether the export's history lists this event: attempt outcomes and requeues, not starts or waits. */
    @JsonIgnore
    default boolean showsInHistory() {
        return true;
    }
}
