package com.yarnnn.export.edge;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import com.yarnnn.export.connector.testing.ConnectorApi;
import com.yarnnn.export.connector.testing.PackageCycles;

/** api-edge's package boundaries (issue 14), checked on its main classes. */
@AnalyzeClasses(packages = "com.yarnnn.export.edge", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** {@code export}, {@code status}, {@code connection}, {@code outbox}, … and the root package form no circle. */
    @ArchTest
    static final ArchTests packageCycles = ArchTests.in(PackageCycles.class);

    /**
     * api-edge uses connector-service only through its API packages ({@link ConnectorApi#PACKAGES}), each without
     * its sub-packages: {@code connector.connection}, {@code .credential}, {@code .failure}, {@code .provider} (the
     * provider SPI, registry, {@code ConnectionSessions}), {@code .oauth}, {@code .kafka} and {@code .failpoint}.
     * Never {@code connector.mcp} (a disconnect stops a connection's MCP server through {@code ConnectionSessions}),
     * the vault, or a provider's internals ({@code provider.slack}, {@code .notion}, {@code .gmail}, {@code .folder},
     * {@code .markdown}).
     */
    @ArchTest
    static final ArchRule connectorOnlyThroughItsApi = ConnectorApi.onlyThroughItsApi("com.yarnnn.export.edge..");
}
