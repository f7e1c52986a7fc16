package com.yarnnn.export.connector.connection;

import com.yarnnn.export.connector.vault.TokenVault;
import com.yarnnn.export.connector.vault.VaultKeyRing;
import com.yarnnn.export.connector.vault.VaultProperties;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.IdGenerator;

/**
 * The token vault (always: an application without a usable key ring does not start) and, where there is a
 * database, the {@link ConnectionStore} on it. Provider auto-configurations order themselves after this one.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        JdbcClientAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@EnableConfigurationProperties(VaultProperties.class)
public class ConnectionAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TokenVault tokenVault(VaultProperties properties) {
        return new TokenVault(VaultKeyRing.parse(properties.keys(), properties.activeKeyId()));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(DataSource.class)
    static class JdbcConnections {

        @Bean
        @ConditionalOnMissingBean(ConnectionStore.class)
        JdbcConnectionStore connectionStore(JdbcClient jdbc, PlatformTransactionManager transactionManager,
                TokenVault vault, Clock clock, IdGenerator ids) {
            return new JdbcConnectionStore(jdbc, new TransactionTemplate(transactionManager), vault, clock, ids);
        }
    }
}
