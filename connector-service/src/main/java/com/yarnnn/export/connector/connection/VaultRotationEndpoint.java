package com.yarnnn.export.connector.connection;

import com.yarnnn.export.connector.connection.VaultRotation.RotationReport;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The operators' command to re-encrypt every stored token with the active vault key: {@code POST
 * /actuator/vaultrotation}. Not exposed unless {@code management.endpoints.web.exposure.include} names it.
 */
@Endpoint(id = "vaultrotation")
public class VaultRotationEndpoint {

    private final VaultRotation rotation;

    public VaultRotationEndpoint(VaultRotation rotation) {
        this.rotation = rotation;
    }

    @WriteOperation
    public RotationReport rotate() {
        return rotation.run();
    }
}
