package com.yarnnn.export.schemas;

/** Every topic and consumer group name of the pipeline, in one place. */
public final class Topics {

    /** Outcome events of every provider, keyed by export id. */
    public static final String OUTCOMES = "export.outcomes";

    /** The consumer group that folds outcomes into export_log and export_status. */
    public static final String PROJECTOR_GROUP = "export-projector";

    private static final String REQUESTED_PREFIX = "exports.requested.";

    private Topics() {
    }

    /** Where api-edge publishes {@code ExportRequested} for a provider, keyed by connection. */
    public static String requested(String providerId) {
        return REQUESTED_PREFIX + providerId;
    }

    /** Where requests that cannot be parsed or delivered are parked for replay. */
    public static String deadLetter(String providerId) {
        return requested(providerId) + ".dlt";
    }

    /** One consumer group per provider, so a slow provider never delays another. */
    public static String workerGroup(String providerId) {
        return "export-worker." + providerId;
    }
}
