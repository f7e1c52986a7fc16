package com.yarnnn.export.connector.provider;

import com.yarnnn.export.schemas.event.ExportRequested;

/**
 * A place deliverables can be exported to. An implementation is a Spring bean; the {@link ProviderRegistry}
 * finds it.
 */
public interface ExportProvider {

    ProviderDescriptor descriptor();

    /** Rejects a destination id that can never work, with a message for the user. */
    void checkDestination(String destinationId) throws InvalidDestinationException;

    /**
     * Delivers the request. Delivering the same export id again must not create a second copy where the
     * provider allows that to be avoided.
     *
     * @throws DeliveryException when the deliverable was not delivered
     */
    DeliveryReceipt deliver(ExportRequested request) throws DeliveryException;
}
