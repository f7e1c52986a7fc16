package com.yarnnn.export.connector.provider;

import com.yarnnn.export.connector.connection.ActiveConnection;
import com.yarnnn.export.connector.connection.Destination;
import com.yarnnn.export.connector.failure.DeliveryException;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.util.List;

/**
 * A place deliverables can be exported to. An implementation is a Spring bean; the {@link ProviderRegistry}
 * finds it. Providers that need an account read its token through
 * {@link com.yarnnn.export.connector.connection.ConnectionAccess} with the request's connection id.
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

    /**
     * Delivers the request on a later attempt, when an earlier one may have reached the provider before it failed
     * (a timeout after sending, a server that died mid-call). A provider that can look should find what the earlier
     * attempt left (by the export's reference) and finish it instead of delivering a second copy. By default it
     * delivers again.
     */
    default DeliveryReceipt redeliver(ExportRequested request) throws DeliveryException {
        return deliver(request);
    }

    /**
     * The rate budgets one delivery of the request draws on, the most specific first (a provider's "slow down"
     * answer pauses that one) and the connection's last (a slow-down for the whole connection pauses that one).
     * Defaults to none.
     */
    default List<RateBudget> budgets(ExportRequested request) {
        return List.of();
    }

    /** Whether {@link #destinations} lists every place an export can go, so that anything else is refused. */
    default boolean listsDestinations() {
        return false;
    }

    /** Where the connected account can receive exports (channels, pages); empty where the user types it. */
    default List<Destination> destinations(ActiveConnection connection) {
        return List.of();
    }

    /**
     * Proves the connection works with one cheap real call to the provider.
     *
     * @throws DeliveryException when it does not
     */
    default void validateConnection(ActiveConnection connection) {
    }
}
