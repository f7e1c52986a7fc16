package com.yarnnn.export.connector.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * connector-service's API: the packages another module (api-edge, export-consumer) may use, each exactly, without
 * its sub-packages. Everything else is the library's own business: the MCP sessions ({@code mcp}), the token vault
 * ({@code vault}), each provider's formatting and tool calls ({@code provider.slack}, {@code .notion},
 * {@code .gmail}, {@code .folder}, {@code .markdown}) and the auto-configuration root. A module's ArchitectureTest
 * applies {@link #onlyThroughItsApi} to its own package.
 */
public final class ConnectorApi {

    private static final String CONNECTOR = "com.yarnnn.export.connector";

    public static final String[] PACKAGES = {
            // connections, their store and access, the accounts' destinations, ConnectionUnusableException
            CONNECTOR + ".connection",
            // Secret: a credential in memory, redacted in print
            CONNECTOR + ".credential",
            // what a call to a vendor failed with: DeliveryException, McpCallException
            CONNECTOR + ".failure",
            // the provider SPI and its registry, descriptors, rate budgets, receipts; ConnectionSessions
            CONNECTOR + ".provider",
            // the vendors' OAuth apps: authorization, code exchange, revocation
            CONNECTOR + ".oauth",
            // the pipeline's Kafka plumbing: serde, consumer factory, acknowledged sends, dead letters
            CONNECTOR + ".kafka",
            // fault injection for tests and drills
            CONNECTOR + ".failpoint",
    };

    private ConnectorApi() {
    }

    /** Classes in {@code clientPackage} (a package pattern, e.g. {@code com.yarnnn.export.edge..}) use only the API. */
    public static ArchRule onlyThroughItsApi(String clientPackage) {
        return noClasses().that().resideInAPackage(clientPackage)
                .should().dependOnClassesThat(resideInAPackage(CONNECTOR + "..").and(not(resideInAnyPackage(PACKAGES)))
                        .as("are in connector-service but outside its API packages"))
                .because("connector-service's internals (MCP sessions, the vault, each provider's own code) may "
                        + "change without its users noticing; see ConnectorApi.PACKAGES");
    }
}
