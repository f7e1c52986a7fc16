package com.yarnnn.export.connector.provider.hosted;

import com.yarnnn.export.connector.connection.Destination;
import com.yarnnn.export.connector.failure.DeliveryException;
import com.yarnnn.export.connector.provider.DeliveryReceipt;
import com.yarnnn.export.connector.provider.InvalidDestinationException;
import com.yarnnn.export.connector.provider.RateBudget;
import com.yarnnn.export.schemas.event.ExportRequested;
import java.util.List;
import java.util.Optional;

/**
 * What a vendor's hosted MCP server needs that configuration cannot say: which of its tools deliver an export and
 * with which arguments. A provider declared under {@code yarnnn.providers.hosted.<id>} names one implementation
 * ({@code mapping}); {@link HostedMcpExportProvider} does the rest (the connection and its token, the session, the
 * transport's failures). Implementations are created by Spring, so they may take configuration in their constructor.
 */
public interface HostedToolMapping {

    /**
     * Rejects a destination id that can never work, with a message for the user. By default any non-blank id.
     *
     * @throws InvalidDestinationException when it cannot
     */
    default void checkDestination(String destinationId) {
        if (destinationId == null || destinationId.isBlank()) {
            throw new InvalidDestinationException("destination_id is required");
        }
    }

    /**
     * Delivers the export with the server's tools.
     *
     * @throws DeliveryException when it was not delivered ({@link ToolAnswer#orThrow} classifies a tool error)
     */
    DeliveryReceipt deliver(HostedTools tools, ExportRequested request);

    /**
     * What an earlier attempt of this export left at the destination (found by {@link
     * com.yarnnn.export.connector.provider.ExportReference}), so a retry after a timeout does not deliver twice. By
     * default nothing is looked for: a mapping whose server can search should.
     */
    default Optional<DeliveryReceipt> findEarlier(HostedTools tools, ExportRequested request) {
        return Optional.empty();
    }

    /**
     * The rate budgets one delivery draws on, the most specific first; the provider adds one for the connection after
     * them. By default none but that one.
     */
    default List<RateBudget> budgets(ExportRequested request) {
        return List.of();
    }

    /** Whether {@link #destinations} lists every place an export can go. */
    default boolean listsDestinations() {
        return false;
    }

    /** Where the connected account can receive exports; empty where the user types it. */
    default List<Destination> destinations(HostedTools tools) {
        return List.of();
    }

    /** Proves the connection with one cheap real call, where the server has one; by default none. */
    default void validate(HostedTools tools) {
    }
}
