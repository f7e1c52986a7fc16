package com.yarnnn.export.connector.connection;

import com.yarnnn.export.connector.vault.TokenVault;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Re-encryption of the stored tokens, where the {@link JdbcConnectionStore} holds them, and its actuator endpoint
 * where actuator is present and the operator exposed it.
 */
@AutoConfiguration(after = ConnectionAutoConfiguration.class)
@ConditionalOnBean(JdbcConnectionStore.class)
public class VaultRotationAutoConfiguration {

    private static final int BATCH_SIZE = 100;

    @Bean
    VaultRotation vaultRotation(JdbcConnectionStore store, TokenVault vault) {
        return new VaultRotation(store, vault, BATCH_SIZE);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    static class ActuatorEndpoint {

        @Bean
        @ConditionalOnAvailableEndpoint
        VaultRotationEndpoint vaultRotationEndpoint(VaultRotation rotation) {
            return new VaultRotationEndpoint(rotation);
        }
    }
}
