package com.yarnnn.export.edge.connection;

import com.yarnnn.export.connector.connection.Destination;
import com.yarnnn.export.edge.security.UserId;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's connected accounts: list, disconnect, where each can export to, and whether it still works. */
@RestController
class ConnectionController {

    /** The answer of {@code GET /api/integrations/connected}. */
    record ConnectedIntegrations(List<ConnectedIntegration> connections) {
    }

    /** The answer of {@code GET /api/integrations/{provider}/destinations}. */
    record Destinations(List<Destination> destinations) {
    }

    /** The answer of {@code POST /api/integrations/{provider}/validate}. */
    record Validated(String provider, boolean valid) {
    }

    private final UserConnections connections;

    ConnectionController(UserConnections connections) {
        this.connections = connections;
    }

    @GetMapping("/api/integrations/connected")
    ConnectedIntegrations connected(UserId user) {
        return new ConnectedIntegrations(connections.list(user.value()).stream()
                .map(c -> ConnectedIntegration.of(c, connections.displayName(c.providerId())))
                .toList());
    }

    @DeleteMapping("/api/integrations/{provider}")
    ResponseEntity<Void> disconnect(UserId user, @PathVariable String provider) {
        connections.disconnect(user.value(), provider);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/integrations/{provider}/validate")
    Validated validate(UserId user, @PathVariable String provider) {
        connections.validate(user.value(), provider);
        return new Validated(provider, true);
    }

    @GetMapping("/api/integrations/{provider}/destinations")
    Destinations destinations(UserId user, @PathVariable String provider) {
        return new Destinations(connections.destinations(user.value(), provider));
    }
}
