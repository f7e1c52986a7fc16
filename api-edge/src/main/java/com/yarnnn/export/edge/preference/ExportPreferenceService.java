package com.yarnnn.export.edge.preference;

import com.yarnnn.export.connector.connection.Destination;
import com.yarnnn.export.connector.provider.ExportProvider;
import com.yarnnn.export.connector.provider.InvalidDestinationException;
import com.yarnnn.export.connector.provider.ProviderRegistry;
import com.yarnnn.export.edge.connection.UserConnections;
import com.yarnnn.export.edge.deliverable.DeliverableNotFoundException;
import com.yarnnn.export.edge.deliverable.DeliverableOwners;
import com.yarnnn.export.edge.export.ExportRequestRejectedException;
import com.yarnnn.export.edge.problem.ApiProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.IdGenerator;

/**
 * The owner's saved destinations of a deliverable. A destination is checked when saved: the provider must accept
 * its form, and where the provider lists its destinations (Slack channels, Notion pages) it must be one of them,
 * so an auto-export never discovers a typo at approval time.
 */
@Service
class ExportPreferenceService {

    private final ExportPreferenceRepository preferences;
    private final DeliverableOwners owners;
    private final ProviderRegistry providers;
    private final UserConnections connections;
    private final IdGenerator ids;

    ExportPreferenceService(ExportPreferenceRepository preferences, DeliverableOwners owners, ProviderRegistry providers,
            UserConnections connections, IdGenerator ids) {
        this.preferences = preferences;
        this.owners = owners;
        this.providers = providers;
        this.connections = connections;
        this.ids = ids;
    }

    List<ExportPreference> list(UUID userId, UUID deliverableId) {
        owners.requireOwner(deliverableId, userId);
        return preferences.list(deliverableId, userId);
    }

    ExportPreference save(UUID userId, UUID deliverableId, ExportPreferenceBody body) {
        owners.claim(deliverableId, userId);
        ExportProvider provider = providers.find(body.providerId()).orElseThrow(
                () -> ExportRequestRejectedException.unknownProvider(body.providerId(), providers.ids()));
        String destinationId = body.destinationId().strip();
        String listedName = checkedDestination(userId, provider, destinationId);
        String name = body.destinationName() != null && !body.destinationName().isBlank()
                ? body.destinationName().strip() : listedName;
        return preferences.save(ids.generateId(), deliverableId, userId, provider.descriptor().id(), destinationId,
                name, body.autoExport()).orElseThrow(() -> new DeliverableNotFoundException(deliverableId));
    }

    void delete(UUID userId, UUID deliverableId, UUID preferenceId) {
        owners.requireOwner(deliverableId, userId);
        if (!preferences.delete(preferenceId, deliverableId, userId)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND,
                    "No export preference " + preferenceId + " was found for deliverable " + deliverableId);
        }
    }

    /**
     * @return the destination's name as the provider lists it (its id where the user types it in)
     * @throws ApiProblemException 422 when the provider would refuse the destination
     */
    private String checkedDestination(UUID userId, ExportProvider provider, String destinationId) {
        try {
            provider.checkDestination(destinationId);
        } catch (InvalidDestinationException e) {
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        }
        if (!provider.listsDestinations()) {
            return destinationId;
        }
        return connections.destinations(userId, provider.descriptor().id()).stream()
                .filter(destination -> destination.id().equals(destinationId))
                .map(Destination::name)
                .findFirst()
                .orElseThrow(() -> new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
                        provider.descriptor().displayName() + " has no destination '" + destinationId
                                + "' you can export to: pick one from GET /api/integrations/"
                                + provider.descriptor().id() + "/destinations"));
    }
}
