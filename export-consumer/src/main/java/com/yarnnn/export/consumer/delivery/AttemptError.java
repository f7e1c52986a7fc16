package com.yarnnn.export.consumer.delivery;

import com.yarnnn.export.connector.connection.ConnectionUnusableException;
import com.yarnnn.export.connector.failure.DeliveryException;
import com.yarnnn.export.connector.failure.McpCallException;
import com.yarnnn.export.connector.provider.InvalidDestinationException;
import com.yarnnn.export.schemas.event.ExportError;
import java.time.Duration;
import java.util.Optional;

/** How a failed attempt ends: another attempt can help ({@link Passing}), or someone must act first ({@link Final}). */
sealed interface AttemptError {

    ExportError error();

    /** Tried again; {@code slowDown} is set when the provider asked to slow down. */
    record Passing(ExportError error, Optional<SlowDown> slowDown) implements AttemptError {
    }

    /** How long the provider asked to wait, and whether for the whole connection or the export's destination. */
    record SlowDown(Duration pause, boolean wholeConnection) {
    }

    record Final(ExportError error) implements AttemptError {
    }

    /** What the user sees of a provider call's failure; the message never names a credential. */
    static AttemptError of(String providerName, RuntimeException failure) {
        if (failure instanceof DeliveryException e) {
            ExportError error = new ExportError(e.code(), e.getMessage());
            return e.retryable()
                    ? new Passing(error, e.retryAfter().map(pause -> new SlowDown(pause, e.connectionLimited())))
                    : new Final(error);
        }
        if (failure instanceof ConnectionUnusableException e) {
            return new Final(new ExportError(e.code(), e.getMessage()));
        }
        if (failure instanceof InvalidDestinationException e) {
            return new Final(new ExportError("destination_invalid", e.getMessage()));
        }
        if (failure instanceof McpCallException e) {
            return new Passing(new ExportError(e.code(), "The " + providerName + " connector is unavailable ("
                    + e.code() + ")"), Optional.empty());
        }
        return new Passing(new ExportError("unexpected_error", "The export failed unexpectedly"), Optional.empty());
    }
}
