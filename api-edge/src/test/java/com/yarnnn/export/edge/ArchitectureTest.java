package com.yarnnn.export.edge;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.yarnnn.export.connector.testing.ConnectorApi;

/** api-edge's package boundaries (issue 14), checked on its main classes. */
@AnalyzeClasses(packages = "com.yarnnn.export.edge", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The edge's features ({@code export}, {@code status}, {@code connection}, {@code outbox}, …) form no circle. */
    @ArchTest
    static final ArchRule noCyclesBetweenFeatures = slices().matching("com.yarnnn.export.edge.(*)..")
            .should().beFreeOfCycles();

    /** Nor do single packages, the root one included. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("com.yarnnn.export.(**)")
            .should().beFreeOfCycles();

    /**
     * api-edge uses connector-service only through its API packages ({@link ConnectorApi#PACKAGES}):
     * {@code connector.connection}, {@code .credential}, {@code .failure}, {@code .provider} (the package itself:
     * the provider SPI, registry and {@code ConnectionSessions}), {@code .oauth}, {@code .kafka} and
     * {@code .failpoint}. Never {@code connector.mcp} (sessions are the providers' business: a disconnect stops a
     * connection's server through {@code ConnectionSessions}), the vault, or a provider's internals
     * ({@code provider.slack}, {@code .notion}, {@code .gmail}, {@code .folder}, {@code .markdown}).
     */
    @ArchTest
    static final ArchRule connectorOnlyThroughItsApi = ConnectorApi.onlyThroughItsApi("com.yarnnn.export.edge..");
}
