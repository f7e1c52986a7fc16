package com.yarnnn.export.schemas;

/** Every topic and consumer group name of the pipeline, in one place. */
public final class Topics {

    /** Outcome events of every provider, keyed by export id. */
    public static final String OUTCOMES = "export.outcomes";

    /** The consumer group that folds outcomes into export_log and export_status. */
    public static final String PROJECTOR_GROUP = "export-projector";

    /** Approval events published by the product, keyed by deliverable id. */
    public static final String APPROVALS = "deliverable.approved";

    /** Approval events that could not be read, kept for an operator. */
    public static final String APPROVALS_DEAD_LETTER = APPROVALS + ".dlt";

    /** api-edge's group on {@link #APPROVALS}: it turns approvals into auto-exports. */
    public static final String AUTO_EXPORT_GROUP = "export-auto-trigger";

    private static final String REQUESTED_PREFIX = "exports.requested.";

    private Topics() {
    }

    /** Where api-edge publishes {@code ExportRequested} for a provider, keyed by connection. */
    public static String requested(String providerId) {
        return REQUESTED_PREFIX + providerId;
    }

    /**
     * Where a request waits after failed attempt {@code tier} (1-based): one topic per backoff step, so every record
     * on it waits the same time and the head of a partition is always the first due.
     */
    public static String retry(String providerId, int tier) {
        return requested(providerId) + ".retry-" + tier;
    }

    /** Where requests that cannot be parsed or delivered are parked for replay. */
    public static String deadLetter(String providerId) {
        return requested(providerId) + ".dlt";
    }

    /** Where a requeued request that failed again is parked for a person to look at; never replayed in bulk. */
    public static String parked(String providerId) {
        return requested(providerId) + ".parked";
    }

    /** One consumer group per provider, so a slow provider never delays another. */
    public static String workerGroup(String providerId) {
        return "export-worker." + providerId;
    }

    /** The group that takes a provider's requests off its retry topics when they are due. */
    public static String retryGroup(String providerId) {
        return "export-retry." + providerId;
    }

    /** The provider whose requested, retry or dead-letter topic this is. */
    public static String providerOf(String topic) {
        String rest = topic.substring(REQUESTED_PREFIX.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
