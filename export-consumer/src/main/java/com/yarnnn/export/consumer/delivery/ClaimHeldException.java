package com.yarnnn.export.consumer.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * Another worker holds the export (a rebalance moved its partition mid-delivery). Waiting, not delivering:
 * the holder finishes and records the outcome, or its lease expires and this worker takes over.
 */
public class ClaimHeldException extends RuntimeException {

    public ClaimHeldException(UUID exportId, Instant leaseExpiresAt) {
        super("Export " + exportId + " is being delivered by another worker until " + leaseExpiresAt);
    }
}
