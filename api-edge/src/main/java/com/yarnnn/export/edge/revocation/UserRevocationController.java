package com.yarnnn.export.edge.revocation;

import com.yarnnn.export.edge.connection.UserConnections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/ops/users/{userId}/revocation} (role {@code operator}): a user's access ends. Their tokens issued
 * until now are refused by every instance, then their connected accounts are revoked at the vendors and deleted, so
 * nothing more is delivered on their behalf; signing in again gives them a working token and no connections.
 */
@RestController
@Tag(name = "operators", description = "Needs `operator` in the token's `roles` claim")
class UserRevocationController {

    private static final Logger log = LoggerFactory.getLogger(UserRevocationController.class);

    record Revocation(UUID userId, Instant revokedAt, int connectionsRemoved) {
    }

    private final UserRevocations revocations;
    private final UserConnections connections;

    UserRevocationController(UserRevocations revocations, UserConnections connections) {
        this.revocations = revocations;
        this.connections = connections;
    }

    @Operation(operationId = "revokeUser", summary = "End a user's access: refuse their tokens, remove their connections",
            description = "Tokens issued at or before now are refused by every api-edge instance within 5 s (this one at "
                    + "once); each connected account is revoked at the vendor (best effort) and deleted. Repeating it is "
                    + "harmless and moves the time on.")
    @ApiResponse(responseCode = "200", description = "The revocation", useReturnTypeSchema = true)
    @PostMapping("/api/ops/users/{userId}/revocation")
    Revocation revoke(@PathVariable UUID userId) {
        Instant revokedAt = revocations.revoke(userId);
        int removed = connections.disconnectAll(userId);
        log.info("Access of user {} revoked; {} connection(s) removed", userId, removed);
        return new Revocation(userId, revokedAt, removed);
    }
}
