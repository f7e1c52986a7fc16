package com.yarnnn.export.schemas;

/** Kafka headers the pipeline sets on requests that are retried, dead-lettered or replayed. */
public final class ExportHeaders {

    /** When a request on a retry topic is due (epoch milliseconds, decimal string). */
    public static final String DUE_AT = "yarnnn-due-at";

    /** The first failure's code and message, kept through every retry and onto the dead-letter topic. */
    public static final String FIRST_FAILURE = "yarnnn-first-failure";

    /** The export id, so tools can find a request without parsing its value. */
    public static final String EXPORT_ID = "yarnnn-export-id";

    /** Set on a request sent again by its owner or an operator (the reason); if it fails again it is parked. */
    public static final String REQUEUED = "yarnnn-requeued";

    /**
     * The attempt a round of retries started at (decimal): absent for a new export, set when it is requeued, so a
     * replay gets the whole backoff schedule again.
     */
    public static final String FIRST_ATTEMPT = "yarnnn-first-attempt";

    private ExportHeaders() {
    }
}
